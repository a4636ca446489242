-- casetrack schema, version 12: a step placed only after another is ordered no
-- earlier than that lower bound. Frozen once shipped.
--
-- A past step the text does not date, with a lower bound and no upper one
-- ("was released after July 2023"), speaks from its resolution's adoption. When
-- that adoption is known only to the year (a motion dated "2023"), its first
-- day, 1 January, came before the July detention the release follows, and the
-- release sorted first. The order now starts from the later of the two: the
-- step's effective_start and the first day of its lower bound. Stored dates do
-- not change (effective_start stays what `check` verifies); only the order does,
-- the same as StatusRule (StatusStep.orderStart) in casetrack's answers.
DROP VIEW current_status;
CREATE VIEW current_status AS
WITH ordered AS (
    SELECT e.*,
           CASE WHEN e.date IS NULL AND e.date_before IS NULL AND e.date_after IS NOT NULL
                THEN max(e.effective_start, CASE length(e.date_after) WHEN 4 THEN e.date_after || '-01-01'
                                                                      WHEN 7 THEN e.date_after || '-01'
                                                                      ELSE e.date_after END)
                ELSE e.effective_start END AS order_start
    FROM status_event_dated e
)
SELECT p.id AS person_id, p.name, e.status, e.effective_date AS since, e.date_basis, e.date_after, e.date_before,
       e.tense, e.sentence, e.source_document, e.source_section, e.source_text
FROM person p
JOIN status_event_dated e ON e.id = (
    SELECT e2.id FROM ordered e2
    WHERE e2.person_id = p.id AND NOT e2.retracted
      AND NOT EXISTS (
          SELECT 1 FROM ordered d
          WHERE d.person_id = e2.person_id AND d.status = 'deceased' AND NOT d.retracted AND d.id <> e2.id
            AND (d.order_start, COALESCE(d.source_document_id, 9223372036854775807), COALESCE(d.step, 2147483647), d.id)
              < (e2.order_start, COALESCE(e2.source_document_id, 9223372036854775807), COALESCE(e2.step, 2147483647), e2.id)
            AND NOT (COALESCE(e2.note, '') <> 'implied by a call for release'
                     AND (d.source_document_id IS NOT e2.source_document_id
                          OR (COALESCE(e2.tense, '') <> 'present'
                              AND ((e2.step IS NOT NULL AND d.step IS NOT NULL)
                                   OR (e2.date IS NOT NULL AND e2.effective_start > d.effective_start))))))
    ORDER BY e2.order_start DESC, COALESCE(e2.source_document_id, 9223372036854775807) DESC,
             COALESCE(e2.step, 2147483647) DESC, e2.id DESC LIMIT 1)
WHERE p.merged_into_id IS NULL;
