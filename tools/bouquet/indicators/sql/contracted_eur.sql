-- Amounts of the deployments signed in the semester and not cancelled; how many had none.
SELECT s.code AS semester,
       COALESCE(SUM(d.montant_ht_eur), 0) AS contracted,
       COUNT(*) - COUNT(d.montant_ht_eur) AS undisclosed
FROM semesters s
JOIN deployments d ON d.signature BETWEEN s.first_day AND s.last_day
WHERE d.statut <> 'annule'
GROUP BY s.code
ORDER BY s.code;
