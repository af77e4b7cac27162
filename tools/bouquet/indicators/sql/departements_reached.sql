-- Distinct départements of the territories of the active deployments: a commune counts for
-- its département, an EPCI for those of its communes, a région for all of its own.
SELECT DISTINCT a.semester, g.departement
FROM active a
JOIN territories t ON t.deployment_id = a.deployment_id
JOIN geography g ON g.kind = t.kind AND g.code = t.code
ORDER BY a.semester, g.departement;
