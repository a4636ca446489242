import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 12: every page and form of `casetrack serve`, and who may use them.
@Suite struct WebRouteTests {
    static let pages = [
        "/persons", "/persons?status=sentenced", "/persons?with_status=1&as_of=2021-06", "/persons?document=2022%2F2505(RSP)",
        "/persons?organisation=Koshe+Partiyasy", "/persons/1", "/persons/1/history.html", "/documents", "/documents/1",
        "/document?procedure=2022%2F2505(RSP)", "/charged", "/charged?article=405", "/search", "/search?q=pre-trial+detention",
        "/review", "/log", "/import", "/organisations",
    ]

    @Test func everyPageAnswersAnEditor() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("anna", WebHarness.editorPassword).status == .seeOther)
            for page in Self.pages {
                let response = try await browser.get(page)
                #expect(response.status == .ok, "\(page): \(response.status) \(response.text.prefix(300))")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(page)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(page)")
            }
        }
    }

    @Test func pagesGiveTheCLIsAnswers() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            let sentenced = try CaseQueries(harness.database).persons(PersonFilter(status: .sentenced))
            let page = try await browser.get("/persons?status=sentenced").text
            #expect(!sentenced.isEmpty)
            for row in sentenced { #expect(page.contains("<a href=\"/persons/\(row.id)\">"), "\(row.name)") }
            #expect(page.contains("1–\(sentenced.count) of \(sentenced.count) persons"))
            let askhat = try CaseQueries(harness.database).history("Askhat Zheksebayev")
            let history = try await browser.get("/persons/\(askhat.person.id)").text
            #expect(history.contains("Case history: Askhat Zheksebayev") && history.contains("<ol class=\"timeline\">"))
            #expect(history.contains("href=\"/document?procedure=2021%2F2544%28RSP%29\""), "a link to each source in the app")
            let document = try await browser.get("/document?procedure=2021%2F2544(RSP)").text
            #expect(document.contains("<a class=\"person-name\" href=\"/persons/\(askhat.person.id)\""), "names found are marked and linked")
            let charged = try await browser.get("/charged?article=405").text
            #expect(charged.contains("Askhat Zheksebayev") && charged.contains("inferred"))
            let search = try await browser.get("/search?q=pre-trial+detention").text
            #expect(search.contains("<mark>"), "search highlights its matches")
            // A reader sees no form that writes.
            #expect(!history.contains("action=\"/persons/\(askhat.person.id)/status\""))
        }
    }

    @Test func aLoggedOutRequestIsSentToLogIn() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            for page in Self.pages {
                let response = try await client.execute(uri: page, method: .get)
                #expect(response.status == .seeOther && response.location.hasPrefix("/login?next="), "\(page): \(response.status)")
            }
            let before = try harness.auditCount()
            let post = try await client.execute(uri: "/persons/1/status", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "status=released&source=x&csrf=x"))
            #expect(post.status == .seeOther && post.location.hasPrefix("/login"))
            #expect(try harness.auditCount() == before)
            let api = try await client.execute(uri: "/api/persons", method: .get)
            #expect(api.status == .unauthorized && api.text.contains("Log in first"))
        }
    }

    static let writes: [(String, [String: String])] = [
        ("/persons", ["name": "Ivan Petrov"]),
        ("/persons/1/status", ["status": "released", "date": "2022-06-15", "source": "phone call with lawyer"]),
        ("/persons/1/charge", ["article": "405", "instrument": "Criminal Code", "source": "indictment"]),
        ("/persons/1/alias", ["alias": "Another Spelling"]),
        ("/persons/1/merge", ["other": "2"]),
        ("/persons/1/keep-apart", ["other": "2"]),
        ("/events/1/retract", ["reason": "another person"]),
        ("/review/merge", ["kept": "1", "absorbed": "2"]),
        ("/review/keep-apart", ["first": "1", "second": "2"]),
        ("/import/confirm", ["token": "x"]),
    ]

    @Test func aReaderCannotWrite() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            let before = try harness.auditCount()
            for (path, fields) in Self.writes {
                let response = try await browser.post(path, fields)
                #expect(response.status == .forbidden, "\(path): \(response.status)")
                #expect(response.text.contains("can read but not record"), "\(path)")
            }
            #expect(try await browser.upload("/import", fileName: "x.txt", data: Data("text".utf8)).status == .forbidden)
            #expect(try await browser.get("/import").status == .forbidden)
            #expect(try harness.auditCount() == before)
        }
    }

    @Test func aWrongOrMissingFormTokenIsRefused() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let before = try harness.auditCount()
            for (path, fields) in Self.writes {
                for token in ["wrong", ""] {
                    let response = try await browser.post(path, fields, csrf: token)
                    #expect(response.status == .forbidden, "\(path): \(response.status)")
                    #expect(response.text.contains("reload the page"), "\(path)")
                }
            }
            // A token from another session does not work either.
            var other = Browser(client)
            _ = try await other.logIn("anna", WebHarness.editorPassword)
            #expect(other.csrf != browser.csrf)
            #expect(try await browser.post("/persons", ["name": "Ivan Petrov"], csrf: other.csrf).status == .forbidden)
            #expect(try harness.auditCount() == before)
        }
    }

    @Test func theStatusFormRecordsUnderTheLoggedInUser() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let person = try CaseQueries(harness.database).history("Askhat Zheksebayev").person.id
            let response = try await browser.post("/persons/\(person)/status", [
                "status": "house arrest", "date": "2022-06-15", "source": "phone call with lawyer", "place": "his home"])
            #expect(response.status == .seeOther && response.location == "/persons/\(person)")
            let page = try await browser.get(response.location).text
            #expect(page.contains("class=\"flash\"") && page.contains("house arrest from 2022-06-15"))
            let detail = try CaseQueries(harness.database).person(String(person))
            let event = try #require(detail.events.last { $0.status == "house arrest" })
            #expect(event.recordedBy == "anna" && event.source.text == "phone call with lawyer" && event.place == "his home")
            let entry = try #require(try CaseQueries(harness.database).auditLog(limit: 1).first)
            #expect(entry.by == "anna" && entry.command == "status set")
            // The flash is shown once.
            #expect(!(try await browser.get(response.location).text.contains("class=\"flash\"")))
        }
    }

    @Test func everyFormRecordsAndLogs() async throws {
        let harness = try WebHarness()
        let queries = CaseQueries(harness.database)
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            var response = try await browser.post("/persons", ["name": "Ivan Petrov", "aliases": "Petrov Ivan", "note": "lawyer: +7 ..."])
            #expect(response.status == .seeOther)
            let ivan = try queries.history("Ivan Petrov").person.id
            #expect(try await browser.post("/persons", ["name": "I. Petrov"]).status == .seeOther)
            let duplicate = try queries.history("I. Petrov").person.id
            #expect(try await browser.post("/persons/\(ivan)/alias", ["alias": "Iwan Petrow"]).status == .seeOther)
            #expect(try queries.person(String(ivan)).person.aliases.contains("Iwan Petrow"))
            #expect(try await browser.post("/persons/\(ivan)/merge", ["other": String(duplicate)]).status == .seeOther)
            #expect(try queries.history(String(duplicate)).person.id == ivan)
            #expect(try await browser.post("/persons", ["name": "Ivana Petrova"]).status == .seeOther)
            #expect(try await browser.post("/persons/\(ivan)/keep-apart", ["other": "Ivana Petrova"]).status == .seeOther)
            response = try await browser.post("/persons/\(ivan)/status", ["status": "detained", "date": "2022-06-15", "source": "court register"])
            #expect(response.status == .seeOther)
            let event = try #require(try queries.person(String(ivan)).events.last)
            #expect(try await browser.post("/events/\(event.id)/retract", ["reason": "it was another person"]).status == .seeOther)
            #expect(try queries.person(String(ivan)).events.last?.retracted?.by == "anna")
            response = try await browser.post("/persons/\(ivan)/charge", ["article": "405", "instrument": "Criminal Code", "stage": "charged", "source": "indictment"])
            #expect(response.status == .seeOther, "\(response.text.prefix(400))")
            #expect(try queries.person(String(ivan)).charges.contains { $0.article == "405" && $0.evidence == "recorded" })
            let commands = try queries.auditLog(limit: 8).filter { $0.by == "anna" }.map(\.command)
            #expect(Set(commands) == ["person add", "person alias", "person merge", "person review --keep-apart", "status set", "status retract", "charge add"])
            // The review queue's buttons: a close call from the samples.
            let pending = try queries.pendingReviews()
            if let item = pending.first {
                #expect(try await browser.post("/review/keep-apart", ["first": String(item.first.id), "second": String(item.second.id)]).status == .seeOther)
                #expect(try queries.pendingReviews().count == pending.count - 1)
            }
            #expect(try await browser.post("/logout", [:]).status == .seeOther)
            #expect(try await browser.get("/persons").status == .seeOther, "logged out")
        }
    }

    @Test func badInputSaysWhatToDoAndChangesNothing() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let before = try harness.auditCount()
            // Each refused form comes back with the error beside the field it names (in the page's words,
            // no command-line option) and everything typed kept.
            let cases: [(String, [String: String], field: String, String)] = [
                ("/persons/1/status", ["status": "releasd", "source": "x", "note": "kept note"], "status", "did you mean"),
                ("/persons/1/status", ["status": "released", "date": "2099-01-01", "source": "x", "note": "kept note"], "date", "in the future"),
                ("/persons/1/status", ["status": "released", "date": "2024-13", "source": "x", "note": "kept note"], "date", "not a real calendar date"),
                ("/persons/1/status", ["status": "released", "note": "kept note", "sentence": "kept sentence"], "source", "Every record needs a source"),
                ("/persons/1/status", ["status": "released", "document": "1999/0001(RSP)", "section": "A", "note": "kept note"], "document", "No imported resolution"),
                ("/persons", ["name": "", "note": "kept note"], "name", "Fill in Name"),
                ("/persons/1/charge", ["article": "405", "stage": "jailed", "source": "x", "date": "2021"], "stage", "not a charge stage"),
                ("/persons/1/charge", ["article": "405", "instrument": "Treaty", "source": "x", "date": "2021"], "instrument", "could be any of &#39;Treaty on European Union&#39;"),
                ("/persons/1/merge", ["other": "Nobody Of That Name"], "other", "No person matches"),
            ]
            for (path, fields, field, message) in cases {
                let response = try await browser.post(path, fields)
                let page = response.text
                #expect(response.status == .unprocessableContent, "\(path): \(response.status)")
                #expect(page.contains(message), "\(path): \(page.prefix(600))")
                for option in ["--source", "--document", "--section", "--instrument", "--stage", "--date", "--article", "'casetrack "] {
                    #expect(!page.contains(option), "no command-line wording in \(path): \(fields)")
                }
                #expect(!page.contains("Nothing was changed"))
                // The message sits right after the input it is about.
                let input = try #require(page.range(of: "name=\"\(field)\""), "\(path): \(field)")
                let after = page[input.upperBound...]
                let error = try #require(after.range(of: "class=\"field-error\""), "\(path): no field error")
                #expect(!after[..<error.lowerBound].contains("<label"), "\(path): the error follows its own field")
                for (name, value) in fields where !value.isEmpty && name != "status" && name != "stage" {
                    #expect(page.contains("name=\"\(name)\" value=\"\(value)\"") || page.contains("name=\"\(name)\" required value=\"\(value)\""),
                            "\(path): \(name) kept")
                }
            }
            // A name short for the one instrument it can mean is recorded under that one, and the page says so.
            #expect(try await browser.post("/persons/1/charge", ["article": "405", "instrument": "Criminal", "source": "x"]).status == .seeOther)
            #expect(try await browser.get("/persons/1").text.contains("‘Criminal’ was taken as ‘Criminal Code of Kazakhstan’: if another instrument was meant"))
            // A retraction without a reason: beside that event's reason box.
            _ = try await browser.post("/persons/1/status", ["status": "released", "source": "y"])
            let event = try #require(try CaseQueries(harness.database).history("1").events.last { $0.kind == "status" }?.eventID)
            let retract = try await browser.post("/events/\(event)/retract", ["reason": " ", "person": "1"])
            #expect(retract.status == .unprocessableContent && retract.text.contains("needs a reason"))
            // Someone else's mistake is not the form's: an unknown event or person is the error page, with a way back.
            let unknown = try await browser.post("/events/999999/retract", ["reason": "x"])
            #expect(unknown.status == .notFound && unknown.text.contains("no status event with id 999999") && unknown.text.contains("href=\"/persons\""))
            #expect(try harness.auditCount() == before + 2)
        }
    }

    @Test func formsChooseNothingForTheUserAndPlaceholdersAreExamples() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let page = try await browser.get("/persons/1").text
            let statusSelect = try #require(page.range(of: "<select name=\"status\""))
            let options = page[statusSelect.upperBound...].prefix { $0 != "/" }
            #expect(!page[statusSelect.upperBound...].prefix(2000).split(separator: "</select>").first!.contains(" selected"), "no status chosen: \(options)")
            #expect(page.contains("<option value=\"charged\" selected>charged</option>"), "the stage starts where the CLI's does")
            // A grey name in the review's Correct field read as already typed: it says "as read:" now.
            let others = ["/persons", "/charged", "/documents/1/review", "/documents/1/sections/F/record"]
            var pages = [page]
            for path in others { pages.append(try await browser.get(path).text) }
            #expect(pages[3].contains("placeholder=\"as read: "), "the review page was read")
            for page in pages {
                var rest = page[...]
                while let range = rest.range(of: "placeholder=\"") {
                    let value = rest[range.upperBound...].prefix { $0 != "\"" }
                    #expect(value.hasPrefix("e.g. ") || value.hasPrefix("as read: ") || value == "why it was wrong" || value == "why it is wrong",
                            "placeholder \(value)")
                    rest = rest[range.upperBound...]
                }
            }
        }
    }

    @Test func readOnlyLookupsAnswerOnTheirOwnPage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            let charged = try await browser.get("/charged?article=999")
            #expect(charged.status == .unprocessableContent)
            #expect(charged.text.contains("No imported resolution or record mentions Article 999") && charged.text.contains("class=\"field-error\""))
            #expect(!charged.text.contains("Nothing was changed") && !charged.text.contains("casetrack articles"))
            #expect(charged.text.contains("value=\"999\""), "the article typed is kept")
            let persons = try await browser.get("/persons?as_of=2022-99&organisation=x")
            #expect(persons.status == .unprocessableContent && persons.text.contains("2022-99") && !persons.text.contains("Nothing was changed"))
            let asOf = try #require(persons.text.range(of: "name=\"as_of\""))
            #expect(persons.text[asOf.upperBound...].prefix(400).contains("class=\"field-error\""), "the error beside Status as of")
        }
    }

    @Test func unknownAddressesAnswerInTheAppsFrame() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            for path in ["/users-nobody-made", "/persons/999999", "/documents/424242"] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("<header class=\"site\">") && response.text.contains("Not found"), "\(path)")
                #expect(response.text.contains("<a href=\"/persons\">Back to the list of persons</a>"), "\(path)")
            }
            // Scripts keep a bare status.
            #expect(try await browser.get("/api/nothing-here").status == .notFound)
        }
    }

    /// A database that cannot be read when the session's account is checked (before the pages' own error
    /// handling) answers the 500 page in the app's frame, not an empty response the browser shows as its own.
    @Test func anUnreadableDatabaseAnswersTheAppsFailurePage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            try await harness.database.writer.write { db in try db.execute(sql: "ALTER TABLE account RENAME TO account_unreadable") }
            let page = try await browser.get("/persons")
            #expect(page.status == .internalServerError)
            #expect(page.text.contains("<header class=\"site\">") && page.text.contains("Something went wrong"), "\(page.text.prefix(300))")
            #expect(page.text.contains("<a href=\"/persons\">Back to the list of persons</a>"))
            #expect(try await browser.get("/api/persons").status == .internalServerError)
        }
    }

    @Test func theChargedPageListsTheArticlesAndOrganisationsTheirMembers() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            let queries = CaseQueries(harness.database)
            let charged = try await browser.get("/charged").text
            let articles = try queries.articles()
            #expect(!articles.isEmpty)
            for article in articles {
                #expect(charged.contains("href=\"/charged?article=\(CaseWebApp.percent(article.article))&amp;instrument=\(CaseWebApp.percent(article.instrument))\""),
                        "\(article.article) of \(article.instrument)")
                #expect(charged.contains("<td data-label=\"Persons\">\(article.persons)</td>"))
            }
            let page = try await browser.get("/organisations").text
            let organisations = try queries.organisations()
            #expect(!organisations.isEmpty)
            for organisation in organisations { #expect(page.contains(organisation.name), "\(organisation.name)") }
            let koshe = try #require(organisations.first { $0.name == "Koshe Partiyasy" })
            let members = try queries.persons(PersonFilter(organisation: "Koshe Partiyasy"))
            #expect(koshe.members == members.count && koshe.members > 0)
            for member in members.prefix(OrganisationsBody.membersShown) {
                #expect(page.contains("<a href=\"/persons/\(member.id)\">"), "\(member.name)")
            }
        }
    }

    /// Below 600 px the app's tables become stacked rows (layout.mustache): each needs the class that
    /// stacks it and every cell the label it shows beside its value, or a phone shows unlabelled lines.
    @Test func everyTableCanStackOnAPhone() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            _ = try await browser.post("/persons/1/status", ["status": "released", "source": "a phone call"])
            for path in ["/persons", "/persons?with_status=1", "/persons/1", "/documents", "/charged", "/charged?article=405", "/organisations", "/log"] {
                let page = try await browser.get(path).text
                // The history's own table (printable page) scrolls within its box instead; the app's tables stack.
                let app = page.components(separatedBy: "<article class=\"history\">").first! + (page.components(separatedBy: "</article>").last ?? "")
                let tables = app.components(separatedBy: "<table").dropFirst()
                #expect(!tables.isEmpty, "\(path)")
                for table in tables {
                    let body = table.components(separatedBy: "</table>").first!
                    #expect(body.hasPrefix(" class=\"stack"), "\(path): \(body.prefix(80))")
                    for cell in body.components(separatedBy: "<td").dropFirst() {
                        let tag = cell.prefix { $0 != ">" }
                        #expect(tag.contains("data-label=\""), "\(path): a cell without its label: <td\(tag)>")
                    }
                }
            }
            let layout = try await browser.get("/persons").text
            #expect(layout.contains("@media (max-width: 600px)") && layout.contains("table.stack td::before { content: attr(data-label)"))
            // A cell holds mixed content ("sentenced <span>*</span>", several links): as a grid or flex box each
            // piece became its own item and the * fell to a line of its own under the label; the label floats instead.
            let stacked = layout.components(separatedBy: "@media (max-width: 600px)").last ?? ""
            let cellRules = stacked.components(separatedBy: "table.stack td {").dropFirst().map { $0.prefix { $0 != "}" } }
            #expect(cellRules.count >= 2 && cellRules.allSatisfy { !$0.contains("display: grid") && !$0.contains("display: flex") }, "\(cellRules)")
            #expect(stacked.contains("table.stack td::before { content: attr(data-label); float: left;"))
            // The checkbox is inside its own label, beside its words.
            #expect(layout.contains("<label class=\"check\"><input type=\"checkbox\" name=\"with_status\" value=\"1\"> only persons with a status</label>"))
        }
    }

    @Test func aResolutionsPageListsWhomItCallsToRelease() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            let calls = try CaseQueries(harness.database).releaseCalls("2022/2505(RSP)")
            #expect(!calls.calls.isEmpty)
            let page = try await browser.get("/document?procedure=2022%2F2505(RSP)").text
            #expect(page.contains("Whom it calls to release: \(calls.calls.count) persons"))
            for call in calls.calls {
                #expect(page.contains("<li><a href=\"/persons/\(call.personID)\">"), "\(call.name)")
            }
        }
    }

    @Test func scriptsGetTheCLIsJSONShapes() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var headers: HTTPFields = [.contentType: "application/json"]
            let login = try await client.execute(uri: "/api/session", method: .post, headers: headers,
                                                 body: ByteBuffer(string: #"{"name": "rob", "password": "\#(WebHarness.readerPassword)"}"#))
            #expect(login.status == .ok, "\(login.text)")
            let cookie = try #require(login.headers[values: .setCookie].first?.split(separator: ";").first)
            headers = [.cookie: String(cookie)]
            func json(_ uri: String) async throws -> Any {
                let response = try await client.execute(uri: uri, method: .get, headers: headers)
                #expect(response.status == .ok, "\(uri): \(response.text.prefix(300))")
                return try JSONSerialization.jsonObject(with: Data(buffer: response.body))
            }
            let persons = try #require(try await json("/api/persons?status=sentenced") as? [[String: Any]])
            #expect(!persons.isEmpty && persons.allSatisfy { Set($0.keys).isSuperset(of: ["id", "name", "aliases", "status", "status_date"]) })
            let expected = try JSONSerialization.jsonObject(with: try Self.encoded(CaseQueries(harness.database).persons(PersonFilter(status: .sentenced))))
            #expect(NSArray(array: persons).isEqual(expected), "the same answer as person list --format json")
            let history = try #require(try await json("/api/persons/Askhat%20Zheksebayev/history") as? [String: Any])
            #expect(history["person"] != nil && history["current_status"] != nil && history["events"] is [Any])
            let log = try #require(try await json("/api/log?limit=5") as? [[String: Any]])
            #expect(log.allSatisfy { Set($0.keys) == ["id", "at", "by", "command", "summary"] })
            let documents = try #require(try await json("/api/documents") as? [[String: Any]])
            #expect(documents.allSatisfy { Set($0.keys).isSuperset(of: ["id", "procedure", "title", "adopted", "sections", "persons"]) })
            let charged = try #require(try await json("/api/charged/405") as? [String: Any])
            #expect(charged["provision"] != nil && charged["persons"] is [Any] && charged["organisations"] is [Any])
            _ = try #require(try await json("/api/search?q=detention") as? [String: Any])
            _ = try #require(try await json("/api/persons/1") as? [String: Any])
            _ = try #require(try await json("/api/review") as? [Any])
            let unknown = try await client.execute(uri: "/api/persons/Nobody%20Known/history", method: .get, headers: headers)
            #expect(unknown.status == .notFound && unknown.text.contains("No person matches"))
            // A login sent as a form (which another site could post) is refused.
            let form = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "name=rob&password=x"))
            #expect(form.status == .unsupportedMediaType)
        }
    }

    static func encoded(_ value: some Encodable) throws -> Data {
        try JSONEncoder().encode(value)
    }
}
