import CaseSchema
import CaseStore
import Foundation
import GRDB
import Testing

/// Issue 12: web-app accounts in the store.
@Suite struct AccountTests {
    init() { setenv("CASETRACK_TEST_BCRYPT_COST", "4", 1) }

    @Test func aPasswordIsKeptOnlyAsABcryptHash() throws {
        // Given
        let database = try CaseDatabase.inMemory()
        // When
        let account = try database.addAccount(name: "anna", role: .editor, password: "a long enough password", by: Recorder("admin"))
        // Then
        let hash = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT password_hash FROM account") }
        #expect(hash?.hasPrefix("$2b$") == true && hash?.contains("long enough") == false)
        #expect(try database.verifyLogin(name: "ANNA", password: "a long enough password") == account)
        #expect(try database.verifyLogin(name: "anna", password: "a long enough passwor") == nil)
        #expect(try database.verifyLogin(name: "nobody", password: "a long enough password") == nil)
    }

    @Test func changesAreAuditedAndRemovalKeepsTheRecords() throws {
        let database = try CaseDatabase.inMemory()
        _ = try database.addAccount(name: "anna", role: .reader, password: "a long enough password", by: Recorder("admin"))
        _ = try database.setPassword(name: "anna", password: "another long password", by: Recorder("admin"))
        #expect(try database.verifyLogin(name: "anna", password: "another long password") != nil)
        _ = try database.removeAccount(name: "anna", by: Recorder("admin"))
        #expect(try database.accounts().isEmpty)
        let commands = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT command FROM audit_log ORDER BY id") }
        #expect(commands == ["user add", "user passwd", "user remove"])
    }

    @Test func theRoleIsOneOfThree() throws {
        let database = try CaseDatabase.inMemory()
        #expect(throws: CaseStoreError.unknownRole("boss")) { try AccountRole(parsing: "boss") }
        #expect(try AccountRole(parsing: " Admin ") == .admin)
        #expect(throws: (any Error).self) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO account (name, role, password_hash, created_at, session_key) VALUES ('x', 'boss', 'h', 'now', '0123456789abcdef0123456789abcdef')")
            }
        }
    }

    @Test func theAccountTableIsPartOfTheSchema() throws {
        let database = try CaseDatabase.inMemory()
        #expect(try database.writer.read { db in try CaseDatabase.appliedMigrations(db) }.contains("0007_accounts"))
        #expect(try database.writer.read { db in try db.tableExists("account") })
    }

    /// Issue 22 point 1, for a database made before migration 7: an account
    /// removed then still gave its id to the next one. The migration keeps
    /// every account with its id and password, and starts new ids above
    /// every id the audit log says was given.
    @Test func migrationSevenKeepsAccountsAndNeverGivesARemovedId() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-v6-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let hash = "$2b$04$" + String(repeating: "a", count: 53)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = 1129599563")
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in SchemaMigrations.all.prefix(6) {
                try db.execute(sql: migration.sql)
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            for (id, name) in [(1, "anna"), (2, "rob"), (3, "temp_reader")] {
                try db.execute(sql: "INSERT INTO account (id, name, role, password_hash, created_at) VALUES (?, ?, 'editor', ?, 'then')", arguments: [id, name, hash])
                try db.execute(sql: "INSERT INTO audit_log (at, by, command, summary) VALUES ('then', 'root', 'user add', ?)", arguments: ["added user \(name) (editor)"])
            }
            try db.execute(sql: "DELETE FROM account WHERE id = 3")
        }
        try queue.close()
        let database = try CaseDatabase.open(path: path)
        #expect(try database.accounts().map { "\($0.id) \($0.name)" } == ["1 anna", "2 rob"])
        #expect(try database.writer.read { db in try String.fetchAll(db, sql: "SELECT password_hash FROM account") } == [hash, hash])
        let director = try database.addAccount(name: "director", role: .admin, password: "a long enough password", by: Recorder("admin"))
        #expect(director.id == 4, "id 3 was temp_reader's")
    }
}
