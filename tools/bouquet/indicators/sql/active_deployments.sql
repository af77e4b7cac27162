-- Active deployments per module and tiroir.
SELECT a.semester, a.module, a.tiroir, COUNT(*) AS deployments
FROM active a
GROUP BY a.semester, a.module, a.tiroir
ORDER BY a.semester, a.module, a.tiroir;
