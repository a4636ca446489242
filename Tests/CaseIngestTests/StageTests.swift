@testable import CaseIngest
import Testing

/// The tokens, organisations and persons stages, each run alone on an invented text with only the
/// previous stage's output, and checked on what it hands on.
@Suite struct StageTests {
    static let text = """
        European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))

        A. whereas the journalist Ana Ruiz of the newspaper Daily Lantern was arrested on 2 May 2029 and charged under Article 207 of the Criminal Code of Freedonia; whereas the Freedonian Union of Journalists (FUJ) condemned the arrest, including Ms Ruiz's detention;
        B. whereas the lawyer Tomas Berg, a member of the FUJ, was sentenced to five years in prison on 3 June 2029;
        1. Calls for the immediate release of Ana Ruiz and Tomas Berg;
        """

    static func tokens() throws -> TokenStage.Output {
        TokenStage.run(try Normaliser.normalise(text, name: "stage.txt"))
    }

    /// The tokens stage: each section's tokens, where each word stands, clauses split at `;` with
    /// their list introducers, and every token's classes.
    @Test func theTokensStageSplitsClausesAndFindsIntroducers() throws {
        let output = try Self.tokens()
        let recital = try #require(output.document.sections.firstIndex { $0.label == "A" })
        let words = output.tokens[recital].map(\.text)
        #expect(words.prefix(5) == ["A", ".", "whereas", "the", "journalist"])
        // Recital A is two clauses and the empty one after its closing `;`: the second opens at the word after the first `;`.
        let clauses = output.clauses.filter { $0.section == recital }
        #expect(clauses.count == 3)
        try #require(clauses.count == 3)
        let second = clauses[1]
        #expect(output.tokens[recital][second.range.lowerBound].text == "whereas")
        #expect(output.tokens[recital][second.range.lowerBound - 1].text == ";")
        #expect(clauses[2].range.isEmpty)
        // `including` is the second clause's list introducer; the first has none.
        #expect(clauses[0].introducers.isEmpty)
        #expect(second.introducers.map { output.tokens[recital][$0.at].text } == ["including"])
        // Where a word stands, and its classes, one entry a token.
        #expect(output.positions[recital]["Ruiz"] == words.indices.filter { words[$0] == "Ruiz" })
        #expect(output.tokenClasses.person.map(\.count) == output.tokens.map(\.count))
    }

    /// The organisations stage on the tokens alone: names, acronyms and provisions, before any person is known.
    @Test func theOrganisationsStageFindsNamesAndProvisionsFromTokensAlone() throws {
        var stage = OrganisationStage(try Self.tokens())
        stage.run()
        let output = stage.output
        let union = try #require(output.organisations.first { $0.name == "Freedonian Union of Journalists" })
        #expect(union.aliases == ["FUJ"])
        #expect(union.kind == "trade-union")
        #expect(output.organisations.contains { $0.name == "Daily Lantern" && $0.kind == "media" })
        #expect(output.provisions.map { "\($0.article) \($0.instrument)" } == ["207 Criminal Code of Freedonia"])
        #expect(!output.organisations.contains { $0.name.contains("Ruiz") || $0.name.contains("Berg") })
        // Nothing is handed back by a persons stage yet.
        #expect(stage.persons.isEmpty)
    }

    /// The persons stage on the tokens and the organisations stage after its run: persons, their
    /// later mentions, and the organisation steps that need persons (every later mention of a name).
    @Test func thePersonsStageFindsPersonsAndFinishesTheOrganisations() throws {
        let tokens = try Self.tokens()
        var organisations = OrganisationStage(tokens)
        organisations.run()
        let before = try #require(organisations.output.organisations.first { $0.name == "Freedonian Union of Journalists" })
        var stage = PersonStage(tokens, organisations: organisations)
        let output = stage.run()
        #expect(output.persons.map(\.name).sorted() == ["Ana Ruiz", "Tomas Berg"])
        let ruiz = try #require(output.persons.first { $0.name == "Ana Ruiz" })
        #expect(ruiz.mentions.map(\.text).sorted() == ["Ana Ruiz", "Ana Ruiz", "Ruiz"])
        #expect(output.persons.allSatisfy { !$0.official })
        // The acronym's mentions (`(FUJ)`, `a member of the FUJ`) are found by the organisation step run here.
        let after = try #require(output.organisations.organisations.first { $0.name == "Freedonian Union of Journalists" })
        #expect(before.mentions.map(\.text) == ["Freedonian Union of Journalists"])
        #expect(after.mentions.count == 3)
        #expect(after.mentions.filter { $0.text == "FUJ" }.map(\.section).sorted() == ["A", "B"])
        // What the organisations stage was handed back: the persons as found.
        #expect(stage.organisationStage.persons.map(\.name).sorted() == ["Ana Ruiz", "Tomas Berg"])
    }

    /// The stages run in order give what the extractor gives.
    @Test func theStagesInOrderAreTheExtraction() throws {
        let tokens = try Self.tokens()
        var organisations = OrganisationStage(tokens)
        organisations.run()
        var persons = PersonStage(tokens, organisations: organisations)
        let output = persons.run()
        let full = try Extractor.extract(text: Self.text, name: "stage.txt")
        #expect(output.persons.map(\.name) == full.persons.map(\.name))
        #expect(output.organisations.organisations.map(\.name) == full.organisations.map(\.name))
        #expect(output.organisations.provisions.map(\.article) == full.provisions.map(\.article))
    }
}
