-- casetrack schema, version 3: what kind of text each document is.
-- Frozen once shipped: later changes go into new numbered files.
--
-- A motion for a resolution and the text adopted from it are two documents of
-- one procedure, so a procedure is now unique per kind of document (a document
-- of unknown kind counts as its own kind).
ALTER TABLE document ADD COLUMN kind TEXT CHECK (kind IN ('adopted text', 'motion', 'joint motion'));
ALTER TABLE document ADD COLUMN reference TEXT;   -- the document's number: 'P9_TA(2023)0123', 'B9-0123/2023', 'RC-B9-0123/2023'
ALTER TABLE document ADD COLUMN tabled TEXT;      -- partial date a motion was tabled, NULL when not stated

DROP INDEX document_procedure;
CREATE UNIQUE INDEX document_procedure_kind ON document(procedure, COALESCE(kind, '')) WHERE procedure IS NOT NULL;
CREATE INDEX document_procedure ON document(procedure);
