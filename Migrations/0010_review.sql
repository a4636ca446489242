-- casetrack schema, version 10: a person reviews what the importer read.
-- Frozen once shipped.
--
-- Every claim an import records (a status event, a charge, a membership, a
-- release call) starts unreviewed. A person confirms it, or rejects it with a
-- reason; a review is a row, never an update: the latest row for a claim is its
-- state ('unreviewed' again when a withdrawn document is imported anew).
-- No row at all means unreviewed: claims imported before this migration are.
CREATE TABLE claim_review (
    id              INTEGER PRIMARY KEY,
    claim_kind      TEXT NOT NULL CHECK (claim_kind IN ('status', 'charge', 'membership', 'release')),
    claim_id        INTEGER NOT NULL,
    decision        TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'unreviewed')),
    reason          TEXT,
    -- How the decision came: 'review' (a person read it), 'author' (the user
    -- who recorded the claim), 'correct' (rejected in favour of corrected_by),
    -- 'remembered' (an earlier rejection of the same claim read again),
    -- 'document remove' (its document was withdrawn), 'reimport' (its
    -- withdrawn document was imported again).
    origin          TEXT NOT NULL CHECK (origin IN ('review', 'author', 'correct', 'remembered', 'document remove', 'reimport')),
    -- For a correction: the typed id of the claim recorded instead ('s14').
    corrected_by    TEXT,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    CHECK (decision <> 'rejected' OR (reason IS NOT NULL AND length(trim(reason)) > 0))
);
CREATE INDEX claim_review_claim ON claim_review(claim_kind, claim_id, id);
CREATE TRIGGER claim_review_no_update BEFORE UPDATE ON claim_review BEGIN
    SELECT RAISE(ABORT, 'claim reviews are append-only: record a new review instead of editing one');
END;
CREATE TRIGGER claim_review_no_delete BEFORE DELETE ON claim_review BEGIN
    SELECT RAISE(ABORT, 'claim reviews are append-only: record a new review instead of deleting one');
END;

-- What users recorded themselves is confirmed by its author.
INSERT INTO claim_review (claim_kind, claim_id, decision, origin, recorded_by, recorded_at)
SELECT 'status', id, 'confirmed', 'author', recorded_by, recorded_at FROM status_event WHERE evidence = 'recorded';
INSERT INTO claim_review (claim_kind, claim_id, decision, origin, recorded_by, recorded_at)
SELECT 'charge', id, 'confirmed', 'author', recorded_by, recorded_at FROM charge WHERE evidence = 'recorded';

-- Each claim's review state: the latest review row, else unreviewed.
CREATE VIEW claim_state AS
SELECT r.claim_kind, r.claim_id, r.decision AS state, r.reason, r.origin, r.corrected_by, r.recorded_by, r.recorded_at
FROM claim_review r
WHERE r.id = (SELECT max(r2.id) FROM claim_review r2 WHERE r2.claim_kind = r.claim_kind AND r2.claim_id = r.claim_id);

-- A document withdrawn from answers (`document remove`), or imported again
-- after that. Append-only; the latest row for a document is its state.
CREATE TABLE document_withdrawal (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES document(id),
    action          TEXT NOT NULL CHECK (action IN ('withdrawn', 'restored')),
    reason          TEXT,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    CHECK (action <> 'withdrawn' OR (reason IS NOT NULL AND length(trim(reason)) > 0))
);
CREATE INDEX document_withdrawal_document ON document_withdrawal(document_id, id);
CREATE TRIGGER document_withdrawal_no_update BEFORE UPDATE ON document_withdrawal BEGIN
    SELECT RAISE(ABORT, 'document withdrawals are append-only');
END;
CREATE TRIGGER document_withdrawal_no_delete BEFORE DELETE ON document_withdrawal BEGIN
    SELECT RAISE(ABORT, 'document withdrawals are append-only');
END;

-- A withdrawn document no longer holds its procedure: the right text of it can
-- be imported after a wrong one was removed. One live document per procedure
-- and kind, as before (a document of unknown kind counts as its own kind).
DROP INDEX document_procedure_kind;
CREATE TRIGGER document_one_live_per_procedure BEFORE INSERT ON document
WHEN new.procedure IS NOT NULL AND EXISTS (
    SELECT 1 FROM document d
    WHERE d.procedure = new.procedure AND COALESCE(d.kind, '') = COALESCE(new.kind, '')
      AND COALESCE((SELECT w.action FROM document_withdrawal w WHERE w.document_id = d.id ORDER BY w.id DESC LIMIT 1), 'restored') <> 'withdrawn')
BEGIN
    SELECT RAISE(ABORT, 'a procedure has one document of each kind: remove the other first');
END;
