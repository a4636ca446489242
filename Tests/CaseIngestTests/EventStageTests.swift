@testable import CaseIngest
import Testing

/// The events, charges and release-calls stage run alone on typed inputs: the persons,
/// organisations and provisions an earlier stage would hand it, here taken from a full extraction
/// and changed by hand.
@Suite struct EventStageTests {
    static let text = """
        European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))

        A. whereas the journalist Ana Ruiz was charged on 2 May 2029 under Article 207 of the Criminal Code of Freedonia;
        B. whereas the lawyer Tomas Berg was sentenced to five years in prison on 3 June 2029;
        1. Calls for the immediate release of Tomas Berg;
        """

    /// The stage on the persons, organisations and provisions of the full extraction, with the
    /// persons named in `officials` handed in as office-holders.
    static func stage(officials: Set<String>) throws -> (EventStage.Output, [String], Extraction) {
        let full = try Extractor.extract(text: text, name: "stage.txt")
        let document = try Normaliser.normalise(text, name: "stage.txt")
        let run = ExtractionRun(document)
        var stage = EventStage(
            document: document, tokens: run.tokens, clauses: run.clauses,
            persons: full.persons.map { .init(name: $0.name, mentions: $0.mentions, official: officials.contains($0.name)) },
            organisations: full.organisations.map { .init(name: $0.name, kind: $0.kind, mentions: $0.mentions) },
            provisions: full.provisions)
        return (stage.run(), full.persons.map(\.name), full)
    }

    @Test func aloneItFindsWhatTheFullExtractionFinds() throws {
        let (output, _, full) = try Self.stage(officials: [])
        #expect(output.statuses.map { "\($0.person) \($0.status) \($0.cue)" } == full.statuses.map { "\($0.person) \($0.status) \($0.cue)" })
        #expect(output.charges.map { "\($0.subject.person ?? "") \($0.article) \($0.stage)" } == ["Ana Ruiz 207 charged"])
        #expect(output.releaseCalls.map(\.person) == ["Tomas Berg"])
        #expect(output.notOfficials.isEmpty)
    }

    /// An official handed in gets no status (a charge is no custody: `event.official-held` leaves it);
    /// a call for their release makes them a case, which the stage hands back.
    @Test func anOfficialIsACaseOnlyWhenTheirReleaseIsCalledFor() throws {
        let (output, names, _) = try Self.stage(officials: ["Ana Ruiz", "Tomas Berg"])
        let berg = try #require(names.firstIndex(of: "Tomas Berg"))
        #expect(output.notOfficials == [berg])
        #expect(output.statuses.contains { $0.person == "Tomas Berg" && $0.status == "sentenced" })
        #expect(!output.statuses.contains { $0.person == "Ana Ruiz" })
        #expect(!output.charges.contains { $0.subject.person == "Ana Ruiz" })
    }

    /// (real5) `event.official-held`: an official a recital names alone as held is a case, handed back
    /// with their custody.
    @Test func anOfficialNamedAloneAsHeldIsACase() throws {
        let text = """
            European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))

            A. whereas President Tomas Berg was deposed on 2 May 2029;
            B. whereas President Tomas Berg is under house arrest;
            """
        let full = try Extractor.extract(text: text, name: "stage.txt")
        let document = try Normaliser.normalise(text, name: "stage.txt")
        let run = ExtractionRun(document)
        var stage = EventStage(
            document: document, tokens: run.tokens, clauses: run.clauses,
            persons: full.persons.map { .init(name: $0.name, mentions: $0.mentions, official: true) },
            organisations: [], provisions: [])
        let output = stage.run()
        let berg = try #require(full.persons.firstIndex { $0.name == "Tomas Berg" })
        #expect(output.notOfficials == [berg])
        #expect(output.statuses.contains { $0.person == "Tomas Berg" && $0.status == "house arrest" && $0.rules.contains { $0.id == "event.official-held" } })
    }
}
