-- casetrack schema, version 6: accounts for `casetrack serve`.
-- Frozen once shipped.

-- Who may log in to the web app, and what they may do: readers read,
-- editors also write. The password is kept only as a bcrypt hash.
CREATE TABLE account (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role            TEXT NOT NULL CHECK (role IN ('editor', 'reader')),
    password_hash   TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
