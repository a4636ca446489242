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

    /// A recital's letter and its `whereas` as copied pages join them: with no space (`B.whereas`), a
    /// no-break space (`B.&nbsp;whereas` copied) or no dot at all (`Bwhereas`, label and text from two
    /// table cells), in a flattened text and in one with its lines.
    @Test func aRecitalLetterGluedToItsWhereasStillStartsARecital() throws {
        for glue in [".", ".\u{A0}", ""] {
            let flattened = Self.flattened.replacingOccurrences(of: "A. whereas", with: "A\(glue)whereas")
                .replacingOccurrences(of: "B. whereas", with: "B\(glue)whereas")
            let lined = flattened.replacingOccurrences(of: " - having", with: "\n- having")
                .replacingOccurrences(of: " A\(glue)whereas", with: "\nA\(glue)whereas").replacingOccurrences(of: " B\(glue)whereas", with: "\nB\(glue)whereas")
                .replacingOccurrences(of: " 1. Calls", with: "\n1. Calls").replacingOccurrences(of: " 2. Instructs", with: "\n2. Instructs")
            for text in [flattened, lined] {
                let extraction = try Extractor.extract(text: text, name: "glued.txt")
                let recitals = extraction.document.sections.filter { $0.kind == .recital }.map(\.label)
                #expect(recitals == ["A", "B"], "glue \(Array(glue.unicodeScalars)): \(recitals)")
                #expect(Set(extraction.statuses.map(\.status)).isSuperset(of: ["detained", "sentenced"]))
            }
        }
        // A word that merely begins with the letter is no label: `Awareness` opens no recital.
        let lines = "The European Parliament,\n- having regard to its resolutions,\nAwareness of the case is growing;\nA. whereas Ana Ruiz was arrested;\n1. Calls for her release;\n"
        let extraction = try Extractor.extract(text: lines, name: "awareness.txt")
        #expect(extraction.document.sections.filter { $0.kind == .recital }.map(\.label) == ["A"])
    }

    /// Citations flattened with their bullets glued to them (`-having regard`) or with no bullets at all
    /// (`The European Parliament, having regard to …, having regard to …`) are still citations, so
    /// the text is read, not refused; a `having` after a comma inside a recital breaks nothing.
    @Test func flattenedCitationsWithGluedOrMissingBulletsAreRead() throws {
        for bullet in ["-", ""] {
            let text = Self.flattened.replacingOccurrences(of: " - having", with: " \(bullet)having")
            let extraction = try Extractor.extract(text: text, name: "bullets.txt")
            let kinds = extraction.document.sections.map { "\($0.kind) \($0.label)" }.filter { !$0.hasPrefix("title") }
            #expect(kinds == ["citation c1", "citation c2", "citation c3", "recital A", "recital B", "paragraph 1", "paragraph 2"],
                    "bullet '\(bullet)': \(kinds)")
            #expect(extraction.releaseCalls.map(\.person) == ["Ana Ruiz"])
        }
        let inRecital = Self.flattened.replacingOccurrences(of: "was arrested on 4 May 2031", with: "was arrested on 4 May 2031, having regard to nothing,")
        let pieces = FlattenedText.pieces(of: Substring(inRecital)) ?? []
        #expect(pieces.count == 10, "\(pieces.map { $0.prefix(30) })")
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
    /// A page that ran the recitals together (no labels, no bullets, `whereas` after a word or glued
    /// to a full stop) is read recital by recital, and what each recital says is found.
    static let runTogether = [
        "whereas on 2 March 2031 the human rights defender Ana Ruiz was killed in the port city while campaigning for",
        "justice for her brother whereas on 9 March 2031 the trade unionist Piet Vos was killed whereas according to",
        "local observers at least 40 human rights defenders were killed in Freedonia in 2030.whereas journalists and",
        "human rights defenders are often threatened, harassed and attacked by criminal groups and by officials whereas",
        "several of them have fled abroad, and whereas the authorities have opened few investigations, as the only way",
        "to ensure their survival. having regard to the Universal Declaration of Human Rights,",
    ].joined(separator: " ")

    @Test func recitalsRunTogetherAreReadOneByOne() throws {
        let pieces = try #require(FlattenedText.runTogetherRecitals(Substring(Self.runTogether)))
        #expect(pieces.count == 5, "\(pieces.map { $0.prefix(40) })")
        #expect(pieces.allSatisfy { $0.hasPrefix("- whereas") })
        // `, and whereas` stays inside its recital.
        #expect(pieces.last?.contains("and whereas the authorities") == true)
        let extraction = try Extractor.extract(text: Self.runTogether, name: "run-together.txt")
        #expect(extraction.document.sections.filter { $0.kind == .recital }.count == 5)
        let deaths = extraction.statuses.filter { $0.status == "deceased" }.map { "\($0.person) \($0.date.map { "\($0)" } ?? "-")" }
        #expect(Set(deaths) == ["Ana Ruiz 2031-03-02", "Piet Vos 2031-03-09"], "\(deaths)")
    }

    /// A well-formed recital whose sentence holds `whereas` after a comma or `and` is no run of
    /// recitals, nor is a long line that does not open with `whereas`.
    @Test func aWhereasInsideASentenceBreaksNothing() {
        let recital = "whereas the authorities claim that the protest was violent, whereas the footage shows a peaceful march, and "
            + "whereas the detained students, including Ana Ruiz and Piet Vos, have been denied access to lawyers of their "
            + "choosing and to their families for more than three weeks, in breach of the guarantees of the Constitution of "
            + "Freedonia and of the International Covenant on Civil and Political Rights, to which Freedonia is a party, and "
            + "whereas the prosecutor has announced that they will be tried together with eleven other students in a "
            + "single trial before the state security court, whose verdicts cannot be appealed;"
        #expect(recital.utf8.count >= FlattenedText.minimumLength)
        #expect(FlattenedText.runTogetherRecitals(Substring(recital)) == nil)
        let opened = "A. " + recital.replacingOccurrences(of: ", whereas", with: " whereas")
        #expect(FlattenedText.runTogetherRecitals(Substring(opened)) == nil)
    }

    /// A document mirror's copy of a DOC export: the header in XML tags glued together, citations run
    /// together after their commas (glued, or behind a `?` for a lost bullet), recitals opened by other
    /// words than `whereas`, a paragraph number glued to its verb.
    @Test func aDocumentExportWithGluedTagsIsReadSectionBySection() throws {
        let text = "RE_Motion\nEuropean Parliament2029-2034Plenary sitting<NoDocSe>B100999/2031</NoDocSe><Date>{11/09/2031}11.9.2031</Date>"
            + "<TitreType>MOTION FOR A RESOLUTION</TitreType><Titre>on Freedonia, the case of Ana Ruiz</Titre><DocRef>(2031/2999(RSP))</DocRef>"
            + "<RepeatBlock-By><Depute></Depute><Commission>{GRP}on behalf of a group</Commission></RepeatBlock-By>B100999/2031"
            + "European Parliament resolution on Freedonia, the case of Ana Ruiz(2031/2999(RSP))The European Parliament,"
            + "having regard to its previous resolutions on Freedonia,having regard to the statement of 2 May 2031 by the spokesperson on Freedonia,"
            + "?having regard to the International Covenant on Civil and Political Rights, ratified by Freedonia in 1999,"
            + "?having regard to Rule 150 of its Rules of Procedure, A.whereas the human rights defender Ana Ruiz was arrested on 4 May 2031; "
            + "B. concerned that on 1 June 2031 Ana Ruiz was sentenced to six years in prison; 1.Calls on the authorities of Freedonia "
            + "to release Ana Ruiz immediately and unconditionally; 2. Instructs its President to forward this resolution to the Council."
        let extraction = try Extractor.extract(text: text, name: "export.txt")
        #expect(extraction.document.sections.map(\.label) == ["title", "c1", "c2", "c3", "c4", "A", "B", "1", "2"])
        #expect(extraction.document.title == "European Parliament resolution on Freedonia, the case of Ana Ruiz")
        #expect(extraction.document.procedure == "2031/2999(RSP)")
        #expect(!extraction.text.contains("?having"))
        #expect(extraction.persons.map(\.name) == ["Ana Ruiz"])
        #expect(Set(extraction.statuses.map(\.status)).isSuperset(of: ["detained", "sentenced"]))
    }

    /// An archive's copy of an older text: a site header, `Resolution on …` for a title, labels glued to
    /// words other than `whereas` (`A.having regard`, `B.convinced`), paragraphs glued (`1.Condemns`).
    @Test func anArchivedOlderTextIsReadSectionBySection() throws {
        let text = """
            Archive of the party - official site
            [ search the archive ] HISTORICAL ARCHIVE
            B4-0999/95
            Resolution on the situation in Freedonia
            The European Parliament,
            A.having regard to its previous resolutions on Freedonia,
            B.convinced that cooperation should be conditional on respect for human rights,
            C.shocked at the news that Mr Tomas Berg and Mr Piet Vos were arrested on returning home,
            1.Condemns the arrest of Mr Berg and Mr Vos;
            2.Calls on the Government of Freedonia to respect human rights;
            """
        let extraction = try Extractor.extract(text: text, name: "archive.txt")
        #expect(extraction.document.sections.map(\.label) == ["title", "A", "B", "C", "1", "2"])
        #expect(extraction.document.title == "Resolution on the situation in Freedonia")
        #expect(Set(extraction.persons.map(\.name)) == ["Tomas Berg", "Piet Vos"])
    }

    /// The same archive flattened to one line, as a PDF's text layer gives it; an initial that is the next label (`Ana C. Ruiz` in recital B)
    /// cuts nothing, as a lower-case word after a letter that is not the next label cuts nothing.
    @Test func aFlattenedOlderTextCutsRecitalsWhereClausesEnd() throws {
        let text = "Resolution on the situation in Freedonia (2031/2999(RSP)) The European Parliament, A. whereas in May 2031 the "
            + "President dissolved Parliament on the advice of the Prime Minister, whereas elections were to be held by November, "
            + "B. noting that the elections were not held and that the journalist Ana C. Ruiz was arrested on 4 May 2031 for her reports on them, "
            + "C. concerned that Ana C. Ruiz has been held since then without charge and without access to a lawyer of her choosing, "
            + "in breach of the Constitution, whose Article 12 guarantees the freedom of the press, D. noting that the Prime Minister was "
            + "dismissed in October, 1. Calls on the authorities of Freedonia to release Ana C. Ruiz immediately and unconditionally; "
            + "2. Instructs its President to forward this resolution to the Council and the Commission."
        let extraction = try Extractor.extract(text: text, name: "flat-archive.txt")
        #expect(extraction.document.sections.map(\.label) == ["title", "A", "B", "C", "D", "1", "2"])
        #expect(extraction.persons.map(\.name) == ["Ana C. Ruiz"])
    }

    /// A label alone on its line (a page's table cells copied one a line) opens its section with the line after it;
    /// the letter H glued to its `whereas` opens recital H.
    @Test func aLabelAloneOnItsLineOpensTheSectionBelow() throws {
        var lines = ["European Parliament resolution on Freedonia", "(2031/2999(RSP))", "The European Parliament,",
                     "–", "having regard to its previous resolutions on Freedonia,"]
        for (index, letter) in "ABCDEFG".enumerated() { lines += ["\(letter).", "whereas point \(index) was made;"] }
        lines += ["Hwhereas Ana Ruiz was arrested on 4 May 2031;", "1.", "Calls for the release of Ana Ruiz;"]
        let extraction = try Extractor.extract(text: lines.joined(separator: "\n"), name: "cells.txt")
        #expect(extraction.document.sections.map(\.label) == ["title", "c1", "A", "B", "C", "D", "E", "F", "G", "H", "1"])
        #expect(extraction.persons.map(\.name) == ["Ana Ruiz"])
    }
}
