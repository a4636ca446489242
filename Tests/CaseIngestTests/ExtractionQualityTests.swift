import CaseIngest
import Testing

/// Holds the extractor to the hand-checked answers for the two samples and
/// prints what it gained and lost: the regression report anyone can run
/// (`swift test --filter ExtractionQuality`).
@Suite struct ExtractionQualityTests {
    @Test(arguments: ["ep-2021-2544-kazakhstan", "ep-2022-2505-kazakhstan"])
    func meetsTheQualityBar(sample: String) throws {
        let gold = try GoldFile.load(sample)
        let extraction = try Samples.extraction(sample)
        let persons = gold.personScore(extraction)
        let organisations = gold.organisationScore(extraction)
        let provisions = gold.provisionScore(extraction)
        print("[\(sample)] persons \(persons)")
        print("[\(sample)] organisations \(organisations)")
        print("[\(sample)] provisions \(provisions)")
        #expect(persons.precision >= 0.98 && persons.recall >= 0.98, "persons: \(persons)")
        #expect(provisions.precision == 1 && provisions.recall == 1, "provisions: \(provisions)")
        #expect(organisations.precision >= 0.90 && organisations.recall >= 0.90, "organisations: \(organisations)")
    }

    @Test(arguments: ["ep-2021-2544-kazakhstan", "ep-2022-2505-kazakhstan"])
    func everyGoldPersonIsMentionedInItsSections(sample: String) throws {
        let gold = try GoldFile.load(sample)
        let extraction = try Samples.extraction(sample)
        for person in gold.persons {
            let key = GoldKeys.person(person.name ?? "")
            let found = extraction.persons.first { ([$0.name] + $0.aliases).contains { GoldKeys.person($0) == key } }
            let sections = Set(found?.mentions.map(\.section) ?? [])
            #expect(sections.isSuperset(of: person.sections ?? []), "\(person.name ?? ""): \(sections.sorted())")
        }
    }

    @Test func documentStructureMatchesTheGold() throws {
        let first = try Samples.extraction("ep-2021-2544-kazakhstan")
        #expect(first.document.procedure == "2021/2544(RSP)")
        #expect(first.document.title == "European Parliament resolution on the human rights situation in Kazakhstan")
        #expect(first.document.sections.filter { $0.kind == .recital }.count == 23)
        #expect(first.document.sections.filter { $0.kind == .paragraph }.count == 26)
        #expect(first.document.sections.filter { $0.kind == .footnote }.count == 5)
        let second = try Samples.extraction("ep-2022-2505-kazakhstan")
        #expect(second.document.sections.filter { $0.kind == .recital }.count == 18)
        #expect(second.document.sections.filter { $0.kind == .paragraph }.count == 27)
        #expect(second.document.cites.map(\.date.description) == ["2021-02-11"])
    }

    @Test func offsetsPointIntoTheNormalisedText() throws {
        let text = try String(contentsOf: Samples.directory.appendingPathComponent("ep-2021-2544-kazakhstan.txt"), encoding: .utf8)
        let normalised = try Normaliser.normalise(text, name: "sample")
        let extraction = try Extractor.extract(text: text, name: "sample")
        for person in extraction.persons {
            for mention in person.mentions {
                #expect(normalised.slice(mention.start, mention.end) == mention.text)
            }
        }
    }
}
