import CaseIngest
import Foundation
import Testing

/// Scores the extractor on the development corpus (`Fixtures/dev`: resolutions
/// about other countries, in every published form) the way
/// `score_extraction.py` does, prints one table (`swift test --filter
/// DevCorpus`), and holds the micro-averaged totals to floors so that a change
/// that loses people, charges or statuses fails here.
@Suite struct DevCorpusScoreTests {
    struct Answers: Decodable {
        struct Charge: Decodable {
            var instrument: String
            var instrument_variants: [String]?
            var article: String
            var persons: [String]?
            var organisations: [String]?
        }

        struct Status: Decodable {
            struct Repeat: Decodable { var date: String? }
            var person: String
            var status: String
            var date: String?
            var also_acceptable: [String]?
            /// Later steps of the same status (a re-arrest, `remains in detention`): steps of their own.
            var repeats: [Repeat]?
        }

        var persons: [GoldFile.Entity]
        var persons_optional: [String]?
        var charged_under: [Charge]?
        var statuses: [Status]?
        var release_calls: [String]?
    }

    struct Totals {
        var counts: [String: (tp: Int, fp: Int, fn: Int)] = [:]

        mutating func add(_ kind: String, _ score: Score) {
            var entry = counts[kind] ?? (0, 0, 0)
            entry.tp += score.truePositives
            entry.fp += score.falsePositives.count
            entry.fn += score.misses.count
            counts[kind] = entry
        }

        func precision(_ kind: String) -> Double {
            guard let entry = counts[kind], entry.tp + entry.fp > 0 else { return 1 }
            return Double(entry.tp) / Double(entry.tp + entry.fp)
        }

        func recall(_ kind: String) -> Double {
            guard let entry = counts[kind], entry.tp + entry.fn > 0 else { return 1 }
            return Double(entry.tp) / Double(entry.tp + entry.fn)
        }

        func f1(_ kind: String) -> Double {
            let p = precision(kind), r = recall(kind)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    static let kinds = ["persons", "organisations", "provisions", "charges", "statuses", "release calls"]

    /// Every text with its gold: `(stem, text URL, gold URL)`.
    static func corpus() throws -> [(String, URL, URL)] {
        let root = try #require(Bundle.module.url(forResource: "dev", withExtension: nil, subdirectory: "Fixtures"))
        var result: [(String, URL, URL)] = []
        for folder in ["composed", "real"] {
            let directory = root.appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            for file in files where file.hasSuffix(".txt") || file.hasSuffix(".html") {
                let stem = String(file[..<file.lastIndex(of: ".")!])
                let gold = files.contains("\(stem).gold.json") ? "\(stem).gold.json" : "\(stem).json"
                result.append((stem, directory.appendingPathComponent(file), directory.appendingPathComponent(gold)))
            }
        }
        return result
    }

    static func score(_ extraction: Extraction, gold: GoldFile, answers: Answers) -> [String: Score] {
        var scores: [String: Score] = [
            "persons": gold.personScore(extraction, optional: Set((answers.persons_optional ?? []).map(GoldKeys.person))),
            "organisations": gold.organisationScore(extraction),
            "provisions": gold.provisionScore(extraction),
        ]
        guard answers.statuses != nil || answers.charged_under != nil || answers.release_calls != nil else { return scores }
        func goldPerson(_ name: String) -> Set<Set<String>> {
            let entity = answers.persons.first { entity in
                Set(([entity.name ?? ""] + (entity.variants ?? [])).map(GoldKeys.person)).contains(GoldKeys.person(name))
            }
            return Set(([entity?.name ?? name] + (entity?.variants ?? [])).map(GoldKeys.person))
        }
        func samePerson(_ goldName: String, _ predicted: String?) -> Bool {
            guard let predicted else { return false }
            let keys = goldPerson(goldName)
            let entity = extraction.persons.first { $0.name == predicted }
            return ([predicted] + (entity?.aliases ?? [])).contains { keys.contains(GoldKeys.person($0)) }
        }
        // Charges as (subject, instrument, article).
        var charges: [(subject: String, isPerson: Bool, instruments: [String], article: String)] = []
        for charge in answers.charged_under ?? [] {
            let instruments = [charge.instrument] + (charge.instrument_variants ?? [])
            for person in charge.persons ?? [] { charges.append((person, true, instruments, charge.article)) }
            for organisation in charge.organisations ?? [] { charges.append((organisation, false, instruments, charge.article)) }
        }
        scores["charges"] = Score.score(gold: charges, predicted: extraction.charges, optional: { _ in false }, matches: { gold, charge in
            let subjectMatches = gold.isPerson ? samePerson(gold.subject, charge.subject.person)
                : charge.subject.organisation.map { GoldKeys.organisation($0) == GoldKeys.organisation(gold.subject) } ?? false
            return subjectMatches && GoldKeys.article(gold.article) == GoldKeys.article(charge.article)
                && GoldKeys.sameInstrument(gold.instruments, charge.instrument)
        }, name: { "\($0.subject.person ?? $0.subject.organisation ?? "?") / \($0.instrument) \($0.article)" },
           goldName: { "\($0.subject) / \($0.article)" })
        // One gold step per status and per repeat, as score_extraction.py counts them.
        let steps = (answers.statuses ?? []).flatMap { status in
            [status] + (status.repeats ?? []).map { again in
                var step = status
                step.date = again.date
                step.repeats = nil
                return step
            }
        }
        scores["statuses"] = Score.score(gold: steps, predicted: extraction.statuses, optional: { _ in false }, matches: { gold, status in
            samePerson(gold.person, status.person) && ([gold.status] + (gold.also_acceptable ?? [])).contains(status.status)
        }, name: { "\($0.person): \($0.status)" }, goldName: { "\($0.person): \($0.status)" })
        scores["release calls"] = Score.score(gold: answers.release_calls ?? [], predicted: extraction.releaseCalls, optional: { _ in false },
                                              matches: { samePerson($0, $1.person) }, name: \.person, goldName: { $0 })
        return scores
    }

    @Test func scoresEveryDevelopmentText() throws {
        var totals = Totals()
        var table = "file".padding(toLength: 26, withPad: " ", startingAt: 0)
            + Self.kinds.map { $0.prefix(13).padding(toLength: 14, withPad: " ", startingAt: 0) }.joined() + "\n"
        for (stem, text, goldURL) in try Self.corpus() {
            let data = try Data(contentsOf: goldURL)
            let gold = try JSONDecoder().decode(GoldFile.self, from: data)
            let answers = try JSONDecoder().decode(Answers.self, from: data)
            let extraction = try Extractor.extract(data: Data(contentsOf: text), name: text.lastPathComponent)
            let scores = Self.score(extraction, gold: gold, answers: answers)
            var row = String(stem.prefix(25)).padding(toLength: 26, withPad: " ", startingAt: 0)
            for kind in Self.kinds {
                guard let score = scores[kind] else { row += String(repeating: " ", count: 14); continue }
                totals.add(kind, score)
                row += String(format: "%.2f/%.2f     ", score.precision, score.recall)
            }
            table += row + "\n"
        }
        table += "micro total".padding(toLength: 26, withPad: " ", startingAt: 0)
            + Self.kinds.map { String(format: "%.2f/%.2f     ", totals.precision($0), totals.recall($0)) }.joined()
        print(table)
        // Floors: the level reached on the 39 texts (the 17 added with issue 18 brought persons,
        // organisations and charges below the floors of the first 22), so that a regression fails.
        // Statuses count each gold step (repeats too) since issue 18. The issue's targets are higher.
        #expect(totals.precision("persons") >= 0.985 && totals.recall("persons") >= 0.96)
        #expect(totals.f1("organisations") >= 0.92)
        #expect(totals.f1("provisions") >= 0.95)
        #expect(totals.precision("charges") >= 0.90 && totals.recall("charges") >= 0.78)
        #expect(totals.precision("statuses") >= 0.935 && totals.recall("statuses") >= 0.865)
        #expect(totals.f1("release calls") >= 0.95)
    }
}
