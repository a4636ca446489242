import CaseIngest
import Foundation
import Testing

/// The project's copy of the hand-checked answers, and a scorer that counts
/// matches the way `score_extraction.py` does: persons by order-free folded
/// words, organisations by normalised name, provisions by article plus
/// instrument (equal, or sharing most significant words).
struct GoldFile: Decodable {
    struct Entity: Decodable {
        var name: String?
        var instrument: String?
        var article: String?
        var variants: [String]?
        var sections: [String]?
    }

    var persons: [Entity]
    var organisations: [Entity]
    var organisations_optional: [String]?
    var provisions: [Entity]
    var provisions_optional: [Entity]?

    static func load(_ name: String) throws -> GoldFile {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(GoldFile.self, from: Data(contentsOf: url))
    }
}

enum Samples {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../SampleData").standardized

    /// Both samples, extracted once per test process (a debug build takes about a second each).
    static let cached: [String: Extraction] = {
        var result: [String: Extraction] = [:]
        for stem in ["ep-2021-2544-kazakhstan", "ep-2022-2505-kazakhstan"] {
            result[stem] = try? fresh(stem)
        }
        return result
    }()

    static func extraction(_ stem: String) throws -> Extraction {
        if let cached = cached[stem] { return cached }
        return try fresh(stem)
    }

    static func fresh(_ stem: String) throws -> Extraction {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(stem).txt"))
        return try Extractor.extract(data: data, name: "\(stem).txt")
    }
}

struct Score: CustomStringConvertible {
    var truePositives = 0
    var falsePositives: [String] = []
    var misses: [String] = []

    var precision: Double {
        let total = truePositives + falsePositives.count
        return total == 0 ? 1 : Double(truePositives) / Double(total)
    }

    var recall: Double {
        let total = truePositives + misses.count
        return total == 0 ? 1 : Double(truePositives) / Double(total)
    }

    var description: String {
        String(format: "P=%.3f R=%.3f", precision, recall) + " missed: \(misses) false: \(falsePositives)"
    }

    static func score<G, P>(gold: [G], predicted: [P], optional: (P) -> Bool, matches: (G, P) -> Bool, name: (P) -> String, goldName: (G) -> String) -> Score {
        var score = Score()
        var matched = Set<Int>()
        for item in predicted {
            if let hit = gold.indices.first(where: { matches(gold[$0], item) }) {
                if matched.insert(hit).inserted { score.truePositives += 1 } else { score.falsePositives.append(name(item)) }
            } else if !optional(item) {
                score.falsePositives.append(name(item))
            }
        }
        score.misses = gold.indices.filter { !matched.contains($0) }.map { goldName(gold[$0]) }
        return score
    }
}

enum GoldKeys {
    static func person(_ name: String) -> Set<String> { Set(NameKey.tokens(name)) }

    static func organisation(_ name: String) -> String {
        var text = NameKey.fold(name)
        if text.hasPrefix("the ") { text.removeFirst(4) }
        text = text.replacingOccurrences(of: "organisation", with: "organization").replacingOccurrences(of: "co-operation", with: "cooperation")
        return text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "/" || $0 == "'") }).joined(separator: " ")
    }

    /// `Art. 3(1)`, `article 405` → `3(1)`, `405`.
    static func article(_ text: String) -> String {
        NameKey.fold(text).filter { !$0.isWhitespace }.replacingOccurrences(of: "art.", with: "").replacingOccurrences(of: "article", with: "")
    }

    static func instrumentWords(_ name: String) -> Set<String> {
        let stop: Set<String> = ["of", "the", "on", "for", "and", "its", "s", "republic"]
        let text = NameKey.fold(name).replacingOccurrences(of: "kazakhstan's", with: "kazakhstan").replacingOccurrences(of: "kazakh ", with: "kazakhstan ")
        return Set(text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { !stop.contains($0) })
    }

    static func sameInstrument(_ gold: [String], _ predicted: String) -> Bool {
        let words = instrumentWords(predicted)
        return gold.contains { name in
            if organisation(name) == organisation(predicted) { return true }
            let other = instrumentWords(name)
            return !other.isEmpty && Double(other.intersection(words).count) / Double(other.union(words).count) >= 0.6
        }
    }
}

extension GoldFile {
    func personScore(_ extraction: Extraction, optional: Set<Set<String>> = []) -> Score {
        Score.score(gold: persons, predicted: extraction.persons, optional: { person in
            ([person.name] + person.aliases).contains { optional.contains(GoldKeys.person($0)) }
        }, matches: { gold, person in
            let keys = Set(([gold.name ?? ""] + (gold.variants ?? [])).map(GoldKeys.person))
            return ([person.name] + person.aliases).contains { keys.contains(GoldKeys.person($0)) }
        }, name: \.name, goldName: { $0.name ?? "?" })
    }

    func organisationScore(_ extraction: Extraction) -> Score {
        let optional = Set((organisations_optional ?? []).map(GoldKeys.organisation))
        return Score.score(gold: organisations, predicted: extraction.organisations, optional: { organisation in
            ([organisation.name] + organisation.aliases).contains { optional.contains(GoldKeys.organisation($0)) }
        }, matches: { gold, organisation in
            let keys = Set(([gold.name ?? ""] + (gold.variants ?? [])).map(GoldKeys.organisation))
            return ([organisation.name] + organisation.aliases).contains { keys.contains(GoldKeys.organisation($0)) }
        }, name: \.name, goldName: { $0.name ?? "?" })
    }

    func provisionScore(_ extraction: Extraction) -> Score {
        func matches(_ gold: Entity, _ provision: Extraction.ProvisionEntity) -> Bool {
            GoldKeys.article(gold.article ?? "") == GoldKeys.article(provision.article)
                && GoldKeys.sameInstrument([gold.instrument ?? ""] + (gold.variants ?? []), provision.instrument)
        }
        return Score.score(gold: provisions, predicted: extraction.provisions, optional: { provision in
            (provisions_optional ?? []).contains { matches($0, provision) }
        }, matches: matches, name: { "\($0.instrument) \($0.article)" }, goldName: { "\($0.instrument ?? "?") \($0.article ?? "?")" })
    }
}
