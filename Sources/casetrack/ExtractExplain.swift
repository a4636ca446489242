import CaseIngest
import Foundation

/// `casetrack extract FILE --explain NAME`: why each name matching NAME is or is not a person (the
/// person rules that fired, their weights and words, the total against the threshold, or the veto),
/// which organisations match it and what recognised them, and the statuses, charges and release
/// calls that name the persons it became, with their rule ids.
enum ExtractExplain {
    /// A name folded for matching: case and accents ignored.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func matches(_ text: String, _ query: String) -> Bool { fold(text).contains(query) }

    struct Report: Encodable {
        struct Organisation: Encodable {
            var name: String
            var aliases: [String]
            var kind: String?
            var rules: [RuleHit]
        }

        struct Claim: Encodable {
            var kind: String
            var person: String
            var section: String
            var what: String
            var rules: [RuleHit]
        }

        /// A candidate refused as a person of its own that is a mention of a known one (a family name it ends), by its start.
        struct MentionOf: Encodable {
            var start: Int
            var person: String
        }

        var query: String
        var candidates: [PersonCandidateExplanation]
        var mentionsOfKnownPersons: [MentionOf]
        var organisations: [Organisation]
        var claims: [Claim]
    }

    /// The report on `explanation` for the name `query`; nil when nothing matches it.
    static func report(_ explanation: ExtractionExplanation, query: String) -> Report? {
        let folded = fold(query.trimmingCharacters(in: .whitespaces))
        let extraction = explanation.extraction
        let candidates = explanation.personCandidates.filter { candidate in
            matches(candidate.text, folded) || candidate.person.map { matches($0, folded) } == true
        }
        // The persons named: those the matching candidates became, and any whose name or alias matches.
        var persons: [String] = []
        for name in candidates.compactMap(\.person) where !persons.contains(name) { persons.append(name) }
        for person in extraction.persons where !persons.contains(person.name)
            && ([person.name] + person.aliases).contains(where: { matches($0, folded) }) {
            persons.append(person.name)
        }
        let organisations = extraction.organisations.filter { ([$0.name] + $0.aliases).contains { matches($0, folded) } }
            .map { Report.Organisation(name: $0.name, aliases: $0.aliases, kind: $0.kind, rules: $0.rules) }
        guard !candidates.isEmpty || !organisations.isEmpty || !persons.isEmpty else { return nil }
        // A refused candidate whose words are a mention of a person found otherwise (`Ruiz` after `Ana Ruiz`).
        var mentionsOf: [Report.MentionOf] = []
        for candidate in candidates where candidate.person == nil {
            if let person = extraction.persons.first(where: { $0.mentions.contains { $0.start <= candidate.start && candidate.start < $0.end } }) {
                mentionsOf.append(.init(start: candidate.start, person: person.name))
                if !persons.contains(person.name) { persons.append(person.name) }
            }
        }
        var claims: [Report.Claim] = []
        for person in persons {
            for status in extraction.statuses where status.person == person {
                claims.append(.init(kind: "status", person: person, section: status.section,
                                    what: "\(status.status) “\(status.cue)”", rules: status.rules))
            }
            for charge in extraction.charges where charge.subject.person == person {
                claims.append(.init(kind: "charge", person: person, section: charge.section,
                                    what: "Article \(charge.article) of \(charge.instrument), \(charge.stage), \(charge.evidence)", rules: charge.rules))
            }
            for call in extraction.releaseCalls where call.person == person {
                let also = call.also.isEmpty ? "" : " (also \(call.also.joined(separator: ", ")))"
                claims.append(.init(kind: "release call", person: person, section: call.section, what: "call for release\(also)", rules: call.rules))
            }
        }
        return Report(query: query, candidates: candidates, mentionsOfKnownPersons: mentionsOf, organisations: organisations, claims: claims)
    }

    /// The report as text for people.
    static func print(_ report: Report) {
        let threshold = report.candidates.first?.threshold
        Output.line("Names matching “\(report.query)”" + (threshold.map { " (a person needs a total of at least \($0))" } ?? "") + ":")
        if report.candidates.isEmpty { Output.line("  no run of name words matches") }
        for candidate in report.candidates {
            let verdict: String
            if let person = candidate.person {
                verdict = person == candidate.text ? "a person" : "a person: \(person)"
            } else if let known = report.mentionsOfKnownPersons.first(where: { $0.start == candidate.start }) {
                verdict = "not a person of its own; a mention of \(known.person), whose name it ends or holds"
            } else {
                verdict = "not a person"
            }
            Output.line("  \(candidate.text) [\(candidate.section)]: \(verdict)")
            let width = candidate.hits.map(\.hit.id.count).max() ?? 0
            for hit in candidate.hits {
                let sign = hit.weight >= 0 ? "+\(hit.weight)" : "\(hit.weight)"
                Output.line("    \(sign.padding(toLength: 3, withPad: " ", startingAt: 0)) \(hit.hit.id.padding(toLength: width, withPad: " ", startingAt: 0))  “\(hit.hit.text)”")
            }
            if let total = candidate.total {
                let reaches = total >= candidate.threshold
                Output.line("    total \(total) \(reaches ? "≥" : "<") \(candidate.threshold)")
            }
            if let accepted = candidate.acceptedBy {
                Output.line("    accepted by \(accepted.id) “\(accepted.text)”")
            }
            if let veto = candidate.veto {
                Output.line("    refused by \(veto.id) “\(veto.text)”")
            }
        }
        if !report.organisations.isEmpty {
            Output.line()
            Output.line("Organisations matching “\(report.query)”:")
            for organisation in report.organisations {
                Output.line("  \(organisation.name)\(organisation.kind.map { " - \($0)" } ?? "")")
                printRules(organisation.rules)
            }
        }
        Output.line()
        Output.line("Claims naming these persons:")
        if report.claims.isEmpty { Output.line("  none") }
        for claim in report.claims {
            Output.line("  \(claim.kind) of \(claim.person) [\(claim.section)]: \(claim.what)")
            printRules(claim.rules)
        }
    }

    static func printRules(_ rules: [RuleHit]) {
        guard !rules.isEmpty else { return Output.line("    (no rules recorded)") }
        let width = rules.map(\.id.count).max() ?? 0
        for rule in rules { Output.line("    \(rule.id.padding(toLength: width, withPad: " ", startingAt: 0))  “\(rule.text)”") }
    }
}
