import CaseIngest
import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What the importer missed, added from the text (issue 20, point 5): a section of a resolution's
/// page records a status or a charge citing it, the person chosen among those it names.
@Suite struct RecordFromTextWebTests {
    /// The first section of the first sample that names at least two persons, with them.
    static func section(_ harness: WebHarness) throws -> (document: DocumentText, section: DocumentText.Section, persons: [(id: Int64, name: String)]) {
        let document = try CaseQueries(harness.database).documentText("1")
        for section in document.sections {
            let persons = RecordFromTextBody.persons(in: section)
            if persons.count >= 2 { return (document, section, persons) }
        }
        throw CaseWebTestFailure("no section names two persons")
    }

    struct CaseWebTestFailure: Error { var message: String; init(_ message: String) { self.message = message } }

    @Test func aStatusRecordedFromASectionCitesItAndIsConfirmedByItsAuthor() async throws {
        let harness = try WebHarness()
        let (document, section, persons) = try Self.section(harness)
        let procedure = try #require(document.summary.procedure)
        let chosen = persons[1]
        let base = "/documents/\(document.summary.id)/sections/\(section.label)"
        let before = try harness.auditCount()
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            // The resolution's page links each section to its record page.
            let page = try await browser.get("/documents/\(document.summary.id)").text
            #expect(page.contains("href=\"\(base)/record\""))
            let record = try await browser.get("\(base)/record")
            #expect(record.status == .ok)
            // The select offers the persons the section names, the first chosen.
            for (index, person) in persons.enumerated() {
                #expect(record.text.contains("<option value=\"\(person.id)\"\(index == 0 ? " selected" : "")>"), "\(person.name)")
            }
            let quote = String(section.text.split(separator: " ").prefix(6).joined(separator: " "))
            let posted = try await browser.post("\(base)/status", ["person": String(chosen.id), "status": "detained", "date": "2021-03-01",
                                                                  "quote": quote, "note": "missed by the importer"])
            #expect(posted.status == .seeOther || posted.status == .found, "\(posted.status) \(posted.text)")
            #expect(posted.headers[.location] == "/persons/\(chosen.id)")
        }
        #expect(try harness.auditCount() == before + 1)
        let history = try CaseQueries(harness.database).history(String(chosen.id))
        let event = try #require(history.events.first { $0.evidence == "recorded" && $0.date == "2021-03-01" })
        #expect(event.source.document == procedure && event.source.section == section.label, "\(event.source)")
        #expect(event.review == "confirmed")
        #expect(event.summary.contains("detained"))
    }

    @Test func readersAreRefusedAndABadDateComesBackBesideItsField() async throws {
        let harness = try WebHarness()
        let (document, section, persons) = try Self.section(harness)
        let base = "/documents/\(document.summary.id)/sections/\(section.label)"
        let before = try harness.auditCount()
        try await harness.test { client in
            var reader = Browser(client)
            _ = try await reader.logIn("rob", WebHarness.readerPassword)
            #expect(try await reader.get("\(base)/record").status == .forbidden)
            let refused = try await reader.post("\(base)/status", ["person": String(persons[0].id), "status": "detained", "date": "2021"])
            #expect(refused.status == .forbidden)
            #expect(!(try await reader.get("/documents/\(document.summary.id)").text.contains("record from this section")))

            var editor = Browser(client)
            _ = try await editor.logIn("anna", WebHarness.editorPassword)
            _ = try await editor.get("\(base)/record")
            let bad = try await editor.post("\(base)/status", ["person": String(persons[1].id), "status": "detained", "date": "31 February",
                                                              "note": "kept as typed"])
            #expect(bad.status == .unprocessableContent, "\(bad.status)")
            let dateField = try #require(bad.text.range(of: "name=\"date\" value=\"31 February\""), "the date typed is kept")
            #expect(bad.text[dateField.upperBound...].prefix(300).contains("class=\"field-error\""), "the error beside the date")
            #expect(bad.text.contains("value=\"kept as typed\""))
            #expect(bad.text.contains("<option value=\"\(persons[1].id)\" selected>"), "the person chosen is kept")
            // A quote that is not in the section is refused beside the quote.
            let wrongQuote = try await editor.post("\(base)/charge", ["person": String(persons[0].id), "article": "405", "quote": "words from elsewhere entirely"])
            #expect(wrongQuote.status == .unprocessableContent)
            #expect(wrongQuote.text.contains("Those words are not in section \(section.label)"))
            // Without a token nothing is recorded.
            let noToken = try await editor.post("\(base)/status", ["person": String(persons[0].id), "status": "detained"], csrf: "wrong")
            #expect(noToken.status != .seeOther && noToken.status != .found)
        }
        #expect(try harness.auditCount() == before)
    }

    /// A motion and its adopted text share a procedure; a section citation names the adopted text's.
    @Test func aMotionBesideItsAdoptedTextSendsTheEditorToTheAdoptedText() async throws {
        let harness = try WebHarness(samples: false)
        func text(_ paragraph: String) -> String {
            """
            European Parliament resolution of 18 January 2024 on Freedonia (2024/9001(RSP))

            The European Parliament,

            – having regard to its previous resolutions on Freedonia,

            A. whereas the blogger Mira Lund was arrested on 20 September 2023;

            1. \(paragraph)

            """
        }
        for (kind, paragraph) in [(DocumentKind.motion, "Calls for the release of Mira Lund;"), (.adoptedText, "Calls for the immediate release of Mira Lund;")] {
            var extraction = try Extractor.extract(data: Data(text(paragraph).utf8), name: "\(kind.rawValue).txt")
            extraction.document.kind = kind
            _ = try harness.database.importResolution(extraction, file: "\(kind.rawValue).txt", by: Recorder("importer"))
        }
        let before = try harness.auditCount()
        try await harness.test { client in
            var editor = Browser(client)
            _ = try await editor.logIn("anna", WebHarness.editorPassword)
            let motion = try await editor.get("/documents/1/sections/A/record")
            #expect(motion.text.contains("names the sections of its adopted text (document 2)"), "\(motion.text)")
            #expect(!motion.text.contains("id=\"status-form\""))
            let sectionA = try #require(try CaseQueries(harness.database).documentText("1").sections.first { $0.label == "A" })
            let person = try #require(RecordFromTextBody.persons(in: sectionA).first)
            let refused = try await editor.post("/documents/1/sections/A/status", ["person": String(person.id), "status": "detained", "date": "2023-09-20"])
            #expect(refused.status == .unprocessableContent, "\(refused.status)")
            #expect(refused.text.contains("names the sections of its adopted text (document 2)"), "\(refused.text)")
            let adopted = try await editor.get("/documents/2/sections/A/record")
            #expect(adopted.text.contains("id=\"status-form\"") && adopted.text.contains(">Mira Lund</option>"))
        }
        #expect(try harness.auditCount() == before)
    }
}
