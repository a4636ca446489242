-- casetrack schema, version 1.
-- Frozen once shipped: later changes go into new numbered files.
-- Dates are ISO 8601 text at the precision known ('2021', '2021-02', '2021-02-11');
-- *_start columns hold the first day of that period ('2021-02-01') so that
-- partial dates sort and compare with plain text comparison.
-- Timestamps (…_at) are UTC ISO 8601 with seconds ('2026-11-21T10:00:00Z').

-- One imported resolution. The normalised text is kept whole; sections point into it.
CREATE TABLE document (
    id              INTEGER PRIMARY KEY,
    procedure       TEXT,                 -- '2021/2544(RSP)'; NULL when the text has none
    title           TEXT NOT NULL,
    subject_key     TEXT NOT NULL,        -- what it is about, folded: matches later citations of it
    adopted         TEXT,                 -- partial date, NULL when unknown
    adopted_start   TEXT,                 -- first day of 'adopted'
    adopted_basis   TEXT CHECK (adopted_basis IN ('option', 'text', 'cited', 'procedure-year')),
    source_file     TEXT NOT NULL,
    sha256          TEXT NOT NULL UNIQUE, -- of the normalised text: re-import is a no-op
    imported_at     TEXT NOT NULL,
    imported_by     TEXT NOT NULL,
    text            TEXT NOT NULL
);
CREATE UNIQUE INDEX document_procedure ON document(procedure) WHERE procedure IS NOT NULL;
CREATE INDEX document_subject ON document(subject_key);

-- Earlier resolutions a document cites by date and subject ("its resolution of
-- 11 February 2021 on ..."): how a resolution without a stated date gets one.
CREATE TABLE document_citation (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    date            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    subject_key     TEXT NOT NULL
);
CREATE INDEX document_citation_subject ON document_citation(subject_key);

-- A citation, recital, operative paragraph or footnote of a document.
CREATE TABLE section (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    label           TEXT NOT NULL,        -- 'c1', 'F', 'AA', '3', 'fn1'
    kind            TEXT NOT NULL CHECK (kind IN ('title', 'citation', 'recital', 'paragraph', 'footnote')),
    ordinal         INTEGER NOT NULL,
    start_offset    INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset      INTEGER NOT NULL CHECK (end_offset >= start_offset),
    text            TEXT NOT NULL,
    UNIQUE (document_id, label)
);

-- Full-text index over section text (external content: no second copy).
CREATE VIRTUAL TABLE section_fts USING fts5(
    text, content = 'section', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER section_fts_insert AFTER INSERT ON section BEGIN
    INSERT INTO section_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER section_fts_delete AFTER DELETE ON section BEGIN
    INSERT INTO section_fts(section_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER section_fts_update AFTER UPDATE OF text ON section BEGIN
    INSERT INTO section_fts(section_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO section_fts(rowid, text) VALUES (new.id, new.text);
END;

-- A person is an identity. A merged person keeps its row, pointing at the
-- identity it was merged into, so old ids in notes and scripts still resolve.
CREATE TABLE person (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    note            TEXT,
    merged_into_id  INTEGER REFERENCES person(id),
    created_at      TEXT NOT NULL
);
CREATE INDEX person_merged_into ON person(merged_into_id);
-- Covering for the name-ordered list of everyone.
CREATE INDEX person_name ON person(name COLLATE NOCASE, id, merged_into_id) WHERE merged_into_id IS NULL;

-- Every spelling and order of a person's name. match_key is the name folded
-- (case, diacritics, punctuation) with its tokens sorted, so any order matches.
CREATE TABLE person_alias (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    alias           TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    match_key       TEXT NOT NULL,
    variant_key     TEXT NOT NULL,        -- match_key with each word's transliteration folded (zh/j, kh/h, y/i, ...)
    family_key      TEXT NOT NULL,        -- the last word as written, folded: candidates for close calls
    UNIQUE (person_id, alias)
);
CREATE INDEX person_alias_match_key ON person_alias(match_key);
CREATE INDEX person_alias_variant_key ON person_alias(variant_key);
CREATE INDEX person_alias_family_key ON person_alias(family_key);

CREATE TABLE organisation (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind            TEXT CHECK (kind IN ('movement', 'party', 'ngo', 'media', 'trade-union',
                                         'court', 'state-body', 'international', 'company')),
    created_at      TEXT NOT NULL
);

CREATE TABLE organisation_alias (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    alias           TEXT NOT NULL,
    match_key       TEXT NOT NULL,
    is_acronym      INTEGER NOT NULL DEFAULT 0 CHECK (is_acronym IN (0, 1)),
    UNIQUE (organisation_id, alias)
);
CREATE INDEX organisation_alias_match_key ON organisation_alias(match_key);

-- A code or treaty. An article number means nothing without its instrument.
CREATE TABLE instrument (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE
);

CREATE TABLE instrument_alias (
    id              INTEGER PRIMARY KEY,
    instrument_id   INTEGER NOT NULL REFERENCES instrument(id),
    alias           TEXT NOT NULL,
    match_key       TEXT NOT NULL,
    UNIQUE (instrument_id, alias)
);
CREATE INDEX instrument_alias_match_key ON instrument_alias(match_key);

CREATE TABLE provision (
    id              INTEGER PRIMARY KEY,
    instrument_id   INTEGER NOT NULL REFERENCES instrument(id),
    article         TEXT NOT NULL,        -- '405', '460-1', '3(5)'
    UNIQUE (instrument_id, article)
);
CREATE INDEX provision_article ON provision(article);

-- An entity named in a section: exact text, offsets into the document text,
-- and the role cue around it.
CREATE TABLE mention (
    id              INTEGER PRIMARY KEY,
    section_id      INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
    person_id       INTEGER REFERENCES person(id),
    organisation_id INTEGER REFERENCES organisation(id),
    provision_id    INTEGER REFERENCES provision(id),
    text            TEXT NOT NULL,
    start_offset    INTEGER NOT NULL,
    end_offset      INTEGER NOT NULL CHECK (end_offset >= start_offset),
    role            TEXT,
    CHECK ((person_id IS NOT NULL) + (organisation_id IS NOT NULL) + (provision_id IS NOT NULL) = 1)
);
CREATE INDEX mention_person ON mention(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX mention_organisation ON mention(organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX mention_provision ON mention(provision_id) WHERE provision_id IS NOT NULL;
CREATE INDEX mention_section ON mention(section_id);

CREATE TABLE membership (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    organisation_id INTEGER NOT NULL REFERENCES organisation(id),
    role            TEXT NOT NULL,        -- 'supporter', 'editor-in-chief', 'journalist', 'founder', ...
    section_id      INTEGER REFERENCES section(id) ON DELETE CASCADE,
    source_text     TEXT,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    CHECK (section_id IS NOT NULL OR source_text IS NOT NULL)
);
CREATE INDEX membership_person ON membership(person_id);
CREATE INDEX membership_organisation ON membership(organisation_id);

-- A person or an organisation charged under a provision.
-- evidence: 'stated' (the text ties them), 'inferred' (through a stated link,
-- explained in 'because' and via_organisation_id), 'recorded' (entered by a user).
CREATE TABLE charge (
    id                  INTEGER PRIMARY KEY,
    person_id           INTEGER REFERENCES person(id),
    organisation_id     INTEGER REFERENCES organisation(id),
    provision_id        INTEGER NOT NULL REFERENCES provision(id),
    stage               TEXT NOT NULL CHECK (stage IN ('alleged', 'charged', 'convicted', 'acquitted', 'dropped')),
    evidence            TEXT NOT NULL CHECK (evidence IN ('stated', 'inferred', 'recorded')),
    date                TEXT,
    date_start          TEXT,
    section_id          INTEGER REFERENCES section(id) ON DELETE CASCADE,
    source_text         TEXT,
    because             TEXT,
    via_organisation_id INTEGER REFERENCES organisation(id),
    cue                 TEXT,
    subject_group       TEXT,             -- an unnamed, counted subject: 'at least 15 organisations'
    subject_count       INTEGER,
    recorded_by         TEXT NOT NULL,
    recorded_at         TEXT NOT NULL,
    CHECK ((person_id IS NOT NULL) + (organisation_id IS NOT NULL) + (subject_group IS NOT NULL) = 1),
    CHECK (section_id IS NOT NULL OR source_text IS NOT NULL),
    CHECK (evidence <> 'inferred' OR because IS NOT NULL)
);
CREATE INDEX charge_provision ON charge(provision_id, evidence);
CREATE INDEX charge_person ON charge(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX charge_organisation ON charge(organisation_id) WHERE organisation_id IS NOT NULL;

-- Append-only: a status event is never updated (except to follow a person
-- merge) nor deleted. A wrong event is retracted by a status_retraction row.
CREATE TABLE status_event (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    status          TEXT NOT NULL CHECK (status IN (
                        'at large', 'at risk', 'detained', 'pre-trial detention', 'house arrest',
                        'restricted liberty', 'charged', 'on trial', 'sentenced', 'imprisoned',
                        'released', 'charges dropped', 'acquitted', 'in exile', 'asylum granted',
                        'deceased', 'disappeared')),
    date            TEXT,                 -- partial date; NULL: as of the source document's adoption
    date_start      TEXT,                 -- first day of 'date'
    evidence        TEXT NOT NULL CHECK (evidence IN ('stated', 'recorded')),
    section_id      INTEGER REFERENCES section(id),
    source_text     TEXT,
    cue             TEXT,
    note            TEXT,
    sentence        TEXT,
    place           TEXT,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    -- Derived, kept by the triggers below: the date the event speaks from (its
    -- own, else its resolution's adoption) and that date's first day ('0000'
    -- when unknown). Not part of the record: a later resolution that dates an
    -- earlier one updates them, and the recorded facts above stay untouched.
    effective_date  TEXT,
    effective_start TEXT NOT NULL DEFAULT '0000',
    CHECK (section_id IS NOT NULL OR source_text IS NOT NULL)
);
-- Covering: everyone's status as of a date is one pass over this index.
CREATE INDEX status_event_person ON status_event(person_id, effective_start, id, status, effective_date);
CREATE INDEX status_event_status ON status_event(status, date_start);
CREATE TRIGGER status_event_dating AFTER INSERT ON status_event BEGIN
    UPDATE status_event SET
        effective_date = COALESCE(new.date, (SELECT d.adopted FROM section s JOIN document d ON d.id = s.document_id WHERE s.id = new.section_id)),
        effective_start = COALESCE(new.date_start, (SELECT d.adopted_start FROM section s JOIN document d ON d.id = s.document_id WHERE s.id = new.section_id), '0000')
    WHERE id = new.id;
END;
CREATE TRIGGER document_dating AFTER UPDATE OF adopted, adopted_start ON document BEGIN
    UPDATE status_event SET effective_date = new.adopted, effective_start = COALESCE(new.adopted_start, '0000')
    WHERE date IS NULL AND section_id IN (SELECT id FROM section WHERE document_id = new.id);
END;
CREATE TRIGGER status_event_no_delete BEFORE DELETE ON status_event BEGIN
    SELECT RAISE(ABORT, 'status events are append-only: retract an event instead of deleting it');
END;
CREATE TRIGGER status_event_no_update
BEFORE UPDATE OF status, date, date_start, evidence, section_id, source_text, cue, note,
                 sentence, place, recorded_by, recorded_at ON status_event BEGIN
    SELECT RAISE(ABORT, 'status events are append-only: record a new event instead of editing one');
END;

-- Status events with the date they speak from: their own, else (for a fact
-- stated in a resolution) the adoption date of that resolution, which a later
-- import may still supply. date_basis says which: 'event', 'adopted' (the
-- resolution's date) or 'procedure-year' (only the year is known).
CREATE VIEW status_event_dated AS
SELECT e.*,
       CASE WHEN e.date IS NOT NULL THEN 'event'
            WHEN d.adopted_basis = 'procedure-year' THEN 'procedure-year'
            WHEN d.adopted IS NOT NULL THEN 'adopted' END AS date_basis,
       COALESCE(d.procedure, d.title) AS source_document,
       s.label AS source_section,
       (SELECT 1 FROM status_retraction r WHERE r.event_id = e.id) IS NOT NULL AS retracted
FROM status_event e
LEFT JOIN section s ON s.id = e.section_id
LEFT JOIN document d ON d.id = s.document_id;

CREATE TABLE status_retraction (
    id              INTEGER PRIMARY KEY,
    event_id        INTEGER NOT NULL UNIQUE REFERENCES status_event(id),
    reason          TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL
);
CREATE TRIGGER status_retraction_no_delete BEFORE DELETE ON status_retraction BEGIN
    SELECT RAISE(ABORT, 'retractions are append-only');
END;

-- Close calls between identities, and the user's decisions on them. A pair is
-- stored with the smaller id first. decision NULL means awaiting review.
CREATE TABLE identity_review (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    other_person_id INTEGER NOT NULL REFERENCES person(id),
    reason          TEXT NOT NULL,
    decision        TEXT CHECK (decision IN ('merged', 'kept-apart')),
    decided_by      TEXT,
    decided_at      TEXT,
    created_at      TEXT NOT NULL,
    CHECK (person_id < other_person_id),
    UNIQUE (person_id, other_person_id)
);
CREATE INDEX identity_review_pending ON identity_review(decision);

-- A release call: an operative paragraph asking for this person's release.
CREATE TABLE release_call (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person(id),
    section_id      INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
    UNIQUE (person_id, section_id)
);
CREATE INDEX release_call_section ON release_call(section_id);

-- Every write: who, when, which command, what it did.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    by              TEXT NOT NULL,
    command         TEXT NOT NULL,
    summary         TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
