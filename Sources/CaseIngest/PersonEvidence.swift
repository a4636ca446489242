/// The evidence weighed for one person candidate: which rules of ``RuleBook/personRules`` fired,
/// with the words each matched, their summed weight, and what decided (a list rule that accepted
/// it besides its score, or the veto that refused it). One small engine for every person rule:
/// the recogniser says which rule fired where, the weights live with the rules.
struct PersonEvidence: Sendable {
    /// The weighed rules that fired, in the order they were read.
    private(set) var hits: [RuleHit] = []
    /// The sum of their weights.
    private(set) var score = 0
    /// A rule that accepted the candidate although its score did not reach the threshold.
    var acceptedBy: RuleHit?
    /// The veto that refused the candidate, if one did.
    var veto: RuleHit?

    /// Records that the weighed rule `id` fired on `text`, adding its weight.
    mutating func add(_ id: String, _ text: String) {
        score += RuleBook.personWeight(id)
        hits.append(RuleHit(id, text: text))
    }

    /// Whether the score reaches ``RuleBook/personThreshold``.
    var reachesThreshold: Bool { score >= RuleBook.personThreshold }

    /// The hits that made the candidate a person: its weighed rules and the rule that accepted it.
    var acceptingHits: [RuleHit] { acceptedBy.map { hits + [$0] } ?? hits }
}

extension RuleBook {
    /// The weight of the person rule `id`; traps on a rule that is unknown or has no weight.
    static func personWeight(_ id: String) -> Int {
        guard let weight = personWeights[id] else { preconditionFailure("no weighed person rule named \(id)") }
        return weight
    }

    private static let personWeights: [String: Int] = Dictionary(
        personRules.compactMap { rule in rule.weight.map { (rule.id, $0) } }, uniquingKeysWith: { first, _ in first })
}
