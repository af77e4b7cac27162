-- Distinct hubs with an active deployment.
SELECT DISTINCT a.semester, a.hub
FROM active a
ORDER BY a.semester, a.hub;
