-- Results of the semester per module and indicator: the sum of the values, or for a
-- percentage the sums of the numerators and of the denominators.
SELECT r.periode AS semester, d.module, r.indicateur,
       SUM(r.valeur) AS total, SUM(r.numerateur) AS numerator,
       SUM(r.denominateur) AS denominator
FROM results r
JOIN semesters s ON s.code = r.periode
JOIN deployments d ON d.deployment_id = r.deployment_id
GROUP BY r.periode, d.module, r.indicateur
ORDER BY r.periode, d.module, r.indicateur;
