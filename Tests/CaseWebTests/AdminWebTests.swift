import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 21: an admin manages the accounts from the web; every change is
/// audited under the admin's name, ends the sessions of the account it
/// changes, and the last admin is always kept.
@Suite struct AdminWebTests {
    static let adminPassword = "admin password one"

    func harness() throws -> WebHarness {
        let harness = try WebHarness(samples: false)
        _ = try harness.database.addAccount(name: "ada", role: .admin, password: Self.adminPassword, by: Recorder("root"))
        return harness
    }

    func lastAudit(_ harness: WebHarness) throws -> (by: String, command: String, summary: String) {
        let entry = try #require(try CaseQueries(harness.database).auditLog(limit: 1).first)
        return (entry.by, entry.command, entry.summary)
    }

    @Test func onlyAnAdminSeesAndUsesTheUsersPage() async throws {
        let harness = try harness()
        try await harness.test { client in
            var anna = Browser(client)
            _ = try await anna.logIn("anna", WebHarness.editorPassword)
            #expect(!(try await anna.get("/persons").text.contains("href=\"/users\"")))
            let page = try await anna.get("/users")
            #expect(page.status == .forbidden && page.text.contains("Only an admin can manage the users"))
            let before = try harness.auditCount()
            #expect(try await anna.post("/users/role", ["name": "anna", "role": "admin"]).status == .forbidden)
            #expect(try await anna.post("/users", ["name": "mallory", "role": "admin", "password": "mallory password", "password2": "mallory password"]).status == .forbidden)
            #expect(try harness.auditCount() == before)
            #expect(try harness.database.accounts().map(\.name) == ["ada", "anna", "rob"])

            var ada = Browser(client)
            _ = try await ada.logIn("ada", Self.adminPassword)
            let users = try await ada.get("/users")
            #expect(users.status == .ok && users.text.contains("<td>rob</td>") && users.text.contains("ada <span class=\"muted\">(you)</span>"))
            #expect(try await ada.get("/persons").text.contains("href=\"/users\""))
            // An admin also records, as an editor does.
            #expect(try await ada.post("/persons", ["name": "Someone New"]).status == .seeOther)
        }
    }

    @Test func anAdminAddsAUserWhoCanThenLogIn() async throws {
        let harness = try harness()
        try await harness.test { client in
            var ada = Browser(client)
            _ = try await ada.logIn("ada", Self.adminPassword)
            _ = try await ada.get("/users")
            let added = try await ada.post("/users", ["name": "director", "role": "editor", "password": "director password", "password2": "director password"])
            #expect(added.status == .seeOther && added.location == "/users")
            #expect(try await ada.get("/users").text.contains("Added user director (editor)."))
            #expect(try lastAudit(harness) == ("ada", "user add", "added user director (editor)"))
            var director = Browser(client)
            #expect(try await director.logIn("director", "director password").status == .seeOther)

            // Bad input: the page again, the name kept, a sentence in the page's words, nothing written.
            let before = try harness.auditCount()
            let differ = try await ada.post("/users", ["name": "someone", "role": "reader", "password": "first password", "password2": "second password"])
            #expect(differ.status == .unprocessableContent && differ.text.contains("The two new passwords differ") && differ.text.contains("value=\"someone\""))
            let taken = try await ada.post("/users", ["name": "Director", "role": "reader", "password": "a long password", "password2": "a long password"])
            #expect(taken.text.contains("already exists") && !taken.text.contains("casetrack user"))
            #expect(try await ada.post("/users", ["name": "x", "role": "reader", "password": "short", "password2": "short"]).text.contains("too short"))
            #expect(try harness.auditCount() == before)
            // No form token: refused.
            #expect(try await ada.post("/users", ["name": "eve", "role": "admin", "password": "a long password", "password2": "a long password"], csrf: "forged").status == .forbidden)
            #expect(try harness.auditCount() == before)
        }
    }

    @Test func aResetARoleChangeAndARemovalEndThatUsersSessions() async throws {
        let harness = try harness()
        try await harness.test { client in
            var ada = Browser(client), rob = Browser(client), anna = Browser(client)
            _ = try await ada.logIn("ada", Self.adminPassword)
            _ = try await rob.logIn("rob", WebHarness.readerPassword)
            _ = try await anna.logIn("anna", WebHarness.editorPassword)
            _ = try await ada.get("/users")

            #expect(try await ada.post("/users/password", ["name": "rob", "password": "a reset password", "password2": "a reset password"]).status == .seeOther)
            #expect(try lastAudit(harness) == ("ada", "user passwd", "changed the password of user rob; their sessions ended"))
            #expect(try await rob.get("/persons").status == .seeOther, "rob's session ended")
            #expect(try await anna.get("/persons").status == .ok, "anna's did not")
            #expect(try harness.database.verifyLogin(name: "rob", password: "a reset password") != nil)

            #expect(try await ada.post("/users/role", ["name": "anna", "role": "reader"]).status == .seeOther)
            #expect(try lastAudit(harness) == ("ada", "user role", "changed the role of user anna from editor to reader; their sessions ended"))
            #expect(try await anna.get("/persons").status == .seeOther)
            _ = try await anna.logIn("anna", WebHarness.editorPassword)
            #expect(try await anna.get("/persons").text.contains("anna (reader)"))

            let unsure = try await ada.post("/users/remove", ["name": "anna"])
            #expect(unsure.status == .unprocessableContent && unsure.text.contains("Tick &#39;sure&#39; beside Remove") || unsure.text.contains("Tick 'sure' beside Remove"))
            #expect(try harness.database.accounts().contains { $0.name == "anna" })
            #expect(try await ada.post("/users/remove", ["name": "anna", "confirm": "yes"]).status == .seeOther)
            #expect(try lastAudit(harness) == ("ada", "user remove", "removed user anna (reader); their sessions ended"))
            #expect(try await anna.get("/persons").status == .seeOther)
            #expect(try await ada.get("/persons").status == .ok, "the admin's own session goes on")
        }
    }

    @Test func theLastAdminIsAlwaysKept() async throws {
        let harness = try harness()
        try await harness.test { client in
            var ada = Browser(client)
            _ = try await ada.logIn("ada", Self.adminPassword)
            _ = try await ada.get("/users")
            let before = try harness.auditCount()
            let demote = try await ada.post("/users/role", ["name": "ada", "role": "editor"])
            #expect(demote.status == .unprocessableContent)
            #expect(demote.text.contains("ada is the only admin, and casetrack always keeps one: give another user the admin role first, then try again."))
            #expect(try await ada.post("/users/remove", ["name": "ada", "confirm": "yes"]).text.contains("is the only admin"))
            #expect(try harness.auditCount() == before && harness.database.adminCount() == 1)

            // With a second admin, the first may step down; its own session goes on as an editor.
            #expect(try await ada.post("/users/role", ["name": "rob", "role": "admin"]).status == .seeOther)
            let stepDown = try await ada.post("/users/role", ["name": "ada", "role": "editor"])
            #expect(stepDown.status == .seeOther && stepDown.location == "/persons")
            #expect(try await ada.get("/persons").text.contains("ada (editor)"))
            #expect(try await ada.get("/users").status == .forbidden)
        }
    }

    /// The web's own password change keeps only the session that made it.
    @Test func changingOnesOwnPasswordKeepsOnlyThisSession() async throws {
        let harness = try harness()
        try await harness.test { client in
            var here = Browser(client), elsewhere = Browser(client)
            _ = try await here.logIn("rob", WebHarness.readerPassword)
            _ = try await elsewhere.logIn("rob", WebHarness.readerPassword)
            #expect(try await here.get("/password").status == .ok)
            let before = try harness.auditCount()
            let wrong = try await here.post("/password", ["current": "not my password", "password": "a new password", "password2": "a new password"])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Your current password is not right"))
            #expect(try harness.auditCount() == before)
            let changed = try await here.post("/password", ["current": WebHarness.readerPassword, "password": "a new password", "password2": "a new password"])
            #expect(changed.status == .seeOther)
            #expect(try lastAudit(harness) == ("rob", "user passwd", "changed the password of user rob; their sessions ended"))
            #expect(try await here.get("/persons").status == .ok, "the session that changed it goes on")
            #expect(try await elsewhere.get("/persons").status == .seeOther, "every other session ended")
            #expect(try harness.database.verifyLogin(name: "rob", password: "a new password") != nil)
        }
    }
}
