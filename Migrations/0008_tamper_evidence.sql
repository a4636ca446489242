-- casetrack schema, version 8: every row of every table under the audit chain.
-- Frozen once shipped.

-- A seal: the digest of one row (its table's columns and values, in order)
-- as the write logged in audit entry `audit_id` left it; digest '-' when that
-- write deleted the row. A row's latest seal is what `casetrack check`
-- compares it with. The rows present when this migration ran (and rows a
-- later migration adds or changes) are sealed by one baseline entry that
-- casetrack writes right after migrating.
CREATE TABLE row_seal (
    id              INTEGER PRIMARY KEY,
    audit_id        INTEGER NOT NULL REFERENCES audit_log(id),
    table_name      TEXT NOT NULL,
    row_id          INTEGER NOT NULL,
    digest          TEXT NOT NULL
);
CREATE INDEX row_seal_row ON row_seal(table_name, row_id, id);
CREATE INDEX row_seal_audit ON row_seal(audit_id);
CREATE TRIGGER row_seal_no_update BEFORE UPDATE ON row_seal BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER row_seal_no_delete BEFORE DELETE ON row_seal BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The SHA-256 over an entry's seals (table, row, digest, sorted), covered by
-- the entry's chain value: a seal edited or removed breaks its entry.
-- NULL for entries written before this migration.
ALTER TABLE audit_log ADD COLUMN rows_digest TEXT;
