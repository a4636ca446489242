import CaseSchema
import CaseStore
import Foundation
import GRDB
import Testing

/// Migration 0010 on a database written before claim review: what was
/// imported is unreviewed, what users recorded is confirmed by its author.
@Suite struct ClaimReviewMigrationTests {
    @Test func anOlderDatabaseKeepsItsImportsUnreviewedAndItsRecordsConfirmed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.sqlite").path
        let older = SchemaMigrations.all.filter { $0.identifier < "0010" }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "PRAGMA application_id = 1129599563")
                try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                for migration in older {
                    try db.execute(sql: migration.sql)
                    try db.execute(sql: "INSERT INTO grdb_migrations VALUES (?)", arguments: [migration.identifier])
                }
                try db.execute(sql: """
                    INSERT INTO document (procedure, title, subject_key, source_file, sha256, imported_at, imported_by, text)
                    VALUES ('2030/0001(RSP)', 'Resolution on Freedonia', 'freedonia', 'f.txt', 'abc', '2030-01-01T00:00:00Z', 'importer', 'A. text');
                    INSERT INTO section (document_id, label, kind, ordinal, start_offset, end_offset, text) VALUES (1, 'A', 'recital', 0, 0, 7, 'A. text');
                    INSERT INTO person (name, created_at) VALUES ('Ivo Invented', '2030-01-01T00:00:00Z');
                    INSERT INTO status_event (person_id, status, evidence, section_id, recorded_by, recorded_at)
                    VALUES (1, 'detained', 'stated', 1, 'importer', '2030-01-01T00:00:00Z');
                    INSERT INTO status_event (person_id, status, date, date_start, evidence, source_text, recorded_by, recorded_at)
                    VALUES (1, 'released', '2030-02', '2030-02-01', 'recorded', 'lawyer', 'ana', '2030-02-02T00:00:00Z');
                    """)
            }
            try queue.close()
        }
        let database = try CaseDatabase.open(path: path)
        try database.writer.read { db in
            #expect(try CaseDatabase.appliedMigrations(db).contains("0010_review"))
            #expect(try ClaimReviews.state(of: ClaimID(kind: .status, id: 1), in: db) == .unreviewed)
            #expect(try ClaimReviews.state(of: ClaimID(kind: .status, id: 2), in: db) == .confirmed)
            let author = try Row.fetchOne(db, sql: "SELECT recorded_by, origin FROM claim_review WHERE claim_kind = 'status' AND claim_id = 2")
            #expect(author?["recorded_by"] == "ana" && author?["origin"] == "author")
        }
    }
}
