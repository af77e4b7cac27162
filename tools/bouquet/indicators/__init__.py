"""Indicators of the deployments: records -> Arrow tables -> SQL (DuckDB or PostgreSQL) ->
the half-yearly figures, their report and the open-data export."""
