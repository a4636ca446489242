import CaseIngest
import Foundation
import Testing

@Suite struct NormaliserTests {
    static let header = "European Parliament resolution on the situation in Freedonia\n(2030/2001(RSP))\n\nThe European Parliament,\n\n"

    func normalise(_ body: String) throws -> (ResolutionText, [String: String]) {
        let document = try Normaliser.normalise(Self.header + body, name: "test")
        var byLabel: [String: String] = [:]
        for section in document.sections { byLabel[section.label] = document.text(of: section) }
        return (document, byLabel)
    }

    @Test(arguments: [
        // (phenomenon, body, label, expected section text)
        ("footer inside a sentence",
         "A. whereas the Democratic Choice of \n\n\n\nRC\\1224524EN.docx 5/12 PE689.006v01-00 }\nPE689.007v01-00 } RC1\n\nEN\n\nFreedonia, were banned;\n\n1. Calls for release;\n",
         "A", "A. whereas the Democratic Choice of Freedonia, were banned;"),
        ("hyphenated compound across lines",
         "A. whereas long-\nstanding recommendations remain;\n\n1. Calls;\n", "A", "A. whereas long-standing recommendations remain;"),
        ("word broken across a page",
         "A. whereas peaceful crisis resolu\n\ntion and other tools; \n\n1. Calls; \n", "A", "A. whereas peaceful crisis resolution and other tools;"),
        ("footnote marker glued to a word",
         "– having regard to its resolution on Freedonia1 and others,\n\n1 OJ C 23, 21.1.2021, p. 83.\n A. whereas x;\n\n1. Calls;\n",
         "c1", "– having regard to its resolution on Freedonia and others,"),
        ("footnote marker glued to a year",
         "– having regard to those of 18 April 20131, 15 March 20122,\n\n1 OJ C 45.\n2 OJ C 251.\n A. whereas x;\n\n1. Calls;\n",
         "c1", "– having regard to those of 18 April 2013, 15 March 2012,"),
    ])
    func normalisesPDFArtefacts(phenomenon: String, body: String, label: String, expected: String) throws {
        let (_, sections) = try normalise(body)
        #expect(sections[label] == expected, "\(phenomenon)")
    }

    /// A recital's letter glued to a capitalised participle (`A.Concerned by`, as copied pages write it) opens the
    /// recital; a letter glued to another initial (`B.C. Ruiz`) continues the line before it.
    @Test func recitalLetterGluedToAWordOpensTheRecital() throws {
        let (document, sections) = try normalise(
            "– having regard to Rule 144 of its Rules of Procedure,\nA.Concerned by the arrest of Ana Ruiz,\nB.Disturbed by the murder of Tomas Berg,\n1. Calls for the release of Ana Ruiz;\n")
        #expect(sections["A"] == "A.Concerned by the arrest of Ana Ruiz,")
        #expect(sections["B"] == "B.Disturbed by the murder of Tomas Berg,")
        #expect(document.sections.filter { $0.kind == .recital }.count == 2)
        let (initials, _) = try normalise("– having regard to its resolution,\nA.B. Ruiz wrote to the court,\n1. Calls for the release of Ana Ruiz;\n")
        #expect(!initials.sections.contains { $0.kind == .recital })
    }

    @Test func footnotesBecomeTheirOwnSections() throws {
        let (document, sections) = try normalise(
            "– having regard to its resolution on Freedonia1,\n\n1 OJ C 23, 21.1.2021, p. 83.\n A. whereas x;\n\n1. Calls;\n")
        #expect(sections["fn1"] == "1 OJ C 23, 21.1.2021, p. 83.")
        #expect(document.procedure == "2030/2001(RSP)")
        #expect(document.country == "Freedonia")
    }

    @Test(arguments: [Data(), Data("   \n\n".utf8), Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
                      Data("Just a shopping list: milk, eggs.\n".utf8)])
    func refusesWhatIsNotAResolution(data: Data) {
        #expect(throws: IngestError.self) { try Extractor.extract(data: data, name: "bad") }
    }

    @Test func readsLatin1AndUTF16WithAWarningOrNone() throws {
        let text = Self.header + "A. whereas Zoë Müller, a journalist, was detained;\n\n1. Calls;\n"
        let latin1 = try #require(text.data(using: .isoLatin1))
        let fromLatin1 = try Extractor.extract(data: latin1, name: "latin1.txt")
        #expect(!fromLatin1.warnings.isEmpty)
        #expect(fromLatin1.persons.map(\.name) == ["Zoë Müller"])
        let utf16 = try #require(text.data(using: .utf16))
        let fromUTF16 = try Extractor.extract(data: utf16, name: "utf16.txt")
        #expect(fromUTF16.warnings.isEmpty)
        #expect(fromUTF16.persons.map(\.name) == ["Zoë Müller"])
    }

    @Test func htmlGivesTheSameExtractionAsText() throws {
        let html = "<html><body><p>European Parliament resolution on the situation in Freedonia</p><p>(2030/2001(RSP))</p>"
            + "<p>The European Parliament,</p><p>A. whereas human rights defenders, including Ana Lopez and Ivan Petrov, were arrested;</p>"
            + "<p>1. Calls for the release of Ana Lopez &amp; Ivan Petrov;</p></body></html>"
        let extraction = try Extractor.extract(data: Data(html.utf8), name: "page.html")
        #expect(extraction.persons.map(\.name) == ["Ana Lopez", "Ivan Petrov"])
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks (the padding spills over), and many whole blocks read where they lie.
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct PersonExtractionTests {
    static func persons(_ sentence: String) throws -> [String] {
        let text = NormaliserTests.header + "A. whereas \(sentence);\n\n1. Calls on the authorities;\n"
        return try Extractor.extract(text: text, name: "t").persons.map(\.name)
    }

    @Test(arguments: [
        ("list after a group of people", "activists, including Ana Lopez, Ivan Petrov and Mia Novak, were detained", ["Ana Lopez", "Ivan Petrov", "Mia Novak"]),
        ("surname-first list", "political prisoners, including Petrov Ivan, Sidorov Oleg and Ivanova Maria", ["Ivan Petrov", "Oleg Sidorov", "Maria Ivanova"]),
        ("role title", "the journalist Ana Lopez was detained", ["Ana Lopez"]),
        ("appositive", "the authorities detained Ana Lopez, a journalist for a local paper", ["Ana Lopez"]),
        ("organisations are not persons", "human rights groups such as Libertas Nova, 405 and Article 14 were closed", []),
        ("places are not persons", "protests took place in Almaty City Hall and Central Asia", []),
    ])
    func findsPersonsFromTheStructureOfTheText(phenomenon: String, sentence: String, expected: [String]) throws {
        #expect(try Self.persons(sentence) == expected, "\(phenomenon)")
    }

    @Test func aGroupNamedAfterAnArticleIsAnOrganisationNotAProvision() throws {
        let text = NormaliserTests.header + "A. whereas x;\n\n1. Calls for an end to the persecution of human rights groups such as Libertas, 405, Elimay and Article 14;\n"
        let extraction = try Extractor.extract(text: text, name: "t")
        #expect(Set(extraction.organisations.map(\.name)).isSuperset(of: ["Libertas", "405", "Elimay", "Article 14"]))
        #expect(extraction.provisions.isEmpty)
    }

    @Test func provisionsKeepTheirInstrumentInOneCanonicalForm() throws {
        let text = NormaliserTests.header
            + "A. whereas leaders were detained under Article 405 and Article 182 of Freedonia’s Criminal Code;\n\n"
            + "1. Calls for repealing Articles 460-1 and 460-2 of the Code on Administrative Offences and Article 405 of the Freedonian Criminal Code;\n"
        let provisions = try Extractor.extract(text: text, name: "t").provisions
        #expect(Set(provisions.map { "\($0.instrument)|\($0.article)" }) == [
            "Criminal Code of Freedonia|405", "Criminal Code of Freedonia|182",
            "Code of Administrative Offences of Freedonia|460-1", "Code of Administrative Offences of Freedonia|460-2",
        ])
    }
}
