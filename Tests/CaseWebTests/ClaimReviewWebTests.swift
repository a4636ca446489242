import CaseIngest
import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The Review page of a resolution: each claim beside its words, confirmed
/// with one key and one request, rejected with a reason, corrected; and the
/// import preview listing what will be recorded.
@Suite struct ClaimReviewWebTests {
    static let iran = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../CaseIngestTests/Fixtures/dev/composed/01-iran.txt").standardized

    /// The claim whose Confirm button has the focus on `page`, if any.
    static func focused(_ page: String) -> String? {
        guard let range = page.range(of: " autofocus accesskey=\"c\">Confirm ") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "<" })
    }

    /// Walk-through: a whole resolution (the 01-iran development text) confirmed with the keyboard
    /// alone: each claim is one key (Enter on the focused button) and one request.
    @Test func aWholeResolutionIsConfirmedOneKeyAndOneRequestPerClaim() async throws {
        let harness = try WebHarness(samples: false)
        let data = try Data(contentsOf: Self.iran)
        let summary = try harness.database.importResolution(try Extractor.extract(data: data, name: "01-iran.txt"), file: "01-iran.txt", by: Recorder("importer"))
        let document = try #require(summary.documentID)
        let total = try CaseQueries(harness.database).claimsForReview(document: String(document)).first?.claims.count ?? 0
        #expect(total >= 50)
        #expect(try CaseQueries(harness.database).persons(PersonFilter(withStatusOnly: true, reviewedOnly: true)).isEmpty)
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            var page = try await browser.get("/documents/\(document)/review").text
            #expect(page.contains("<strong>\(total)</strong> of \(total) claims still to check"))
            #expect(page.contains("<mark>"))
            var requests = 0, confirmed: [String] = []
            while let claim = Self.focused(page) {
                // The focused button's form: the claim, action confirm. One request, answered with the page itself.
                let response = try await browser.post("/documents/\(document)/review", ["claim": claim, "action": "confirm"])
                requests += 1
                #expect(response.status == .ok)
                page = response.text
                #expect(page.contains("Confirmed \(claim)."))
                confirmed.append(claim)
                if requests > total { break }
            }
            #expect(requests == total && Set(confirmed).count == total)
            #expect(page.contains("<strong>0</strong> of \(total) claims still to check"))
            #expect(page.contains("Every claim is checked."))
        }
        let queries = CaseQueries(harness.database)
        let plain = try queries.persons(PersonFilter(withStatusOnly: true))
        #expect(!plain.isEmpty && plain.allSatisfy { $0.review == "confirmed" })
        #expect(try queries.persons(PersonFilter(withStatusOnly: true, reviewedOnly: true)) == plain)
        // Each confirmation is its own audited write under the editor's name.
        #expect(try queries.auditLog().filter { $0.command == "review confirm" && $0.by == "anna" }.count == total)
    }

    @Test func rejectingAndCorrectingFromThePage() async throws {
        let harness = try WebHarness()
        let queue = try CaseQueries(harness.database).claimsForReview(document: "1").first?.claims ?? []
        let status = try #require(queue.first { $0.kind == "status" && $0.subject == "Almat Zhumagulov" })
        let other = try #require(queue.first { $0.kind == "status" && $0.subject == "Aron Atabek" })
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let page = try await browser.get("/documents/1/review").text
            // The claim beside its sentence, the person's name marked, the date as read.
            #expect(page.contains("id=\"\(status.id)\""))
            #expect(page.contains("<mark>Almat Zhumagulov</mark>"))
            #expect(page.contains("as of the resolution"))
            let rejected = try await browser.post("/documents/1/review", ["claim": status.id, "action": "reject", "reason": "a call for release only"])
            #expect(rejected.status == .ok && rejected.text.contains("Rejected \(status.id): a call for release only"))
            let empty = try await browser.post("/documents/1/review", ["claim": other.id, "action": "reject", "reason": ""])
            #expect(empty.status == .unprocessableContent && empty.text.contains("needs a reason"))
            let corrected = try await browser.post("/documents/1/review", ["claim": other.id, "action": "correct", "status": "house arrest", "date": "2021-01"])
            #expect(corrected.status == .ok && corrected.text.contains("Corrected \(other.id)"), "\(corrected.text.prefix(500))")
            let history = try await browser.get("/persons/\(status.personID ?? 0)/history.html").text
            #expect(history.contains("rejected in review: a call for release only"))
            // The document page links to its review.
            #expect(try await browser.get("/documents/1").text.contains("href=\"/documents/1/review\""))
        }
        let rows = try CaseQueries(harness.database).persons(PersonFilter(withStatusOnly: true))
        #expect(!rows.contains { $0.id == status.personID })
        #expect(rows.first { $0.id == other.personID }?.status == "house arrest")
    }

    @Test func aReaderSeesTheQueueButCannotDecide() async throws {
        let harness = try WebHarness()
        let before = try harness.auditCount()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            let page = try await browser.get("/documents/1/review")
            #expect(page.status == .ok && !page.text.contains("Confirm s"))
            let refused = try await browser.post("/documents/1/review", ["claim": "s1", "action": "confirm"])
            #expect(refused.status == .forbidden)
            let remove = try await browser.post("/documents/1/remove", ["reason": "x"])
            #expect(remove.status == .forbidden)
        }
        #expect(try harness.auditCount() == before)
    }

    /// Issue 20 point 2 on the web: the persons list marks a status that stands on an
    /// unreviewed claim, says what the mark means, and answers from confirmed claims only on request.
    @Test func thePersonsListMarksUnreviewedStatusesAndCanShowConfirmedOnly() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            let all = try await browser.get("/persons?with_status=1")
            #expect(all.status == .ok)
            #expect(all.text.contains("<span class=\"unreviewed\"") && all.text.contains("* unreviewed: read by the importer"), "\(all.text)")
            let charged = try await browser.get("/charged?article=405")
            #expect(charged.text.contains("<span class=\"unreviewed\"") && charged.text.contains("* unreviewed: read by the importer"))
            let confirmedOnly = try await browser.get("/persons?with_status=1&reviewed=1")
            #expect(confirmedOnly.status == .ok && confirmedOnly.text.contains("No persons match.") && !confirmedOnly.text.contains("class=\"unreviewed\""))
        }
        _ = try harness.database.confirmDocument("1", by: Recorder("anna"))
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("rob", WebHarness.readerPassword)
            let confirmedOnly = try await browser.get("/persons?with_status=1&reviewed=1")
            #expect(confirmedOnly.text.contains("<td data-label=\"Status\">") && !confirmedOnly.text.contains("No persons match."))
        }
    }

    @Test func removingADocumentFromItsReviewPage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            _ = try await browser.get("/documents/1/review")
            let removed = try await browser.post("/documents/1/remove", ["reason": "wrong file"])
            #expect(removed.status == .seeOther)
            let page = try await browser.get("/documents/1/review").text
            #expect(page.contains("This document was removed") && !page.contains("Confirm s"))
        }
        let charged = try CaseQueries(harness.database).charged(article: "405")
        #expect(charged.persons.isEmpty)
    }

    @Test func theImportPreviewListsTheClaims() async throws {
        let harness = try WebHarness(samples: false)
        let first = try Data(contentsOf: WebHarness.sampleData.appendingPathComponent("ep-2021-2544-kazakhstan.txt"))
        _ = try harness.database.importResolution(try Extractor.extract(data: first, name: "first.txt"), file: "first.txt", by: Recorder("importer"))
        let second = try Data(contentsOf: WebHarness.sampleData.appendingPathComponent("ep-2022-2505-kazakhstan.txt"))
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            _ = try await browser.get("/import")
            let preview = try await browser.upload("/import", fileName: "second.txt", data: second)
            #expect(preview.status == .ok)
            let page = preview.text
            #expect(page.contains("<h4>Persons (31)</h4>") && page.contains("matched: known as person") && page.contains("— new"))
            #expect(page.contains("<h4>Statuses (27)</h4>") && page.contains("dated 2022-01-08"))
            #expect(page.contains("<h4>Release calls ("))
            #expect(page.contains("Import it"))
        }
    }
}

/// The Review page as a browser draws it: headless Chromium screenshots at desktop
/// and phone width (skipped when `chromium` is not installed).
@Suite struct ClaimReviewScreenshotTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil)) func theReviewPageDrawsAtDesktopAndPhoneWidth() async throws {
        let harness = try WebHarness()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-shot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("review.html")
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            try await browser.get("/documents/1/review").text.write(to: page, atomically: true, encoding: .utf8)
        }
        for (name, width) in [("desktop", 1280), ("phone", 390)] {
            let shot = directory.appendingPathComponent("review-\(name).png")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),1400",
                                 "--screenshot=\(shot.path)", page.absoluteString]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let png = try Data(contentsOf: shot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name)")
            // A drawn page, not a blank one: a blank PNG of this size compresses to a few kilobytes.
            #expect(png.count > 30_000, "\(name): \(png.count) bytes")
        }
    }
}
