import CaseIngest
import Foundation
import Testing

/// Every form the Parliament publishes, on small invented texts: one row per form.
@Suite struct DocumentFormTests {
    static func labels(_ text: String) throws -> [String] {
        try Normaliser.normalise(text, name: "test").sections.map(\.label)
    }

    static func sections(_ text: String) throws -> [String: String] {
        let document = try Normaliser.normalise(text, name: "test")
        var byLabel: [String: String] = [:]
        for section in document.sections { byLabel[section.label] = document.text(of: section) }
        return byLabel
    }

    static let title = "European Parliament resolution on the case of Ana Lopez in Freedonia\n(2031/2001(RSP))\n\nThe European Parliament,\n\n"

    @Test(arguments: [
        // (form, body, expected labels after the title)
        ("lettered recitals",
         "– having regard to its resolutions,\n\nA. whereas Ana Lopez was arrested;\n\nB. whereas x;\n\n1. Calls;\n",
         ["c1", "A", "B", "1"]),
        ("dash-bullet recitals, hyphen",
         "- having regard to its resolutions,\n\n- having regard to Rule 1,\n\n- whereas Ana Lopez was arrested;\n\n- whereas x;\n\n1. Calls;\n\n2. Instructs;\n",
         ["c1", "c2", "recital-1", "recital-2", "1", "2"]),
        ("dash-bullet recitals, en and em dash, capital Whereas",
         "– having regard to its resolutions,\n\n– Whereas Ana Lopez was arrested;\n\n— whereas x;\n\n1. Calls;\n",
         ["c1", "recital-1", "recital-2", "1"]),
        ("numbered recitals, every one numbered 1 as an HTML list shows them",
         "- having regard to its resolutions,\n\n1. whereas Ana Lopez was arrested;\n\n1. whereas x;\n\n1. Calls;\n\n2. Instructs;\n",
         ["c1", "recital-1", "recital-2", "1", "2"]),
        ("numbered recitals in order, then paragraphs",
         "- having regard to its resolutions,\n\n1. whereas Ana Lopez was arrested;\n\n2. whereas x;\n\n1. Condemns;\n",
         ["c1", "recital-1", "recital-2", "1"]),
        ("citations without bullets, letter glued to whereas",
         "having regard to its resolutions,\nhaving regards to Rule 1,\nA.whereas Ana Lopez was arrested;\nB.whereas x;\n",
         ["c1", "c2", "A", "B"]),
        ("paragraph numbers glued to their verbs, as copied from a PDF; a glued number in a paragraph is no label",
         "– having regard to its resolutions,\n\nA. whereas x;\n\n1.Calls for the release of Ana Lopez;\n\n2.Urges\n1.5 million people;\n",
         ["c1", "A", "1", "2"]),
        ("glued numbers among the citations stay citations' lines",
         "– having regard to its resolutions,\n2.Calls x,\n\nA. whereas x;\n\n1. Calls;\n",
         ["c1", "A", "1"]),
        ("bullets inside a paragraph are points of it",
         "– having regard to its resolutions,\n\nA. whereas x;\n\n1. Calls for:\n– the release of Ana Lopez,\n– an inquiry;\n\n2. Instructs;\n",
         ["c1", "A", "1", "2"]),
    ])
    func sectionsOfEveryForm(form: String, body: String, expected: [String]) throws {
        #expect(try Self.labels(Self.title + body) == ["title"] + expected, "\(form)")
    }

    @Test func aPointInsideAParagraphStaysInIt() throws {
        let sections = try Self.sections(Self.title + "– having regard to x,\n\nA. whereas y;\n\n1. Calls for:\n– the release of Ana Lopez;\n")
        #expect(sections["1"] == "1. Calls for: – the release of Ana Lopez;")
    }

    @Test func theTitleIsASectionAndHoldsOnlyTheTitle() throws {
        let document = try Normaliser.normalise(Self.title + "– having regard to x,\n\nA. whereas y;\n", name: "test")
        let title = try #require(document.sections.first)
        #expect(title.kind == .title)
        #expect(document.text(of: title) == "European Parliament resolution on the case of Ana Lopez in Freedonia")
        #expect(document.title == "European Parliament resolution on the case of Ana Lopez in Freedonia")
    }

    /// A motion as the Parliament's site shows it: navigation, tabling date, authors, number.
    static let motion = """
        Motion for a resolution - B9-0999/2031
        European Parliament
        Document selected : B9-0999/2031
        Texts adopted :

        MOTION FOR A RESOLUTION
        3.4.2031
        with request for inclusion in the agenda for a debate on cases of breaches of human rights
        pursuant to Rule 144 of the Rules of Procedure
        on the case of Ana Lopez in Freedonia
        (2031/2001(RSP))

        Jan Novak, Eva Kral, Piet de Vries
        on behalf of the Example Group

        B9\u{2011}0999/2031

        European Parliament resolution on the case of Ana Lopez in Freedonia
        (2031/2001(RSP))

        The European Parliament,

        - having regard to its previous resolutions on Freedonia,

        - whereas Ana Lopez, a journalist, was arrested on 1 March 2031;

        1. Calls for the release of Ana Lopez;

        """

    @Test func aMotionHeaderGivesKindNumberAndTablingDateAndNoAuthorIsInAnySection() throws {
        let document = try Normaliser.normalise(Self.motion, name: "motion")
        #expect(document.kind == .motion)
        #expect(document.reference == "B9-0999/2031")
        #expect(document.tabled == (try PartialDate(parsing: "2031-04-03")))
        #expect(document.adopted == nil)
        #expect(document.procedure == "2031/2001(RSP)")
        #expect(document.title == "European Parliament resolution on the case of Ana Lopez in Freedonia")
        #expect(document.sections.map(\.label) == ["title", "c1", "recital-1", "1"])
        for author in ["Jan Novak", "Eva Kral", "Piet de Vries", "Example Group"] {
            #expect(!document.sections.contains { document.text(of: $0).contains(author) }, "\(author)")
        }
        let extraction = try Extractor.extract(text: Self.motion, name: "motion")
        #expect(!extraction.persons.contains { ["Jan Novak", "Eva Kral", "Piet de Vries"].contains($0.name) })
        #expect(extraction.document.kind == .motion)
        #expect(extraction.document.reference == "B9-0999/2031")
    }

    @Test func aJointMotionIsNamedByItsOwnNumberNotTheMotionsItReplaces() throws {
        let text = """
            Joint motion for a resolution - RC-B9-0990/2031
            9.9.2031

            JOINT MOTION FOR A RESOLUTION
            replacing the following motions:
            B9\u{2011}0990/2031 (Example)
            B9\u{2011}0991/2031 (Other)
            on Freedonia
            (2031/2002(RSP))

            Jan Novak
            on behalf of the Example Group

            European Parliament resolution on Freedonia
            (2031/2002(RSP))

            The European Parliament,

            – having regard to its resolutions,

            A. whereas Ana Lopez was arrested;

            """
        let document = try Normaliser.normalise(text, name: "joint")
        #expect(document.kind == .jointMotion)
        #expect(document.reference == "RC-B9-0990/2031")
        #expect(document.tabled == (try PartialDate(parsing: "2031-09-09")))
    }

    @Test(arguments: [
        // (form, header, kind, number, adopted)
        ("texts adopted page", "European Parliament\nTexts adopted\nThursday, 10 April 2031 - Strasbourg\nFreedonia\nP10_TA(2031)0042\n\n"
            + "European Parliament resolution of 10 April 2031 on Freedonia (2031/2001(RSP))\n\n", "adopted text", "P10_TA(2031)0042", "2031-04-10"),
        ("adopted page whose title has no date", "Texts adopted\nWednesday, 9 April 2031 - Brussels\nP10_TA-2031-0042\n\n"
            + "European Parliament resolution on Freedonia (2031/2001(RSP))\n\n", "adopted text", "P10_TA-2031-0042", "2031-04-09"),
        ("only the dated title", "European Parliament resolution of 10 April 2031 on Freedonia\n(2031/2001(RSP))\n\n",
            "adopted text", nil, "2031-04-10"),
        ("motion that lost the letter of its number", "MOTION FOR A RESOLUTION on Freedonia\n3.4.2031 - (2031/2001(RSP))\n"
            + "See also joint motion for a resolution RC-B9-0990/2031\n9\u{2011}0999/2031\nMotion for a European Parliament resolution on Freedonia\n",
            "motion", "B9-0999/2031", nil),
        ("no header at all", "European Parliament resolution on Freedonia\n\n", nil, nil, nil),
    ] as [(String, String, String?, String?, String?)])
    func headersGiveKindNumberAndDate(form: String, header: String, kind: String?, number: String?, adopted: String?) throws {
        let document = try Normaliser.normalise(header + "The European Parliament,\n\n– having regard to x,\n\nA. whereas y;\n", name: "test")
        #expect(document.kind?.rawValue == kind, "\(form)")
        #expect(document.reference == number, "\(form)")
        #expect(document.adopted?.description == adopted, "\(form)")
        #expect(document.title.hasPrefix("European Parliament resolution") || document.title.hasPrefix("Motion for"), "\(form): \(document.title)")
    }

    @Test func aTitleAndCitationsWithoutRecitalsImportWithAWarning() throws {
        let text = "MOTION FOR A RESOLUTION on Freedonia\n3.4.2031 - (2031/2001(RSP))\n\nEuropean Parliament resolution on Freedonia\n\n"
            + "The European Parliament,\n\nhaving regard to its previous resolutions on Freedonia,\nhaving regard to the statement of Ana Lopez of 1 March 2031 on Freedonia,\n"
        let extraction = try Extractor.extract(text: text, name: "cut.txt")
        #expect(extraction.document.sections.map(\.label) == ["title", "c1", "c2"])
        #expect(extraction.warnings.contains { $0.contains("cut short") })
    }

    @Test(arguments: [
        "Dear friends, this is a letter about the weather.\n",
        "- one\n- two\n- three\n",
        "European Parliament resolution on Freedonia\n\nThe European Parliament,\n\nsome words without any structure\n",
    ])
    func proseIsStillRefused(text: String) {
        #expect(throws: IngestError.notAResolution("prose")) { try Normaliser.normalise(text, name: "prose") }
    }

    @Test func htmlChromeIsDroppedAndEntitiesDecoded() throws {
        let html = """
            <!DOCTYPE html><html><head><title>MOTION | European Parliament</title><script>var a = "<p>x</p>";</script></head>
            <body><div id="website-header"><a class="ep_skip">Access to page content (press "Enter")</a>
            <ul class="ep_nav"><li>Plenary</li><li>Texts adopted</li></ul></div>
            <nav><p>Menu</p></nav>
            <table><tr><td>Texts adopted</td></tr><tr><td>Thursday, 10 April 2031 - Strasbourg</td></tr></table>
            <p><strong>European Parliament resolution of 10 April 2031 on Freedonia</strong> <a href="x">(2031/2001(RSP))</a></p>
            <p>The European Parliament,</p>
            <p>&#8211;&nbsp;&nbsp;having regard to the statement of Ana L&oacute;pez &amp; others,</p>
            <p>A.&nbsp;&nbsp;whereas Ana L&#243;pez was arrested;</p>
            <p>1.&nbsp;&nbsp;Calls for the release of Ana L&oacute;pez;</p>
            <div id="footer"><p>Last updated: 11 April 2031</p><p>Legal notice</p></div>
            </body></html>
            """
        let document = try Normaliser.normalise(html, name: "page.html")
        #expect(document.title == "European Parliament resolution of 10 April 2031 on Freedonia")
        #expect(document.kind == .adoptedText)
        #expect(document.sections.map(\.label) == ["title", "c1", "A", "1"])
        let text = document.text
        #expect(text.contains("Ana López & others"))
        for chrome in ["Access to page content", "Menu", "Plenary", "Last updated", "var a", "| European Parliament"] {
            #expect(!text.contains(chrome), "\(chrome)")
        }
    }

    @Test func officialJournalFootnotesAndPageMarkersAreKeptApart() throws {
        let text = """
            Official Journal
            of the European Union
            EN
            C series
            C/2031/1234
            1.10.2031
            P9_TA(2031)0042
            Freedonia
            European Parliament resolution of 10 April 2031 on Freedonia (2031/2001(RSP))
            (C/2031/1234)
            The European Parliament,
            — having regard to its resolution of 1 March 2030 on Freedonia (1),
            — having regard to the agreement (2), which entered into force in 2001,
            A. whereas Ana Lopez was arrested;
            EN
            OJ C, 1.10.2031
            ELI: http://data.europa.eu/eli/C/2031/1234/oj
            2/3
            B. whereas she was sentenced;
            1. Calls for her release;
            (1)   OJ C 1, 1.1.2031, p. 1.
            (2)   OJ L 2, 2.2.2001, p. 2.
            ELI: http://data.europa.eu/eli/C/2031/1234/oj
            ISSN 1977-091X (electronic edition)
            """
        let sections = try Self.sections(text)
        #expect(Array(sections.keys).sorted() == ["1", "A", "B", "c1", "c2", "fn1", "fn2", "title"])
        #expect(sections["c1"] == "— having regard to its resolution of 1 March 2030 on Freedonia,")
        #expect(sections["c2"] == "— having regard to the agreement, which entered into force in 2001,")
        #expect(sections["A"] == "A. whereas Ana Lopez was arrested;")
        #expect(sections["fn2"] == "2 OJ L 2, 2.2.2001, p. 2.")
        let document = try Normaliser.normalise(text, name: "oj")
        #expect(document.reference == "P9_TA(2031)0042")
    }

    @Test func pdfTextMendsBrokenWordsDropsFurnitureAndKeepsFootnotesApart() throws {
        let text = """
            European Parliament
            TEXTS ADOPTED
            P9_TA(2031)0042
            European Parliament resolution of 10 April 2031 on Freedonia, notably the case of political priso-
            ners (2031/2001(RSP))

            The European Parliament,

            – having regard to its resolution on Free-
            donia1,

            A. whereas Ana-
            Maria Lopez, a long-
            standing critic of the government of Freedonia, was arrested; whereas the presi-
            dency

            _________________
            1 OJ C 1, 1.1.2031, p. 1.

            RC\\1234567EN.docx 1/2 PE123.456v01-00
            EN United in diversity EN
            \u{0C}
            P9_TA(2031)0042

            was informed;

            1. Calls for her release;
            """
        let document = try Normaliser.normalise(text, name: "pdf")
        var sections: [String: String] = [:]
        for section in document.sections { sections[section.label] = document.text(of: section) }
        #expect(document.title == "European Parliament resolution of 10 April 2031 on Freedonia, notably the case of political prisoners")
        #expect(sections["c1"] == "– having regard to its resolution on Freedonia,")
        #expect(sections["A"] == "A. whereas Ana-Maria Lopez, a long-standing critic of the government of Freedonia, was arrested; "
                + "whereas the presidency was informed;")
        #expect(sections["fn1"] == "1 OJ C 1, 1.1.2031, p. 1.")
        #expect(document.adopted?.description == "2031-04-10")
    }

    @Test func windows1252WithCRLFReadsLikeUTF8() throws {
        let text = "European Parliament resolution of 10 April 2031 on Freedonia\r\n\r\nThe European Parliament,\r\n\r\n"
            + "\u{2013} having regard to \u{201C}its\u{201D} resolutions,\r\n\r\nA. whereas Zo\u{EB} M\u{FC}ller was arrested;\r\n\r\n1. Calls;\r\n"
        let bytes = text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar { case "\u{2013}": 0x96; case "\u{201C}": 0x93; case "\u{201D}": 0x94; default: UInt8(scalar.value) }
        }
        let extraction = try Extractor.extract(data: Data(bytes), name: "cp1252.txt")
        #expect(extraction.document.sections.map(\.label) == ["title", "c1", "A", "1"])
        #expect(extraction.text.contains("\u{2013} having regard to \u{201C}its\u{201D} resolutions,"))
        #expect(extraction.text.contains("Zoë Müller"))
        #expect(!extraction.text.contains("\r"))
    }

    /// A clause that ends in a number once crashed the charge reader.
    @Test func aClauseEndingInANumberDoesNotCrash() throws {
        let text = Self.title + "– having regard to x,\n\nA. whereas the death toll rose to 551;\n\n1. Calls for an inquiry into the events of 2030;\n"
        _ = try Extractor.extract(text: text, name: "numbers")
    }
}
