/// A named rule of the extractor: one piece of evidence, veto or cue pattern, with the
/// stage that applies it, a one-line description, an invented example it matches, and a
/// weight where it weighs (person acceptance). Every claim the extractor makes carries the
/// ids of the rules that produced it (`RuleHit`), so `extract --format json` and
/// `extract --explain NAME` can say why.
///
/// Ids are `stage.short-name` in lower case with hyphens: `person.title-before-name`.
/// Each stage declares its rules in its own file (`Rules+Persons.swift`, ...) as a static
/// list on `RuleBook`; `RuleBook.all` joins them, and a test holds every rule to a unique id,
/// a description and an example.
public struct Rule: Sendable, Hashable {
    public enum Stage: String, Sendable, CaseIterable, Codable {
        case tokens, organisations, persons, mentions, events, charges, provisions, releaseCalls = "release-calls"
    }

    public let id: String
    public let stage: Stage
    /// One line: the general pattern of legal and diplomatic prose the rule reads.
    public let doc: String
    /// An invented sentence the rule matches (never a sentence of a corpus text).
    public let example: String
    /// How much the rule weighs where evidence is summed (person acceptance); nil elsewhere.
    public let weight: Int?

    public init(_ id: String, _ stage: Stage, doc: String, example: String, weight: Int? = nil) {
        self.id = id
        self.stage = stage
        self.doc = doc
        self.example = example
        self.weight = weight
    }
}

/// One rule applied to one claim: the rule's id and the words of the text it matched.
public struct RuleHit: Sendable, Encodable, Equatable, Hashable {
    public var id: String
    public var text: String

    public init(_ id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// Every rule of the extractor, by stage. Stage files add their lists in extensions.
public enum RuleBook {
    /// All rules, in stage order.
    public static var all: [Rule] {
        organisationRules + personRules + eventRules + chargeRules
            + provisionRules + releaseCallRules + entityShapeRules + groupRules + realShapeEventRules + citationRules
    }

    /// The rule with this id; traps on an unknown id, so a typo fails the first test that runs it.
    public static func rule(_ id: String) -> Rule {
        guard let rule = byID[id] else { preconditionFailure("no extractor rule named \(id)") }
        return rule
    }

    /// A hit of the rule `id` on `text`, checked against the book.
    public static func hit(_ id: String, _ text: String) -> RuleHit {
        _ = rule(id)
        return RuleHit(id, text: text)
    }

    private static let byID: [String: Rule] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}
