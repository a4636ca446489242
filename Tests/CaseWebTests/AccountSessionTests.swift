import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 22 points 1 and 2: a session belongs to one account, for as long as
/// that account keeps its password and role.
@Suite struct AccountSessionTests {
    /// The attack: the newest account is removed, the next one added took its
    /// id, and the removed user's open browser showed and wrote as the new one.
    @Test func aRemovedAccountsSessionNeverPassesToTheNextAccount() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var old = Browser(client)
            _ = try await old.logIn("rob", WebHarness.readerPassword)
            #expect(try await old.get("/persons").text.contains("rob (reader)"))
            let robID = try #require(try harness.database.accounts().first { $0.name == "rob" }?.id)
            _ = try harness.database.removeAccount(name: "rob", by: Recorder("admin"))
            let director = try harness.database.addAccount(name: "director", role: .editor, password: "director password one", by: Recorder("admin"))
            #expect(director.id > robID, "a removed account's id is never given again")
            let page = try await old.get("/persons")
            #expect(page.status == .seeOther && page.location.hasPrefix("/login"), "the old session is refused")
            #expect(!page.text.contains("director"))
            let write = try await old.post("/persons", ["name": "Someone New"])
            #expect(write.status == .seeOther && write.location.hasPrefix("/login"))
            #expect(try CaseQueries(harness.database).auditLog(limit: 1).first?.by == "admin", "nothing written under director's name")
        }
    }

    /// Even a row given the old id behind casetrack's back (sqlite3) does not
    /// take over the session: the session also carries the account's own key.
    @Test func aSessionIsBoundToTheAccountsKeyNotOnlyItsRowNumber() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var old = Browser(client)
            _ = try await old.logIn("rob", WebHarness.readerPassword)
            #expect(try await old.get("/persons").status == .ok)
            try await harness.database.writer.write { db in
                let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM account WHERE name = 'rob'"))
                try db.execute(sql: "DELETE FROM account WHERE name = 'rob'")
                try db.execute(sql: "INSERT INTO account (id, name, role, password_hash, created_at, session_key) VALUES (?, 'intruder', 'editor', ?, ?, ?)",
                               arguments: [row["id"] as Int64, row["password_hash"] as String, row["created_at"] as String, "0123456789abcdef0123456789abcdef"])
            }
            let page = try await old.get("/persons")
            #expect(page.status == .seeOther && !page.text.contains("intruder"))
        }
    }

    /// The attack: a stolen session survived `user passwd` for its 12 hours and still wrote.
    @Test func aNewPasswordEndsEverySessionOfTheAccount() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var first = Browser(client), second = Browser(client), other = Browser(client)
            _ = try await first.logIn("anna", WebHarness.editorPassword)
            _ = try await second.logIn("anna", WebHarness.editorPassword)
            _ = try await other.logIn("rob", WebHarness.readerPassword)
            try harness.database.setPassword(name: "anna", password: "a brand new password", by: Recorder("admin"))
            for var browser in [first, second] {
                let before = try harness.auditCount()
                let write = try await browser.post("/persons", ["name": "Someone New"])
                #expect(write.status == .seeOther && write.location.hasPrefix("/login"), "the stolen session no longer writes")
                #expect(try harness.auditCount() == before)
                #expect(try await browser.get("/persons").status == .seeOther)
            }
            #expect(try await other.get("/persons").status == .ok, "another account's session goes on")
            var again = Browser(client)
            #expect(try await again.logIn("anna", "a brand new password").status == .seeOther)
            #expect(try await again.get("/persons").status == .ok)
        }
    }

    @Test func aRoleChangeEndsEverySessionOfTheAccount() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var anna = Browser(client)
            _ = try await anna.logIn("anna", WebHarness.editorPassword)
            #expect(try await anna.get("/persons").status == .ok)
            try harness.database.setRole(name: "anna", role: .reader, by: Recorder("admin"))
            #expect(try await anna.get("/persons").status == .seeOther)
            #expect(try CaseQueries(harness.database).auditLog(limit: 1).first?.summary == "changed the role of user anna from editor to reader; their sessions ended")
            // The same role again changes nothing, so it ends nothing.
            var again = Browser(client)
            _ = try await again.logIn("anna", WebHarness.editorPassword)
            let entries = try harness.auditCount()
            try harness.database.setRole(name: "anna", role: .reader, by: Recorder("admin"))
            #expect(try harness.auditCount() == entries)
            #expect(try await again.get("/persons").status == .ok)
        }
    }

    @Test func aRemovalEndsEverySessionOfTheAccount() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var first = Browser(client), second = Browser(client)
            _ = try await first.logIn("anna", WebHarness.editorPassword)
            _ = try await second.logIn("anna", WebHarness.editorPassword)
            _ = try harness.database.removeAccount(name: "anna", by: Recorder("admin"))
            #expect(try await first.get("/persons").status == .seeOther)
            #expect(try await second.get("/persons").status == .seeOther)
        }
    }
}
