"""Checks that yield diagnostics: model errors in French, rules beyond the schema."""
