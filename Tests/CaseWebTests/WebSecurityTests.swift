import CasePages
import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 12's security rules, one test each.
@Suite struct WebSecurityTests {
    static let script = "<script>alert(1)</script>"

    @Test func aNameWithMarkupShowsAsTextOnEveryPage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let created = try await browser.post("/persons", ["name": Self.script, "aliases": "\"><img src=x onerror=alert(2)>"])
            #expect(created.status == .seeOther, "\(created.text.prefix(300))")
            let id = created.location.split(separator: "/").last.map(String.init) ?? ""
            #expect(try await browser.post("/persons/\(id)/status", ["status": "detained", "source": "<b>bold</b> 'quoted' \"source\"",
                                                                   "date": "2022-01-01"]).status == .seeOther)
            for page in ["/persons/\(id)", "/persons", "/persons/\(id)/history.html", "/log", "/search?q=%3Cscript%3E"] {
                let text = try await browser.get(page).text
                #expect(!text.contains("<script") && !text.contains("<img") && !text.contains("<b>bold"), "\(page)")
            }
            let person = try await browser.get("/persons/\(id)").text
            #expect(person.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(person.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            #expect(person.contains("&lt;b&gt;bold&lt;/b&gt; &#39;quoted&#39; &quot;source&quot;"))
        }
    }

    /// A quote followed by a combining mark is one Swift character but still a quote to a browser:
    /// it is escaped like any other, so it cannot end an attribute (it once wrote
    /// `value="x"́ style=color:red x"` into the search form).
    @Test func aQuoteCarryingACombiningMarkIsEscaped() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            // Built outside `#expect`: the macro re-reads its source, where a quote and a mark are one character too.
            let quoteAndMark = String(UnicodeScalar(0x22)!) + String(UnicodeScalar(0x301)!)
            let apostropheAndMark = String(UnicodeScalar(0x27)!) + String(UnicodeScalar(0x301)!)
            let escapedAndMark = "&quot;" + String(UnicodeScalar(0x301)!)
            let search = try await browser.get("/search?q=x%22%CC%81%20style%3Dcolor:red%20x").text
            let written = search.contains("x" + escapedAndMark + " style=color:red x")
            let raw = search.contains(quoteAndMark)
            #expect(written, "\(search.prefix(2000))")
            #expect(!raw)
            let created = try await browser.post("/persons", ["name": "Ana " + quoteAndMark + " onmouseover=alert(1) Ruiz"])
            #expect(created.status == .seeOther, "\(created.text.prefix(300))")
            let id = created.location.split(separator: "/").last.map(String.init) ?? ""
            for page in ["/persons/\(id)", "/persons", "/persons/\(id)/history.html"] {
                let text = try await browser.get(page).text
                let unescaped = text.contains(quoteAndMark) || text.contains(apostropheAndMark)
                #expect(!unescaped, "\(page)")
            }
        }
    }

    @Test func anImportedResolutionsWordsShowAsText() async throws {
        let harness = try WebHarness(samples: false)
        let text = try String(contentsOf: WebHarness.sampleData.appendingPathComponent("ep-2021-2544-kazakhstan.txt"), encoding: .utf8)
            .replacingOccurrences(of: "on 21 January 2021", with: "on 21 January 2021 \(Self.script)")
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let preview = try await browser.upload("/import", fileName: "<i>name.txt", data: Data(text.utf8))
            #expect(preview.status == .ok, "\(preview.text.prefix(500))")
            #expect(!preview.text.contains("<i>name") && preview.text.contains("&lt;i&gt;name.txt"))
            let token = try #require(preview.text.components(separatedBy: "name=\"token\" value=\"").dropFirst().first?.prefix(64))
            let imported = try await browser.post("/import/confirm", ["token": String(token)])
            #expect(imported.status == .seeOther, "\(imported.text.prefix(300))")
            let document = try await browser.get(imported.location).text
            #expect(document.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !document.contains(Self.script))
        }
    }

    /// Unescaped, a template shows only HTML an `HTMLWriter` wrote (`{{{nameHTML}}}`, which the model fills
    /// with an `HTMLFragment` and nothing else: `AnswerHTMLTests`); every other value goes through `{{name}}`.
    @Test func theTemplatesNeverOutputUnescapedValues() {
        for template in Pages.templates {
            let text = String(decoding: template.text, as: UTF8.self)
            #expect(!text.contains("{{&"), "\(template.name) writes a value unescaped")
            for tag in text.components(separatedBy: "{{{").dropFirst() {
                let name = tag.prefix { $0 != "}" }
                #expect(name.hasSuffix("HTML") && name.allSatisfy(\.isLetter) && tag.dropFirst(name.count).hasPrefix("}}}"),
                        "\(template.name) writes {{{\(name)}}} unescaped: only written HTML (a name ending in HTML) may be")
            }
        }
    }

    @Test func sessionCookiesAreHttpOnlyAndSameSiteStrict() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            let login = try await browser.logIn("anna", WebHarness.editorPassword)
            let cookie = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("casetrack_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let form = try await client.execute(uri: "/login", method: .get)
            let loginCookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("casetrack_login=") })
            #expect(loginCookie.contains("HttpOnly") && loginCookie.contains("SameSite=Strict"))
        }
    }

    @Test func aLoginFormWithoutItsCookieIsRefused() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            // What a page on another site could post: no login cookie comes with it.
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "csrf=abc&name=anna&password=\(Browser.encode(WebHarness.editorPassword))"))
            #expect(response.status == .forbidden && response.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("casetrack_session=") })
        }
    }

    @Test func aFailedLoginSaysTheSameWhetherOrNotTheNameExists() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var known = Browser(client), unknown = Browser(client)
            let wrongPassword = try await known.logIn("anna", "not the password")
            let noSuchUser = try await unknown.logIn("nobody-here", "not the password")
            #expect(wrongPassword.status == .unauthorized && noSuchUser.status == .unauthorized)
            func message(_ response: TestResponse) -> String {
                response.text.components(separatedBy: "role=\"alert\">").dropFirst().first?.components(separatedBy: "</p>").first ?? ""
            }
            #expect(message(wrongPassword) == CaseWebApp.loginFailed && message(noSuchUser) == CaseWebApp.loginFailed)
        }
        // Both cost one bcrypt verification: an unknown name is not answered faster.
        let database = harness.database
        func time(_ name: String) throws -> Duration {
            let clock = ContinuousClock()
            return try clock.measure { for _ in 0..<5 { _ = try database.verifyLogin(name: name, password: "wrong password") } }
        }
        _ = try time("nobody")
        let unknown = try time("nobody"), known = try time("anna")
        #expect(unknown > known / 3, "unknown \(unknown), known \(known)")
    }

    @Test func loginAttemptsAreLimitedForKnownAndUnknownNamesAlike() async throws {
        let harness = try WebHarness(throttle: LoginThrottle(perAddress: 100, failuresPerName: 3))
        try await harness.test { client in
            for name in ["anna", "nobody-here"] {
                var browser = Browser(client)
                for _ in 0..<3 { #expect(try await browser.logIn(name, "wrong password").status == .unauthorized) }
                let limited = try await browser.logIn(name, name == "anna" ? WebHarness.editorPassword : "wrong password")
                #expect(limited.status == .tooManyRequests, "\(name)")
                #expect(limited.text.contains("Too many login attempts"))
                #expect(limited.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("casetrack_session=") }, "the right password does not pass the limit")
            }
            // Another name from the same client is not locked out by these.
            var other = Browser(client)
            #expect(try await other.logIn("rob", WebHarness.readerPassword).status == .seeOther)
        }
        let throttle = LoginThrottle(perAddress: 2, failuresPerName: 100)
        let first = await throttle.begin(address: "a", name: "x"), second = await throttle.begin(address: "a", name: "y")
        let third = await throttle.begin(address: "a", name: "z"), elsewhere = await throttle.begin(address: "b", name: "z")
        #expect(first && second && !third && elsewhere, "per address")
    }

    @Test func anUploadOverTheLimitIsRefusedAndNothingIsStored() async throws {
        let harness = try WebHarness(samples: false)
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let before = try harness.auditCount()
            let large = Data(repeating: UInt8(ascii: "a"), count: WebLimits.uploadBytes + 1)
            let response = try await browser.upload("/import", fileName: "large.txt", data: large)
            #expect(response.status == .contentTooLarge, "\(response.status)")
            #expect(response.text.contains("larger than"))
            #expect(try harness.auditCount() == before)
            #expect(try CaseQueries(harness.database).documents().isEmpty)
        }
    }

    @Test func anUploadIsPreviewedThenImportedOnceUnderTheUser() async throws {
        let harness = try WebHarness(samples: false)
        let data = try Data(contentsOf: WebHarness.sampleData.appendingPathComponent("ep-2021-2544-kazakhstan.txt"))
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let preview = try await browser.upload("/import", fileName: "../../etc/resolution.txt", data: data)
            #expect(preview.text.contains("[dry run, nothing written] resolution.txt: 2021/2544(RSP)"), "the folder is dropped: \(preview.text.prefix(200))")
            #expect(try CaseQueries(harness.database).documents().isEmpty, "a preview writes nothing")
            let token = try #require(preview.text.components(separatedBy: "name=\"token\" value=\"").dropFirst().first?.prefix(64))
            var other = Browser(client)
            _ = try await other.logIn("anna", WebHarness.editorPassword)
            #expect(try await other.post("/import/confirm", ["token": String(token)]).status == .badRequest, "another session's preview is not yours")
            let imported = try await browser.post("/import/confirm", ["token": String(token)])
            #expect(imported.status == .seeOther)
            #expect(try CaseQueries(harness.database).documents().map(\.sourceFile) == ["resolution.txt"])
            #expect(try CaseQueries(harness.database).auditLog(limit: 1).first.map { ($0.by, $0.command) } ?? ("", "") == ("anna", "import"))
            #expect(try await browser.post("/import/confirm", ["token": String(token)]).text.contains("expired or was already imported"))
        }
    }

    @Test func afterLoginOnlyPathsOnThisSiteAreFollowed() {
        #expect(CaseWebApp.localPath("/persons/12") == "/persons/12")
        for next in ["//evil.example/", "https://evil.example/", "/\\evil.example", "/x\ny", nil] {
            #expect(CaseWebApp.localPath(next) == nil, "\(String(describing: next))")
        }
    }

    @Test func aRemovedAccountsSessionStopsAtOnce() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            #expect(try await browser.get("/persons").status == .ok)
            _ = try harness.database.removeAccount(name: "rob", by: Recorder("admin"))
            #expect(try await browser.get("/persons").status == .seeOther)
        }
    }
}
