import Foundation
import GRDB
import Testing

/// Issue 22, point 4: `check` finds what another tool (sqlite3, Datasette)
/// changed behind casetrack's back, by table and row.
@Suite struct TamperEvidenceCLITests {
    /// A database with imported and recorded facts of every kind.
    static func prepared() throws -> (cli: CLIRunner, original: Data) {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first, ImportCLITests.second).status == 0)
        #expect(try cli.run("person", "add", "Ivana Testova", "--alias", "Testova Ivana").status == 0)
        #expect(try cli.run("status", "set", "Ivana Testova", "detained", "--date", "2022-01-01", "--source", "call").status == 0)
        #expect(try cli.run("charge", "add", "Ivana Testova", "--article", "405", "--source", "lawyer").status == 0)
        #expect(try cli.run("user", "add", "anna", "--role", "editor", input: Data("a long enough password\n".utf8)).status == 0)
        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.stdout)")
        return (cli, try cli.databaseBytes())
    }

    /// Runs `sql` on a fresh copy of the prepared file, as sqlite3 would, then `check`.
    static func checkAfter(_ sql: String, _ prepared: (cli: CLIRunner, original: Data)) throws -> CLIRunner.Result {
        try prepared.original.write(to: URL(fileURLWithPath: prepared.cli.databasePath))
        let queue = try DatabaseQueue(path: prepared.cli.databasePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
        return try prepared.cli.run("check")
    }

    @Test func everyEditOfTheIssueIsFoundAndNamed() throws {
        let prepared = try Self.prepared()
        let queue = try DatabaseQueue(path: prepared.cli.databasePath)
        let (recordedCharge, inferredCharge, membership, releaseCall, alias, event, review, person) = try queue.read { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM charge WHERE evidence = 'recorded'") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT id FROM charge WHERE evidence = 'inferred'") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM membership") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM release_call") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM person_alias") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT max(id) FROM status_event") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM identity_review") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT min(id) FROM person") ?? 0)
        }
        let accountColumns = try queue.read { db in try db.columns(in: "account").map(\.name).filter { $0 != "id" && $0 != "name" } }
        let eventTriggers = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('status_event_no_update', 'status_event_person_follows_merge')")
        }
        try queue.close()
        #expect(recordedCharge > 0 && inferredCharge > 0 && membership > 0 && releaseCall > 0 && review > 0)

        let edits: [(sql: String, named: [String])] = [
            ("UPDATE charge SET evidence = 'stated' WHERE id = \(inferredCharge)", ["charge row \(inferredCharge) was changed without casetrack"]),
            ("UPDATE charge SET evidence = 'stated' WHERE id = \(recordedCharge)", ["charge row \(recordedCharge) was changed"]),
            ("DELETE FROM charge WHERE id = \(inferredCharge)", ["charge row \(inferredCharge) was deleted without casetrack"]),
            ("INSERT INTO charge (person_id, provision_id, stage, evidence, source_text, recorded_by, recorded_at) "
                + "SELECT person_id, provision_id, 'convicted', 'recorded', 'forged', 'x', '2026-01-01' FROM charge WHERE id = \(recordedCharge)",
             ["charge row", "was inserted without casetrack"]),
            ("UPDATE person SET name = 'Someone Else' WHERE id = \(person)", ["person row \(person) was changed"]),
            ("DELETE FROM person_alias WHERE rowid = \(alias)", ["person_alias row \(alias) was deleted"]),
            ("DELETE FROM membership WHERE id = \(membership)", ["membership row \(membership) was deleted"]),
            ("DELETE FROM release_call WHERE id = \(releaseCall)", ["release_call row \(releaseCall) was deleted"]),
            // Moved to another person, the guarding trigger dropped and put back as it was.
            ("DROP TRIGGER status_event_no_update; DROP TRIGGER status_event_person_follows_merge; "
                + "UPDATE status_event SET person_id = \(person) WHERE id = \(event); \(eventTriggers.joined(separator: ";\n"));",
             ["status_event row \(event) was changed"]),
            ("UPDATE identity_review SET decision = 'kept-apart', decided_by = 'x', decided_at = '2026-01-01' WHERE id = \(review)",
             ["identity_review row \(review) was changed"]),
            ("INSERT INTO account (name, \(accountColumns.joined(separator: ", "))) SELECT 'mallory', \(accountColumns.joined(separator: ", ")) FROM account LIMIT 1",
             ["account row", "was inserted without casetrack"]),
            ("DROP INDEX person_name", ["index person_name (on person) is missing"]),
            ("DROP VIEW charged_under", ["view charged_under is missing"]),
            ("DROP VIEW current_status; CREATE VIEW current_status AS SELECT id AS person_id, name, 'released' AS status FROM person",
             ["view current_status differs from the one casetrack created", "Datasette"]),
            ("CREATE TABLE notes (x)", ["table notes was not created by casetrack"]),
            // The seals themselves: edited behind their trigger, or the audit entry that carries their digest.
            ("DROP TRIGGER row_seal_no_delete; DELETE FROM row_seal WHERE table_name = 'charge' AND row_id = \(recordedCharge); "
                + "CREATE TRIGGER row_seal_no_delete BEFORE DELETE ON row_seal BEGIN\n    SELECT RAISE(ABORT, 'the audit log is append-only');\nEND;",
             ["the row seals of audit entry", "were edited"]),
        ]
        for edit in edits {
            let result = try Self.checkAfter(edit.sql, prepared)
            #expect(result.status == 1, "\(edit.sql): \(result.stdout)")
            for phrase in edit.named {
                #expect(result.stdout.contains(phrase), "\(edit.sql): wanted '\(phrase)' in \(result.stdout)")
            }
        }
    }

    @Test func writesThroughCasetrackKeepCheckClean() throws {
        let prepared = try Self.prepared()
        let cli = prepared.cli
        // Merges move events and mark persons: every row they touch is sealed with their entry.
        #expect(try cli.run("person", "add", "Ivan Petrov").status == 0)
        let merge = try cli.run("person", "merge", "Ivana Testova", "Ivan Petrov")
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try cli.run("user", "passwd", "anna", input: Data("another long password\n".utf8)).status == 0)
        #expect(try cli.run("user", "remove", "anna").status == 0)
        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("every row is as the audited write that last changed it left it"))
    }

    @Test func aDatabaseOfTheEarlierVersionIsSealedByOneBaselineEntry() throws {
        let cli = try CLIRunner()
        // The earlier schema: migrations 0001-0006, rows written without seals.
        let queue = try DatabaseQueue(path: cli.databasePath, configuration: {
            var config = Configuration()
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            return config
        }())
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for sql in try DataSafetyRoundTwoTests.migrationSQL(before: "0007") { try db.execute(sql: sql) }
            for identifier in ["0001_initial", "0002_question_views", "0003_document_kind", "0004_integrity", "0005_status_date_basis", "0006_accounts"] {
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES (?)", arguments: [identifier])
            }
            try db.execute(sql: "PRAGMA application_id = 1129599563")
            try db.execute(sql: "INSERT INTO person (name, created_at) VALUES ('Walter Walsson', '2026-11-29T10:00:00Z')")
        }
        try queue.close()
        #expect(try cli.run("person", "add", "Second Person").status == 0)
        let log = try cli.run("log")
        #expect(log.stdout.contains("migrate: sealed 1 rows of 1 tables"), "\(log.stdout)")
        #expect(try cli.run("check").status == 0)
        // And from then on, an edit of the old row is found.
        let edit = try DatabaseQueue(path: cli.databasePath)
        try edit.write { db in try db.execute(sql: "UPDATE person SET name = 'Walter Other' WHERE id = 1") }
        try edit.close()
        let check = try cli.run("check")
        #expect(check.status == 1 && check.stdout.contains("person row 1 was changed without casetrack"), "\(check.stdout)")
    }
}
