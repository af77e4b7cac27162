-- Fundings of the deployments signed in the semester and not cancelled, per source.
SELECT s.code AS semester, f.source, SUM(f.montant_eur) AS amount
FROM semesters s
JOIN deployments d ON d.signature BETWEEN s.first_day AND s.last_day
JOIN fundings f ON f.deployment_id = d.deployment_id
WHERE d.statut <> 'annule'
GROUP BY s.code, f.source
ORDER BY s.code, f.source;
