-- Views for the main questions, for sqlite3 and Datasette users.
-- casetrack itself does not depend on them.

-- Everyone's current status: the latest event not retracted, dated by its own
-- date or its resolution's adoption.
CREATE VIEW current_status AS
SELECT p.id AS person_id, p.name, e.status, e.effective_date AS since, e.date_basis, e.sentence,
       e.source_document, e.source_section, e.source_text
FROM person p
JOIN status_event_dated e ON e.id = (
    SELECT e2.id FROM status_event_dated e2
    WHERE e2.person_id = p.id AND NOT e2.retracted
    ORDER BY e2.effective_start DESC, e2.id DESC LIMIT 1)
WHERE p.merged_into_id IS NULL;

-- Who is charged under which article, with evidence and source.
CREATE VIEW charged_under AS
SELECT i.name AS instrument, pr.article,
       CASE WHEN c.person_id IS NOT NULL THEN 'person' WHEN c.organisation_id IS NOT NULL THEN 'organisation' ELSE 'group' END AS subject_kind,
       COALESCE(pe.name, o.name, c.subject_group) AS subject, c.stage, c.evidence, c.because,
       COALESCE(d.procedure, d.title) AS source_document, s.label AS source_section, c.source_text
FROM charge c
JOIN provision pr ON pr.id = c.provision_id JOIN instrument i ON i.id = pr.instrument_id
LEFT JOIN person pe ON pe.id = c.person_id LEFT JOIN organisation o ON o.id = c.organisation_id
LEFT JOIN section s ON s.id = c.section_id LEFT JOIN document d ON d.id = s.document_id;

-- Release calls by resolution.
CREATE VIEW release_calls AS
SELECT COALESCE(d.procedure, d.title) AS document, s.label AS section, p.id AS person_id, p.name
FROM release_call r JOIN section s ON s.id = r.section_id JOIN document d ON d.id = s.document_id
JOIN person p ON p.id = r.person_id;
