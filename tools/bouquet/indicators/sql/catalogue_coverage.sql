-- Modules published (valide or experimentation) in the last release on or before the
-- semester's end, and how many of them have an active deployment in the semester.
WITH latest AS (
  SELECT s.code AS semester, MAX(c.release_order) AS release_order
  FROM semesters s
  JOIN catalogue c ON c.released <= s.last_day
  GROUP BY s.code
), published AS (
  SELECT l.semester, c.module
  FROM latest l
  JOIN catalogue c ON c.release_order = l.release_order
  WHERE c.statut IN ('valide', 'experimentation')
), deployed AS (
  SELECT DISTINCT a.semester, a.module FROM active a
)
SELECT p.semester, COUNT(DISTINCT p.module) AS published, COUNT(DISTINCT u.module) AS deployed
FROM published p
LEFT JOIN deployed u ON u.semester = p.semester AND u.module = p.module
GROUP BY p.semester
ORDER BY p.semester;
