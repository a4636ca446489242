import CaseStore
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
            ("DROP INDEX person_name", ["index person_name is missing"]),
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

/// The keyed chain: recomputing it after an edit needs the key.
@Suite struct KeyedAuditChainCLITests {
    @Test func theHMACIsRFC4231s() {
        // RFC 4231, test case 2.
        let mac = AuditKey.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(mac.map { String(format: "%02x", $0) }.joined() == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// What someone with the database but not the key can do: edit a row,
    /// seal it anew, and recompute the chain (unkeyed) from entry `from` on.
    static func forge(_ path: String, rewritingFrom from: Int64) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            let triggers = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('audit_log_no_update')")
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE person SET name = 'Forged Name' WHERE id = 1")
            let digest = try RowSeals.digests(of: "person", rows: [1], in: db)[1] ?? ""
            let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit_log") ?? 0
            try db.execute(sql: "INSERT INTO row_seal (audit_id, table_name, row_id, digest) VALUES (?, 'person', 1, ?)", arguments: [last, digest])
            let seals = try Row.fetchAll(db, sql: "SELECT table_name, row_id, digest FROM row_seal WHERE audit_id = ?", arguments: [last])
                .map { RowSeals.Seal(table: $0[0], row: $0[1], digest: $0[2]) }
            try db.execute(sql: "UPDATE audit_log SET rows_digest = ? WHERE id = ?", arguments: [RowSeals.digest(of: seals), last])
            var previous = try String.fetchOne(db, sql: "SELECT chain FROM audit_log WHERE id = ?", arguments: [from - 1]) ?? ""
            for row in try Row.fetchAll(db, sql: "SELECT id, at, by, command, summary, rows_digest FROM audit_log WHERE id >= ? ORDER BY id", arguments: [from]) {
                let chain = AuditTrail.chain(previous: previous, at: row[1], by: row[2], command: row[3], summary: row[4], rowsDigest: row[5])
                try db.execute(sql: "UPDATE audit_log SET chain = ? WHERE id = ?", arguments: [chain, row[0] as Int64])
                previous = chain
            }
            for sql in triggers { try db.execute(sql: sql) }
        }
        try queue.close()
    }

    @Test func aForgerWithoutTheKeyIsFound() throws {
        let cli = try CLIRunner()
        let key = cli.directory.appendingPathComponent("audit.key")
        var generator = SystemRandomNumberGenerator()
        try Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: key)
        for name in ["Ivana Testova", "Second Person", "Third Person"] {
            #expect(try cli.run("person", "add", name, "--audit-key-file", key.path).status == 0)
        }
        let keyed = try cli.run("check", "--audit-key-file", key.path)
        #expect(keyed.status == 0 && keyed.stdout.contains("keyed: verified with the key"), "\(keyed.stdout)")
        let unverified = try cli.run("check")
        #expect(unverified.status == 0 && unverified.stdout.contains("3 keyed entries not verified"), "\(unverified.stdout)")
        // Without the key, nothing more is written.
        let before = try cli.databaseBytes()
        let refused = try cli.run("person", "add", "Fourth Person")
        #expect(refused.status == 1 && refused.stderr.contains("audit log is keyed") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(try cli.databaseBytes() == before)
        // Shorter than a key: refused in one sentence.
        try Data("short".utf8).write(to: cli.directory.appendingPathComponent("short.key"))
        let short = try cli.run("person", "add", "Fourth Person", "--audit-key-file", cli.directory.appendingPathComponent("short.key").path)
        #expect(short.status == 1 && short.stderr.contains("fewer than 16"), "\(short.stderr)")

        // A forger who rewrites the newest entry: it is no longer keyed, found even without the key.
        try before.write(to: URL(fileURLWithPath: cli.databasePath))
        try Self.forge(cli.databasePath, rewritingFrom: 3)
        let partial = try cli.run("check")
        #expect(partial.status == 1 && partial.stdout.contains("audit entry 3 is not keyed although an entry before it is"), "\(partial.stdout)")

        // One who rewrites the whole chain unkeyed passes an unkeyed check, not a check with the key.
        try before.write(to: URL(fileURLWithPath: cli.databasePath))
        try Self.forge(cli.databasePath, rewritingFrom: 1)
        #expect(try cli.run("check").status == 0)
        let withKey = try cli.run("check", "--audit-key-file", key.path)
        #expect(withKey.status == 1 && withKey.stdout.contains("no audit entry is keyed"), "\(withKey.stdout)")
    }
}
