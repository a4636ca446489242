@testable import CaseIngest
import Foundation
import Testing

/// A resolution whose line breaks were lost (copied from a PDF viewer, flattened by a mirror) is
/// read section by section, as the same text with its lines.
@Suite struct FlattenedTextTests {
    /// An invented motion flattened into one line.
    static let flattened = [
        "European Parliament 2029-2034 Plenary sitting B10-0999/2031 11.9.2031 MOTION FOR A RESOLUTION with request",
        "for inclusion in the agenda for a debate on cases of breaches of human rights pursuant to Rule 150 of the Rules of",
        "Procedure on Freedonia, the case of Ana Ruiz (2031/2999(RSP)) EN United in diversity EN B10-0999/2031 European",
        "Parliament resolution on Freedonia, the case of Ana Ruiz (2031/2999(RSP)) The European Parliament, - having regard",
        "to its previous resolutions on Freedonia, - having regard to the International Covenant on Civil and Political",
        "Rights, ratified by Freedonia on 2.3.1999, - having regard to Rule 150 of its Rules of Procedure, A. whereas the",
        "human rights defender Ana Ruiz was arrested on 4 May 2031 and charged under Article 5. of the Criminal Code of",
        "Freedonia; B. whereas on 1 June 2031 Ana Ruiz was sentenced to six years in prison; 1. Calls on the authorities",
        "of Freedonia to release Ana Ruiz immediately and unconditionally; 2. Instructs its President to forward this",
        "resolution to the Council and the Commission.",
    ].joined(separator: " ")

    @Test func aFlattenedMotionIsReadSectionBySection() throws {
        let extraction = try Extractor.extract(text: Self.flattened, name: "flattened.txt")
        let kinds = extraction.document.sections.map { "\($0.kind) \($0.label)" }
        #expect(kinds == ["title title", "citation c1", "citation c2", "citation c3", "recital A", "recital B", "paragraph 1", "paragraph 2"]
                || kinds.filter { !$0.hasPrefix("title") } == ["citation c1", "citation c2", "citation c3", "recital A", "recital B", "paragraph 1", "paragraph 2"],
                "\(kinds)")
        #expect(extraction.document.title == "European Parliament resolution on Freedonia, the case of Ana Ruiz")
        #expect(extraction.document.procedure == "2031/2999(RSP)")
        #expect(extraction.persons.map(\.name) == ["Ana Ruiz"])
        #expect(Set(extraction.statuses.map(\.status)).isSuperset(of: ["detained", "sentenced"]))
        #expect(extraction.releaseCalls.map(\.person) == ["Ana Ruiz"])
    }

    /// Dates (`2.3.1999`), a cited "Article 5." and numbers out of order break nothing; a long
    /// line holding one section start, or none, is left as it is.
    @Test func onlyStartsInTheirOrderBreakALine() {
        let pieces = FlattenedText.pieces(of: Substring(Self.flattened)) ?? []
        #expect(pieces.count == 10, "\(pieces.map { $0.prefix(30) })")
        #expect(pieces.allSatisfy { !$0.hasPrefix("5.") && !$0.hasPrefix("2.3.1999") })
        let paragraph = "1. Calls on the authorities to release Ana Ruiz; notes that 3. of the report and A. whereas lists "
            + String(repeating: "are cited in the annex of the report, ", count: 20)
        #expect(FlattenedText.pieces(of: Substring(paragraph)) == nil)
        #expect(FlattenedText.unflattened("A. whereas Ana Ruiz was arrested;\nB. whereas she was sentenced;") == nil)
    }

    /// A real resolution with every line break taken out reads as the same persons, statuses,
    /// charges and release calls as the text with its lines.
    @Test func aSampleFlattenedReadsAsTheSample() throws {
        for file in ["ep-2021-2544-kazakhstan.txt", "ep-2022-2505-kazakhstan.txt"] {
            let text = try String(contentsOf: Samples.directory.appendingPathComponent(file), encoding: .utf8)
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            let lines = try Extractor.extract(text: text, name: file), flattened = try Extractor.extract(text: flat, name: file)
            #expect(flattened.document.title == lines.document.title)
            #expect(flattened.document.procedure == lines.document.procedure)
            let persons = Set(lines.persons.map(\.name)), flatPersons = Set(flattened.persons.map(\.name))
            // Footnotes lose their place when the lines go: allow a name or two read differently.
            #expect(persons.subtracting(flatPersons).count <= 1, "\(file): \(persons.subtracting(flatPersons))")
            #expect(abs(flattened.statuses.count - lines.statuses.count) <= 1, "\(file)")
            #expect(flattened.charges.count == lines.charges.count, "\(file)")
            #expect(flattened.releaseCalls.count == lines.releaseCalls.count, "\(file)")
        }
    }
}
