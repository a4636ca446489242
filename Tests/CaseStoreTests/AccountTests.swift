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

    @Test func theRoleIsOneOfTwo() throws {
        let database = try CaseDatabase.inMemory()
        #expect(throws: CaseStoreError.unknownRole("admin")) { try AccountRole(parsing: "admin") }
        #expect(throws: (any Error).self) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO account (name, role, password_hash, created_at) VALUES ('x', 'admin', 'h', 'now')")
            }
        }
    }

    @Test func theAccountTableIsPartOfTheSchema() throws {
        let database = try CaseDatabase.inMemory()
        #expect(try database.writer.read { db in try CaseDatabase.appliedMigrations(db) }.contains("0006_accounts"))
        #expect(try database.writer.read { db in try db.tableExists("account") })
    }
}
