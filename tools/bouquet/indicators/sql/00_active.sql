-- Setup: the deployments active in each semester (statut neither prevu nor annule, started
-- on or before the semester's last day, not finished before its first day).
DROP TABLE IF EXISTS active;
CREATE TABLE active AS
SELECT s.code AS semester, s.first_day, s.last_day, s.semester_order,
       d.deployment_id, d.hub, d.module, d.tiroir, d.commanditaire_type, d.siren, d.debut
FROM semesters s
JOIN deployments d
  ON d.debut <= s.last_day AND (d.fin IS NULL OR d.fin >= s.first_day)
WHERE d.statut NOT IN ('prevu', 'annule');
