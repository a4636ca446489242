import Foundation

/// Why one run of name words is or is not a person: the rules that fired on it with their weights
/// and the words they matched, the total against ``RuleBook/personThreshold``, and the veto or the
/// list rule that decided besides the score (`casetrack extract FILE --explain NAME`).
public struct PersonCandidateExplanation: Sendable, Encodable {
    /// A weighed rule that fired: the hit and the rule's weight.
    public struct WeighedHit: Sendable, Encodable {
        public var hit: RuleHit
        public var weight: Int

        enum CodingKeys: String, CodingKey { case id, text, weight }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(hit.id, forKey: .id)
            try container.encode(hit.text, forKey: .text)
            try container.encode(weight, forKey: .weight)
        }
    }

    /// The candidate's words as written, a title before them included.
    public var text: String
    public var section: String
    /// Where the words start in the normalised text.
    public var start: Int
    public var hits: [WeighedHit]
    /// The summed weights; nil when a veto refused the words before they were weighed.
    public var total: Int?
    public var threshold: Int
    /// A rule that accepted the candidate besides its score (a list of names).
    public var acceptedBy: RuleHit?
    /// The veto that refused it.
    public var veto: RuleHit?
    /// The person it became or joined; nil when refused.
    public var person: String?

    enum CodingKeys: String, CodingKey {
        case text, section, start, hits = "rules", total, threshold, person, veto
        case acceptedBy = "accepted_by"
    }
}

/// The extraction of a text, with why each name is or is not a person.
public struct ExtractionExplanation: Sendable {
    public var extraction: Extraction
    /// Every run of name words the persons stage read, in text order.
    public var personCandidates: [PersonCandidateExplanation]
}

extension Extractor {
    /// ``extract(data:name:checkingLimits:)``, noting why each run of name words is or is not a person.
    public static func explain(data: Data, name: String) throws(IngestError) -> ExtractionExplanation {
        let decoded = try TextDecoding.decode(data, name: name)
        let document = try Normaliser.normalise(decoded.text, name: name)
        let log = ExplanationLog()
        var extraction = extract(document, explanations: log)
        extraction.warnings = decoded.warnings + extraction.warnings
        return ExtractionExplanation(extraction: extraction, personCandidates: log.persons.sorted { $0.start < $1.start })
    }
}

/// Where an extraction run notes its person candidates when asked to explain (a class, so that the
/// run's non-mutating recognisers can note into it). Nil in an ordinary run: nothing is noted.
final class ExplanationLog {
    var persons: [PersonCandidateExplanation] = []

    /// Notes words `first...last` of `section` refused by the veto `id` before they were weighed.
    func refuse(_ run: PersonStage, _ section: Int, _ first: Int, _ last: Int, _ id: String, _ text: String) {
        persons.append(.init(text: run.text(section, first, last), section: run.label(section), start: run.tokens[section][first].start,
                             hits: [], total: nil, threshold: RuleBook.personThreshold, acceptedBy: nil,
                             veto: RuleHit(id, text: text), person: nil))
    }
}

extension PersonStage {
    /// Notes every weighed candidate: its evidence, and the person it became (`joined[i]` for `accepted[i]`).
    func explainPersons(_ candidates: [PersonCandidate], accepted: [PersonCandidate], joined: [String?], into log: ExplanationLog) {
        var personAt: [Int: String] = [:]  // by the candidate's first scalar offset
        var ambiguous: Set<Int> = []
        for (candidate, person) in zip(accepted, joined) {
            let start = tokens[candidate.section][candidate.start].start
            if let person { personAt[start] = person } else { ambiguous.insert(start) }
        }
        for candidate in candidates {
            let start = tokens[candidate.section][candidate.start].start
            var veto = candidate.evidence.veto
            if ambiguous.contains(start) { veto = RuleHit("person.veto-ambiguous-family-name", text: text(candidate.section, candidate.first, candidate.last)) }
            let hits = candidate.evidence.hits.map { PersonCandidateExplanation.WeighedHit(hit: $0, weight: RuleBook.personWeight($0.id)) }
            log.persons.append(.init(text: text(candidate.section, candidate.start, candidate.last), section: label(candidate.section), start: start,
                                     hits: hits, total: candidate.evidence.score, threshold: RuleBook.personThreshold,
                                     acceptedBy: candidate.evidence.acceptedBy, veto: veto,
                                     person: candidate.accepted ? personAt[start] : nil))
        }
    }
}
