import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Only where Chromium is installed (Debian: apt-get install chromium): the app
/// on a real socket, a login, a status change through the form, and a
/// screenshot of each page. `CASETRACK_SCREENSHOTS=DIR` keeps them to look at.
@Suite struct WebBrowserTests {
    static let chromium = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: WebBrowserTests.chromium != nil))
    func everyPageRendersInChromium() async throws {
        let harness = try WebHarness()
        let directory = ProcessInfo.processInfo.environment["CASETRACK_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-screens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let askhat = try CaseQueries(harness.database).history("Askhat Zheksebayev").person.id
        try await Application(router: harness.app.router()).test(.live) { client in
            let port = try #require(client.port)
            // The login page as the server sends it.
            try Self.screenshot("http://127.0.0.1:\(port)/login", to: directory.appendingPathComponent("login.png"))
            var browser = Browser(client)
            #expect(try await browser.logIn("anna", WebHarness.editorPassword).status == .seeOther)
            let recorded = try await browser.post("/persons/\(askhat)/status", [
                "status": "released", "date": "2024-03-01", "source": "phone call with his lawyer", "note": "released on parole"])
            #expect(recorded.status == .seeOther)
            // Logged-in pages: fetched with the session's cookie, saved whole (they load nothing
            // from elsewhere), and rendered by Chromium from the file.
            let pages = [("person", "/persons/\(askhat)"), ("persons", "/persons"), ("statuses", "/persons?with_status=1&as_of=2022"),
                         ("documents", "/documents"), ("document", "/document?procedure=2022%2F2505(RSP)"), ("charged", "/charged?article=405"), ("organisations", "/organisations"), ("notfound", "/no-such-page"),
                         ("search", "/search?q=pre-trial+detention"), ("review", "/review"), ("log", "/log"), ("import", "/import")]
            for (name, path) in pages {
                let response = try await browser.get(path)
                #expect(response.status == (name == "notfound" ? .notFound : .ok), "\(path)")
                let html = directory.appendingPathComponent("\(name).html")
                try Data(response.text.utf8).write(to: html)
                try Self.screenshot(html.absoluteString, to: directory.appendingPathComponent("\(name).png"))
                // And as a phone shows it (issue 21): 390 px wide.
                try Self.screenshot(html.absoluteString, to: directory.appendingPathComponent("\(name)-390.png"), size: "390,844")
            }
            let person = try await browser.get("/persons/\(askhat)").text
            #expect(person.contains("released on parole") && person.contains("phone call with his lawyer"))
        }
        for name in ["login", "person", "persons", "documents", "document", "charged", "organisations", "notfound", "search", "review", "log", "import"] {
            let image = try Data(contentsOf: directory.appendingPathComponent("\(name).png"))
            #expect(image.count > 10_000 && image.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name).png")
            guard name != "login" else { continue }
            let phone = try Data(contentsOf: directory.appendingPathComponent("\(name)-390.png"))
            // The PNG header's width (bytes 16–19, big-endian): the page drawn at a phone's width.
            #expect(phone.count > 5_000 && phone.count > 24 && phone[16..<20].reduce(0) { $0 << 8 | Int($1) } == 390, "\(name)-390.png")
        }
    }

    static func screenshot(_ address: String, to png: URL, size: String = "1280,1400") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(size)",
                             "--screenshot=\(png.path)", address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}
