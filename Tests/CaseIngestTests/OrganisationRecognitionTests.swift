import CaseIngest
import Foundation
import Testing

/// Organisation recognition on invented resolutions about an invented country:
/// each test is one general pattern, with names no corpus text uses.
@Suite struct OrganisationRecognitionTests {
    static func extract(_ recitals: [String], paragraphs: [String] = ["Condemns the repression;"]) throws -> Extraction {
        try RecogniserTests.extract(recitals, paragraphs: paragraphs)
    }

    static func names(_ extraction: Extraction) -> [String] {
        extraction.organisations.map(\.name)
    }

    static func has(_ extraction: Extraction, _ name: String) -> Bool {
        extraction.organisations.contains { $0.name == name || $0.aliases.contains(name) }
    }

    @Test(arguments: [
        ("a number inside the name", "members of the Spring 9 Students Front were arrested", "Spring 9 Students Front"),
        ("a number opening the name", "the 77 Generation Unity Society was banned", "77 Generation Unity Society"),
        ("a number after a head", "the opposition movement Group 31 was designated a terrorist organisation", "Group 31"),
        ("a plural possessive inside", "the Freedonian Young Notaries’ Association protested", "Freedonian Young Notaries’ Association"),
        ("a person's name inside a foundation's", "the police closed the Ana Lucia de Vega Foundation for Peace and Dialogue", "Ana Lucia de Vega Foundation for Peace and Dialogue"),
        ("a trailing place cut", "lecturers of the Lakeside University of Freedonia in Port Amber were dismissed", "Lakeside University of Freedonia"),
        ("a place inside a for-complement kept", "the Centre for Human Rights in Freedonia documented the arrests", "Centre for Human Rights in Freedonia"),
        ("a leading possessive country", "Freedonia’s State Protection Agency detained him", "State Protection Agency"),
        ("a titled person before the body", "Judge Ana Lee of the Port Amber City Court sentenced him", "Port Amber City Court"),
        ("a sentence verb before the body", "the lender is a member of the Northern Bank for Regional Development", "Northern Bank for Regional Development"),
    ])
    func headedName(_ label: String, _ recital: String, _ expected: String) throws {
        let extraction = try Self.extract([recital])
        #expect(Self.has(extraction, expected), "\(label): \(Self.names(extraction))")
    }

    @Test func twoBodiesJoinedByAnd() throws {
        let extraction = try Self.extract([
            "the Centre for Justice in Freedonia and Freedonia Rights Watch reported the arrests",
            "the Ministry of Justice and Ministry of Labour refused to comment",
        ])
        #expect(Self.has(extraction, "Centre for Justice in Freedonia"))
        #expect(Self.has(extraction, "Ministry of Justice"))
        #expect(Self.has(extraction, "Ministry of Labour"))
        #expect(!Self.names(extraction).contains { $0.contains(" and ") }, "\(Self.names(extraction))")
    }

    @Test func mediaAndPartiesNamedByContext() throws {
        let extraction = try Self.extract([
            "Ana Lee, director of the independent outlets Dawnpost and Rivernet, was detained",
            "Omar Falk, a presenter for Amber Today, was attacked in Port Amber",
            "Lena Varga, a reporter working for Freedonia Now, was arrested",
            "Tomas Reyes-Holt, leader of the opposition party Brightway, was detained",
            "the ruling Golden Path party dominates parliament",
            "the opposition party “Unity” was banned",
        ])
        for name in ["Dawnpost", "Rivernet", "Amber Today", "Freedonia Now", "Brightway", "Golden Path", "Unity"] {
            #expect(Self.has(extraction, name), "\(name): \(Self.names(extraction))")
        }
        #expect(!Self.has(extraction, "Tomas Reyes-Holt"))
    }

    @Test func quotedNameAfterAGroupNoun() throws {
        let extraction = try Self.extract(["local defenders, including the Union ‘For Free Elections in Freedonia’, counted 300 prisoners"])
        #expect(Self.has(extraction, "Union ‘For Free Elections in Freedonia’"), "\(Self.names(extraction))")
    }

    @Test func demonymIsNoOrganisation() throws {
        let extraction = try Self.extract([
            "the charges against the Ruritanian journalist Pavel Sidorenko were dropped",
            "outlets such as Amber Post and Radio Dawn, the Freedonian service of Radio Free Ruritania, were blocked",
        ])
        #expect(!Self.names(extraction).contains("Ruritanian"), "\(Self.names(extraction))")
        #expect(!Self.names(extraction).contains("Freedonian"), "\(Self.names(extraction))")
        #expect(Self.has(extraction, "Radio Dawn"))
    }

    @Test func authorAndOfficesAreNoOrganisations() throws {
        let extraction = try Self.extract(
            ["the Secretary-General of the United Nations called for calm", "UN experts condemned the arrests"],
            paragraphs: ["Instructs its President to forward this resolution to the Government of Freedonia;"])
        #expect(!Self.has(extraction, "European Parliament"), "\(Self.names(extraction))")
        #expect(!Self.has(extraction, "United Nations"), "\(Self.names(extraction))")
    }

    @Test func formsOfOneBodyAreMerged() throws {
        let extraction = try Self.extract([
            "the Supreme Court of Freedonia upheld the verdict",
            "the Supreme Court rejected the appeal",
            "the UN Commission of Inquiry on Freedonia visited the region",
            "the Commission of Inquiry on Freedonia reported the abuses",
        ])
        #expect(extraction.organisations.filter { $0.name.contains("Supreme Court") || $0.aliases.contains("Supreme Court") }.count == 1,
                "\(Self.names(extraction))")
        #expect(extraction.organisations.filter { $0.name.contains("Commission of Inquiry") }.count == 1, "\(Self.names(extraction))")
    }

    @Test func acronymsListedWithKnownOnes() throws {
        let extraction = try Self.extract([
            "the statement by FRHO, WHO and FDPA was ignored",
            "Ana Lee is the founder of FUPRA, a leading opposition movement",
        ])
        #expect(Self.has(extraction, "FRHO"), "\(Self.names(extraction))")
        #expect(Self.has(extraction, "FDPA"))
        #expect(Self.has(extraction, "FUPRA"))
    }
}
