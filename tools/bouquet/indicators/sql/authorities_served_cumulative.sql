-- Distinct SIREN of the local authorities served in any semester up to each one: each
-- authority counts from the first semester it was served.
SELECT s.code AS semester, COUNT(f.siren) AS authorities
FROM semesters s
JOIN (
  SELECT a.siren, MIN(a.semester_order) AS first_order
  FROM active a
  JOIN collectivite_types c ON c.type = a.commanditaire_type
  WHERE a.siren IS NOT NULL
  GROUP BY a.siren
) f ON f.first_order <= s.semester_order
GROUP BY s.code
ORDER BY s.code;
