-- Distinct SIREN of the local authorities (collectivités) of the active deployments.
SELECT a.semester, COUNT(DISTINCT a.siren) AS authorities
FROM active a
JOIN collectivite_types c ON c.type = a.commanditaire_type
WHERE a.siren IS NOT NULL
GROUP BY a.semester
ORDER BY a.semester;
