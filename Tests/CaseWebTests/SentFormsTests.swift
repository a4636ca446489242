import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A recording form sent twice (a double click, a reload of the answer, back and "send" again)
/// records once: the person's file does not gain a duplicate charge, status or person.
@Suite struct SentFormsTests {
    /// The `once` token of the form posting to `action` on a page.
    static func onceToken(_ html: String, action: String) throws -> String {
        let form = try #require(html.range(of: "action=\"\(action)\""), "no form for \(action)")
        let rest = html[form.upperBound...]
        let field = try #require(rest.range(of: "name=\"once\" value=\""), "no once field in the form for \(action)")
        let value = rest[field.upperBound...]
        return String(value[..<(value.firstIndex(of: "\"") ?? value.endIndex)])
    }

    @Test func aChargeOrStatusFormSentTwiceRecordsOnce() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let queries = CaseQueries(harness.database)
            let page = try await browser.get("/persons/1").text
            let chargeToken = try Self.onceToken(page, action: "/persons/1/charge")
            let statusToken = try Self.onceToken(page, action: "/persons/1/status")
            #expect(!chargeToken.isEmpty)
            let charges = try queries.person("1").charges.count
            let charge = ["article": "405", "instrument": "Criminal Code", "stage": "charged", "source": "indictment", "once": chargeToken]
            let first = try await browser.post("/persons/1/charge", charge)
            #expect(first.status == .seeOther)
            let second = try await browser.post("/persons/1/charge", charge)
            #expect(second.status == .seeOther)
            #expect(try queries.person("1").charges.count == charges + 1, "the second sending recorded nothing")
            #expect(try await browser.get("/persons").text.contains("This form was sent twice"))
            // Another form drawn on the same page, with the same token, is a form of its own.
            let events = try queries.person("1").events.count
            let status = ["status": "released", "date": "2022-06-15", "source": "phone call with lawyer", "once": statusToken]
            #expect(try await browser.post("/persons/1/status", status).status == .seeOther)
            #expect(try await browser.post("/persons/1/status", status).status == .seeOther)
            #expect(try queries.person("1").events.count == events + 1)
        }
    }

    @Test func twoSendingsAtOnceRecordOnce() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let queries = CaseQueries(harness.database)
            let token = try Self.onceToken(try await browser.get("/persons/1").text, action: "/persons/1/charge")
            let charges = try queries.person("1").charges.count
            let sender = browser
            let fields = ["article": "405", "instrument": "Criminal Code", "source": "indictment", "once": token]
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<4 {
                    group.addTask { var copy = sender; return try await copy.post("/persons/1/charge", fields).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .seeOther })
            #expect(try queries.person("1").charges.count == charges + 1)
        }
    }

    @Test func aRefusedFormCorrectedRecordsWithItsToken() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let queries = CaseQueries(harness.database)
            let token = try Self.onceToken(try await browser.get("/persons/1").text, action: "/persons/1/charge")
            let charges = try queries.person("1").charges.count
            let refused = try await browser.post("/persons/1/charge", ["article": "405", "stage": "jailed", "source": "x", "once": token])
            #expect(refused.status == .unprocessableContent)
            #expect(try queries.person("1").charges.count == charges)
            // Back in the browser, the stage corrected, the same page's form sent again: it records.
            let corrected = try await browser.post("/persons/1/charge", ["article": "405", "stage": "charged", "source": "x", "once": token])
            #expect(corrected.status == .seeOther)
            #expect(try queries.person("1").charges.count == charges + 1)
        }
    }

    @Test func theAddPersonFormSentTwiceAddsOnePerson() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let token = try Self.onceToken(try await browser.get("/persons").text, action: "/persons")
            let fields = ["name": "Ana Ruiz Testperson", "once": token]
            #expect(try await browser.post("/persons", fields).status == .seeOther)
            #expect(try await browser.post("/persons", fields).status == .seeOther)
            let matches = try CaseQueries(harness.database).persons(PersonFilter()).filter { $0.name == "Ana Ruiz Testperson" }
            #expect(matches.count == 1)
        }
    }
}
