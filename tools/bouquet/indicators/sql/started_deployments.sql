-- Active deployments whose start falls in the semester, per module and tiroir.
SELECT a.semester, a.module, a.tiroir, COUNT(*) AS deployments
FROM active a
WHERE a.debut >= a.first_day
GROUP BY a.semester, a.module, a.tiroir
ORDER BY a.semester, a.module, a.tiroir;
