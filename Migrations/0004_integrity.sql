-- casetrack schema, version 4: what `casetrack check` relies on to find tampering.
-- Frozen once shipped.

-- Retractions are append-only, like the events they retract.
CREATE TRIGGER status_retraction_no_update BEFORE UPDATE ON status_retraction BEGIN
    SELECT RAISE(ABORT, 'retractions are append-only');
END;

-- An event moves to another person only with a merge (the absorbed person is
-- marked merged into the kept one before its events move).
CREATE TRIGGER status_event_person_follows_merge BEFORE UPDATE OF person_id ON status_event
WHEN new.person_id IS NOT (SELECT merged_into_id FROM person WHERE id = old.person_id) BEGIN
    SELECT RAISE(ABORT, 'status events are append-only: an event moves to another person only with a merge');
END;

-- The derived dates follow the event's own date, else its resolution's adoption: nothing else.
CREATE TRIGGER status_event_effective_date_derived BEFORE UPDATE OF effective_date, effective_start ON status_event
WHEN new.effective_date IS NOT COALESCE(new.date, (SELECT d.adopted FROM section s JOIN document d ON d.id = s.document_id WHERE s.id = new.section_id))
  OR new.effective_start IS NOT COALESCE(new.date_start, (SELECT d.adopted_start FROM section s JOIN document d ON d.id = s.document_id WHERE s.id = new.section_id), '0000')
BEGIN
    SELECT RAISE(ABORT, 'an event''s effective date follows its own date or its resolution''s adoption');
END;

-- Which audit entry recorded each status event and retraction. A row inserted
-- behind casetrack's back has no link, and check says so. audit_id is NULL
-- for rows recorded before this migration.
CREATE TABLE audit_link (
    audit_id        INTEGER REFERENCES audit_log(id),
    record_table    TEXT NOT NULL CHECK (record_table IN ('status_event', 'status_retraction')),
    record_id       INTEGER NOT NULL,
    PRIMARY KEY (record_table, record_id)
);
INSERT INTO audit_link (audit_id, record_table, record_id) SELECT NULL, 'status_event', id FROM status_event;
INSERT INTO audit_link (audit_id, record_table, record_id) SELECT NULL, 'status_retraction', id FROM status_retraction;
CREATE TRIGGER audit_link_no_update BEFORE UPDATE ON audit_link BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_link_no_delete BEFORE DELETE ON audit_link BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- A hash chain over the audit log: each entry's chain is the SHA-256 of the
-- previous entry's chain and this entry's fields. An entry rewritten or
-- removed from the middle breaks it; NULL for entries written before this migration.
ALTER TABLE audit_log ADD COLUMN chain TEXT;
