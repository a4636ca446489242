-- casetrack schema, version 7: accounts whose ids are never reused, whose
-- web sessions can be ended, and an admin role. Frozen once shipped.
--
-- SQLite changes a CHECK only by rebuilding the table: the rows are copied
-- with their ids, names, roles, hashes and dates, then the new table takes
-- the old one's name. Nothing refers to account by id.
CREATE TABLE account_v7 (
    -- AUTOINCREMENT: a removed account's id is never given to a later one.
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- admins also manage the accounts from the web; editors record; readers read.
    role            TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reader')),
    password_hash   TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    -- A random value every web session of the account carries. A new
    -- password or role replaces it, which ends every session made before.
    session_key     TEXT NOT NULL CHECK (length(session_key) = 32)
);
INSERT INTO account_v7 (id, name, role, password_hash, created_at, session_key)
    SELECT id, name, role, password_hash, created_at, lower(hex(randomblob(16))) FROM account ORDER BY id;
DROP TABLE account;
ALTER TABLE account_v7 RENAME TO account;

-- Ids given before this migration may belong to accounts already removed:
-- each `user add` in the audit log took at most one new id, so the next id
-- starts above both the highest id left and the number of accounts ever added.
DELETE FROM sqlite_sequence WHERE name IN ('account', 'account_v7');
INSERT INTO sqlite_sequence (name, seq) VALUES ('account', max(
    coalesce((SELECT max(id) FROM account), 0),
    (SELECT count(*) FROM audit_log WHERE command = 'user add')));
