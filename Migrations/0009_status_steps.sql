-- casetrack schema, version 9: every step of a case, in the order the text tells it.
-- Frozen once shipped.
--
-- A resolution tells a story: arrested, released, re-arrested, "remains in
-- detention". Each step is its own status event, and an event says how its
-- date is known:
--   date                      its own date ('2023-11-30');
--   tense = 'present'         a situation that holds as of the resolution ("remains
--                             in detention"): dated by the resolution, as reported;
--   date_after / date_before  a past step the text does not date, placed between
--                             the steps around it ("was subsequently sentenced"):
--                             after the one, before the other; either may be open;
--   tense = 'past', no bounds a past step whose date is not stated at all;
--   tense NULL, no date       not worked out (events recorded before this version):
--                             as of the resolution, as before.
-- step is the event's place in the person's story within its document (from 1):
-- events on one date follow it ("re-arrested hours after her release": the
-- release first).
ALTER TABLE status_event ADD COLUMN date_after TEXT;    -- partial date, NULL: open
ALTER TABLE status_event ADD COLUMN date_before TEXT;   -- partial date, NULL: open
ALTER TABLE status_event ADD COLUMN step INTEGER CHECK (step IS NULL OR step >= 1);
ALTER TABLE status_event ADD COLUMN tense TEXT CHECK (tense IS NULL OR tense IN ('present', 'past'));

-- The date an event speaks from: its own; else, for an undated step placed
-- before a later one, that upper bound (it happened by then); else its
-- resolution's adoption. effective_start is that date's first day.
DROP TRIGGER status_event_dating;
CREATE TRIGGER status_event_dating AFTER INSERT ON status_event BEGIN
    UPDATE status_event SET
        effective_date = COALESCE(new.date, new.date_before, (SELECT d.adopted FROM section s JOIN document d ON d.id = s.document_id WHERE s.id = new.section_id)),
        effective_start = COALESCE(new.date_start,
                                   CASE length(new.date_before) WHEN 4 THEN new.date_before || '-01-01' WHEN 7 THEN new.date_before || '-01' ELSE new.date_before END,
                                   (SELECT d.adopted_start FROM section s JOIN document d ON d.id = s.document_id WHERE s.id = new.section_id), '0000')
    WHERE id = new.id;
END;

DROP TRIGGER document_dating;
CREATE TRIGGER document_dating AFTER UPDATE OF adopted, adopted_start ON document BEGIN
    UPDATE status_event SET effective_date = new.adopted, effective_start = COALESCE(new.adopted_start, '0000')
    WHERE date IS NULL AND date_before IS NULL AND section_id IN (SELECT id FROM section WHERE document_id = new.id);
END;

DROP TRIGGER status_event_effective_date_derived;
CREATE TRIGGER status_event_effective_date_derived BEFORE UPDATE OF effective_date, effective_start ON status_event
WHEN new.effective_date IS NOT COALESCE(new.date, new.date_before, (SELECT d.adopted FROM section s JOIN document d ON d.id = s.document_id WHERE s.id = new.section_id))
  OR new.effective_start IS NOT COALESCE(new.date_start,
                                         CASE length(new.date_before) WHEN 4 THEN new.date_before || '-01-01' WHEN 7 THEN new.date_before || '-01' ELSE new.date_before END,
                                         (SELECT d.adopted_start FROM section s JOIN document d ON d.id = s.document_id WHERE s.id = new.section_id), '0000')
BEGIN
    SELECT RAISE(ABORT, 'an event''s effective date follows its own date, its upper bound or its resolution''s adoption');
END;

-- The new columns are recorded facts: append-only like the others.
DROP TRIGGER status_event_no_update;
CREATE TRIGGER status_event_no_update
BEFORE UPDATE OF status, date, date_start, evidence, section_id, source_text, cue, note,
                 sentence, place, recorded_by, recorded_at, date_after, date_before, step, tense ON status_event BEGIN
    SELECT RAISE(ABORT, 'status events are append-only: record a new event instead of editing one');
END;

-- Everyone's status as of a date stays one pass over this index: it also
-- covers what orders a person's steps and words their dates.
DROP INDEX status_event_person;
CREATE INDEX status_event_person ON status_event(person_id, effective_start, id, status, effective_date, date,
                                                 step, section_id, tense, date_after, date_before);
-- The statuses read only from a call for release, found without a scan.
CREATE INDEX status_event_release_call ON status_event(id) WHERE note = 'implied by a call for release';

-- date_basis: 'event' (its own date), 'bounded' (an undated step placed between
-- others), 'not stated' (a past step with no date), else the resolution's
-- ('adopted', or 'procedure-year' when only the year is known).
DROP VIEW current_status;
DROP VIEW status_event_dated;
CREATE VIEW status_event_dated AS
SELECT e.*,
       CASE WHEN e.date IS NOT NULL THEN 'event'
            WHEN e.date_after IS NOT NULL OR e.date_before IS NOT NULL THEN 'bounded'
            WHEN e.tense = 'past' THEN 'not stated'
            WHEN d.adopted_basis = 'procedure-year' THEN 'procedure-year'
            WHEN d.adopted IS NOT NULL THEN 'adopted' END AS date_basis,
       COALESCE(d.procedure, d.title) AS source_document,
       s.label AS source_section,
       s.document_id AS source_document_id,
       (SELECT 1 FROM status_retraction r WHERE r.event_id = e.id) IS NOT NULL AS retracted
FROM status_event e
LEFT JOIN section s ON s.id = e.section_id
LEFT JOIN document d ON d.id = s.document_id;

-- Everyone's current status, by the rule casetrack answers with: the latest
-- step not retracted, ordered by effective date, then by document, then by
-- step within it, then by record. Death is final: a later event stands after a
-- death only if it is not read from a call for release and it comes from another
-- source, or is a later step the same resolution writes (both placed by step,
-- or its own later date; never a present-tense situation).
CREATE VIEW current_status AS
SELECT p.id AS person_id, p.name, e.status, e.effective_date AS since, e.date_basis, e.date_after, e.date_before,
       e.tense, e.sentence, e.source_document, e.source_section, e.source_text
FROM person p
JOIN status_event_dated e ON e.id = (
    SELECT e2.id FROM status_event_dated e2
    WHERE e2.person_id = p.id AND NOT e2.retracted
      AND NOT EXISTS (
          SELECT 1 FROM status_event_dated d
          WHERE d.person_id = e2.person_id AND d.status = 'deceased' AND NOT d.retracted AND d.id <> e2.id
            AND (d.effective_start, COALESCE(d.source_document_id, 9223372036854775807), COALESCE(d.step, 2147483647), d.id)
              < (e2.effective_start, COALESCE(e2.source_document_id, 9223372036854775807), COALESCE(e2.step, 2147483647), e2.id)
            AND NOT (COALESCE(e2.note, '') <> 'implied by a call for release'
                     AND (d.source_document_id IS NOT e2.source_document_id
                          OR (COALESCE(e2.tense, '') <> 'present'
                              AND ((e2.step IS NOT NULL AND d.step IS NOT NULL)
                                   OR (e2.date IS NOT NULL AND e2.effective_start > d.effective_start))))))
    ORDER BY e2.effective_start DESC, COALESCE(e2.source_document_id, 9223372036854775807) DESC,
             COALESCE(e2.step, 2147483647) DESC, e2.id DESC LIMIT 1)
WHERE p.merged_into_id IS NULL;
