/// Memberships (`supporters of X`, `editor-in-chief of X, NAME`) and charges:
/// stated when a clause applies an article to a subject it names, inferred
/// when a person supports a movement to which the same passage applies one.
extension EventStage {
    /// Words of support and membership, with the role they give (`Words/membership-words.txt`).
    static let supportWords: [String: String] = WordLists.membershipWords.filter { $0.value != ProgramTag.position }
    /// Positions in an organisation: the role is the word itself.
    static let positionWords = Set(WordLists.membershipWords.filter { $0.value == ProgramTag.position }.keys)
    static let groupReferences = EventWords.groupReference
    static let chargeTriggers = EventWords.words("charge-trigger")
    /// Things that are dismissed or withdrawn without ending a charge (`his appeal was dismissed`),
    /// unlike the proceedings of ``charging``.
    static let endedSubjects = EventWords.endedSubject
    static let requestWords = EventWords.words("request")
    static let reformWords = EventWords.words("reform")
    /// Organisation kinds that can be charged; an organisation of no known kind can be too
    /// (a `Set<String?>` would cost its first user the conformance lookups of an optional key).
    static let subjectKinds: Set<String> = ["movement", "party", "ngo", "media", "trade-union", "company"]
    static let groupNouns = EventWords.groupNoun

    mutating func addMembership(person: Int, organisation: Int, role: String, section: Int, rule: RuleHit) {
        let entry = Extraction.MembershipCue(person: persons[person].name, organisation: organisations[organisation].name,
                                             role: role, section: label(section), rules: [rule])
        if !hasMembership(person: entry.person, organisation: entry.organisation, role: entry.role) {
            memberships.append(entry)
        }
    }

    mutating func findMemberships(inClause clauseIndex: Int, people: [Placed]) {
        guard !people.isEmpty else { return }
        let clause = clauses[clauseIndex]
        let section = clause.section
        let list = tokens[section]
        let classes = cueMemo.classes[section]
        let groups = placedOrganisations(inClause: clauseIndex)
        // Support: `support for these movements`, `supporters of X`, `associated with X and Y`.
        for index in clause.range where classes[index].contains(.support) {
            guard let role = Self.supportWords[list[index].lower] else { continue }
            if EventWords.associated.contains(list[index].lower), !(word(section, index + 1, in: clause).map(EventWords.with.contains) ?? false) { continue }
            var named = groups.filter { $0.first > index && $0.first <= index + 4 }
            if let last = named.last {  // the rest of a coordinated list: `X and Y`
                var cursor = last
                while let following = groups.first(where: { $0.first > cursor.last && $0.first <= cursor.last + 2 }),
                      (cursor.last + 1..<following.first).allSatisfy({ EventWords.membershipList.contains(list[$0].lower) }) {
                    named.append(following)
                    cursor = following
                }
            }
            var targets = Set(named.map(\.entity))
            var rule = "charge.membership-support"
            if targets.isEmpty {
                rule = "charge.membership-these-movements"
                let window = (index + 1..<min(index + 4, clause.range.upperBound)).map { list[$0].lower }
                if window.contains(where: EventWords.demonstrative.contains),
                   window.contains(where: Self.groupReferences.contains) {
                    targets = organisationsNamedEarlier(in: section, before: list[index].start)
                }
            }
            for organisation in targets.sorted() {
                for person in people {
                    addMembership(person: person.entity, organisation: organisation, role: role, section: section,
                                  rule: RuleHit(rule, text: list[index].text))
                }
            }
        }
        // Positions: `editor-in-chief of ORG, NAME`, `NAME, a journalist for ORG`, `ORG founder, NAME`.
        for index in clause.range where classes[index].contains(.position) {
            let role = list[index].lower
            let linked = word(section, index + 1, in: clause).map(EventWords.positionLink.contains) ?? false
            if linked, let group = groups.first(where: { $0.first > index + 1 && $0.first <= index + 6 }) {
                let rule = RuleHit("charge.membership-position", text: text(section, index, group.last))
                if let person = people.first(where: { $0.first == group.last + 2 && list[group.last + 1].text == "," }) {
                    addMembership(person: person.entity, organisation: group.entity, role: role, section: section, rule: rule)
                }
                if let person = people.last(where: { $0.last < index && index - $0.last <= 3 && list[$0.last + 1].text == "," }) {
                    addMembership(person: person.entity, organisation: group.entity, role: role, section: section, rule: rule)
                }
            }
            if let group = groups.first(where: { $0.last == index - 1 }),
               let person = people.first(where: { $0.first == index + 2 && list[index + 1].text == "," }) {
                addMembership(person: person.entity, organisation: group.entity, role: role, section: section,
                              rule: RuleHit("charge.membership-organisation-position", text: text(section, group.first, index)))
            }
        }
    }

    /// Movements and parties named earlier in the section (`these movements`), else any organisation there.
    func organisationsNamedEarlier(in section: Int, before offset: Int) -> Set<Int> {
        let sectionLabel = label(section)
        let earlier = organisationsMentioned(inSection: sectionLabel, endingBy: offset)
        let movements = earlier.filter { ["movement", "party"].contains(organisations[$0].kind ?? "") }
        return Set(movements.isEmpty ? earlier : movements)
    }

    mutating func findCharges() {
        for clauseIndex in cueMemo.bodyClauses {
            let clause = clauses[clauseIndex]
            let section = clause.section
            let list = tokens[section]
            let classes = cueMemo.classes[section]
            let articles = placedProvisions(inClause: clauseIndex).filter { provision in
                let before = wordsBefore(section, provision.first, in: clause, count: 3)
                // `the limit laid down in Article 3`, `in line with Article 2`: the article is cited, not applied.
                return !before.contains { Self.reformWords.contains($0.lower) }
                    && !(before.first.map { EventWords.citedLead.contains($0.lower) } ?? false)
            }
            guard !articles.isEmpty, clause.range.contains(where: { classes[$0].contains(.chargeTrigger) }) else { continue }
            // `Calls for the charges under Article 3 to be dropped`: a request, not a charge.
            if document.sections[section].kind == .paragraph,
               clause.range.contains(where: { classes[$0].contains(.request) }) { continue }
            let convicted = clause.range.contains { classes[$0].contains(.convicted) }
            // `the charges against X under Article 5 were dropped`, `X was acquitted of charges under Article 5`:
            // the charge has ended, and answers must not show it as pending.
            let firstArticle = articles.map(\.first).min() ?? clause.range.lowerBound
            // What ended must be the charges (`his appeal was dismissed` ends no charge).
            let ended = (firstArticle..<clause.range.upperBound).contains { index in
                guard classes[index].contains(.endedPast), EventWords.chargeEndedAux.contains(list[index - 1].lower) else { return false }
                let subject = (max(clause.range.lowerBound, index - 20)..<index).reversed().first { position in
                    classes[position].contains(.charging) || Self.endedSubjects.contains(list[position].lower)
                }
                return subject.map { classes[$0].contains(.charging) } ?? false
            }
            let acquittal = clause.range.first { EventWords.acquitted.contains(list[$0].lower) }
            let stage = acquittal != nil ? "acquitted" : ended ? "dropped" : convicted ? "convicted" : "charged"
            // The rule that gave the stage, on the word that decided it.
            let decider = acquittal ?? clause.range.first { position in
                ended ? classes[position].contains(.endedPast) : convicted ? classes[position].contains(.convicted)
                    : classes[position].contains(.chargeTrigger)
            }
            let stageRule = RuleHit("charge.stage-\(stage)", text: decider.map { list[$0].text } ?? "")
            // `a confidant of X`, `slogans against X`: a name after a preposition is not the one charged (`together with X` is).
            // `a confidant of X`, `daughter of the party leader X`: a name in a phrase after a preposition is not the one charged.
            var people = placedPersons(inClause: clauseIndex).filter { placed in
                guard !persons[placed.entity].official else { return false }
                var position = placed.first - 1
                var steps = 0
                while position >= clause.range.lowerBound, steps < 6, list[position].isWord {
                    // `the charges against X under Article 5` do name the one charged.
                    if EventWords.against.contains(list[position].lower), position > clause.range.lowerBound,
                       classes[position - 1].contains(.charging) { return true }
                    if EventWords.chargePreposition.contains(list[position].lower) { return false }
                    if list[position].isCapitalised == false, steps > 0, !EventWords.article.contains(list[position].lower),
                       !WordLists.role(list[position].lower).isRole && !WordLists.kinship.contains(list[position].lower) { break }
                    position -= 1
                    steps += 1
                }
                return true
            }
            // `whereas she was charged under Article 3`, `all of them have been charged`: whom the pronoun stands for.
            people = (pronounSubjects[clauseIndex] ?? []).filter { !persons[$0.entity].official } + people
            people.sort { $0.first < $1.first }
            let groups = placedOrganisations(inClause: clauseIndex).filter { organisations[$0.entity].kind.map(Self.subjectKinds.contains) ?? true }
            let lastArticle = articles.map(\.last).max() ?? clause.range.lowerBound
            var cue = text(section, clause.range.lowerBound, lastArticle)
            // The first scalars lower-cased, not the whole cue (lower-casing maps scalar by scalar, and 16 decide the prefix).
            if String(cue.unicodeScalars.prefix(16)).lowercased().hasPrefix("whereas ") { cue.removeFirst("whereas ".count) }
            // Each article belongs to the names before it, back to the article before them:
            // `A was charged under Article 1, and B under Article 2`.
            var pairs: [(Extraction.ChargeSubject, Int, RuleHit, RuleHit)] = []
            /// The rule that tied a person to the article: a pronoun standing in, or `rule`.
            func tie(_ placed: Placed, _ rule: String) -> RuleHit {
                RuleHit(classes[placed.first].contains(.pronoun) ? "charge.pronoun-subject" : rule, text: text(section, placed.first, placed.last))
            }
            let ordered = articles.sorted { $0.first < $1.first }
            for (position, article) in ordered.enumerated() {
                let previousEnd = ordered[..<position].last(where: { $0.entity != article.entity })?.last ?? clause.range.lowerBound - 1
                var named: [(Extraction.ChargeSubject, RuleHit)] = people.filter { $0.last < article.first && $0.first > previousEnd }
                    .map { (.init(person: persons[$0.entity].name), tie($0, "charge.name-before-article")) }
                if named.isEmpty {
                    named = people.filter { $0.last < article.first }
                        .map { (.init(person: persons[$0.entity].name), tie($0, "charge.name-earlier-in-clause")) }
                }
                // `under Article 3 … and sentenced X`: the first name after the article.
                if named.isEmpty, let after = people.first(where: { $0.first > article.last }) {
                    named = [(.init(person: persons[after.entity].name), tie(after, "charge.name-after-article"))]
                }
                if named.isEmpty {
                    named = groups.filter { $0.last < article.first }.map {
                        (.init(organisation: organisations[$0.entity].name),
                         RuleHit("charge.organisation-before-article", text: text(section, $0.first, $0.last)))
                    }
                }
                if named.isEmpty, people.isEmpty {
                    named = groups.map {
                        (.init(organisation: organisations[$0.entity].name), RuleHit("charge.organisation-in-clause", text: text(section, $0.first, $0.last)))
                    }
                }
                if named.isEmpty, people.isEmpty, groups.isEmpty, let group = countedGroup(in: clause) {
                    named = [(group, RuleHit("charge.counted-group", text: group.group ?? ""))]
                }
                let articleRule = RuleHit("charge.article-in-clause", text: text(section, article.first, article.last))
                for (subject, rule) in named { pairs.append((subject, article.entity, rule, articleRule)) }
            }
            for subject in uniqued(pairs.map(\.0)) {
                for provision in Set(pairs.filter { $0.0 == subject }.map(\.1)).sorted() {
                    let pair = pairs.first { $0.0 == subject && $0.1 == provision }
                    let charge = Extraction.ChargeCue(
                        subject: subject, instrument: provisions[provision].instrument, article: provisions[provision].article,
                        stage: stage, evidence: "stated", section: label(section),
                        because: nil, via: nil, cue: cue, rules: [pair?.2, pair?.3, stageRule].compactMap { $0 })
                    if !hasCharge(subject, article: charge.article, instrument: charge.instrument) {
                        charges.append(charge)
                    }
                }
            }
        }
        findChargeShapes()
        inferCharges()
        inferChargesByOffence()
    }

    /// The offence named in quotes right before an article (`‘spreading false news’ under
    /// Article 80`), by its folded text: what the resolution says the article punishes.
    func namedOffences() -> [String: (provision: Int, section: Int)] {
        var result: [String: (provision: Int, section: Int)] = [:]
        for clauseIndex in cueMemo.bodyClauses {
            let clause = clauses[clauseIndex]
            let list = tokens[clause.section]
            for article in placedProvisions(inClause: clauseIndex) {
                // Back from the article over `under`, a bracketed gloss and the closing quote.
                var position = article.first - 1
                var steps = 0
                while position > clause.range.lowerBound, steps < 12, list[position].text != "’", list[position].text != "'" {
                    position -= 1
                    steps += 1
                }
                guard position > clause.range.lowerBound, ["’", "'"].contains(list[position].text),
                      let open = (clause.range.lowerBound..<position).last(where: { ["‘", "'"].contains(list[$0].text) }),
                      position - open > 1, position - open <= 10 else { continue }
                let offence = NameKey.fold(text(clause.section, open + 1, position - 1))
                if result[offence] == nil { result[offence] = (article.entity, clause.section) }
            }
        }
        return result
    }

    /// `tried on charges of ‘spreading false news’`, with no article in the clause, when the
    /// resolution ties that offence to an article elsewhere; `on the same charge` as the person
    /// named before in the section. Both are inferred, with the chain that links them.
    mutating func inferChargesByOffence() {
        let offences = namedOffences()
        var lastCharged: (person: String, charges: [Extraction.ChargeCue], section: Int)?
        for clauseIndex in cueMemo.bodyClauses {
            let clause = clauses[clauseIndex]
            let section = clause.section
            let list = tokens[section]
            let classes = cueMemo.classes[section]
            let people = placedPersons(inClause: clauseIndex).filter { !persons[$0.entity].official }
            defer {
                if let person = people.first.map({ persons[$0.entity].name }) {
                    let theirs = charges(of: person).filter { $0.section == label(section) }
                    if !theirs.isEmpty { lastCharged = (person, theirs, section) }
                }
            }
            guard !people.isEmpty, document.sections[section].kind != .paragraph,
                  clause.range.contains(where: { classes[$0].contains(.chargeWord) })
            else { continue }
            let hasArticle = !placedProvisions(inClause: clauseIndex).isEmpty
            // `on the same charge`
            if let same = clause.range.first(where: { classes[$0].contains(.same) && $0 + 1 < list.count && EventWords.sameWhat.contains(list[$0 + 1].lower) }),
               let previous = lastCharged, previous.section == section {
                for person in people where person.last < same {
                    let name = persons[person.entity].name
                    guard name != previous.person else { continue }
                    for charge in previous.charges {
                        addInferred(person: name, like: charge, section: section,
                                    rule: RuleHit("charge.same-charge", text: text(section, same, same + 1)),
                                    because: "charged on the same charge as \(previous.person) (\(label(section))), "
                                        + "who is charged under Article \(charge.article) of the \(charge.instrument)")
                    }
                }
                continue
            }
            guard !hasArticle else { continue }
            // A quoted offence the resolution ties to an article.
            var position = clause.range.lowerBound
            while position < clause.range.upperBound {
                defer { position += 1 }
                guard list[position].text == "‘" || list[position].text == "'",
                      let close = (position + 1..<min(clause.range.upperBound, position + 11)).first(where: { list[$0].text == "’" || list[$0].text == "'" }),
                      close - position > 1, let tied = offences[NameKey.fold(text(section, position + 1, close - 1))]
                else { continue }
                let provision = provisions[tied.provision]
                for person in people where person.last < position {
                    let model = Extraction.ChargeCue(subject: .init(person: persons[person.entity].name), instrument: provision.instrument,
                                                     article: provision.article, stage: "charged", evidence: "inferred",
                                                     section: label(section), because: nil, via: nil, cue: nil)
                    addInferred(person: persons[person.entity].name, like: model, section: section,
                                rule: RuleHit("charge.quoted-offence", text: text(section, position + 1, close - 1)),
                                because: "charged with ‘\(text(section, position + 1, close - 1))’ (\(label(section))); the resolution ties that "
                                    + "offence to Article \(provision.article) of the \(provision.instrument) (\(label(tied.section)))")
                }
            }
        }
    }

    mutating func addInferred(person: String, like charge: Extraction.ChargeCue, section: Int, rule: RuleHit, because: String) {
        let subject = Extraction.ChargeSubject(person: person)
        guard !hasCharge(subject, article: charge.article, instrument: charge.instrument) else { return }
        charges.append(.init(subject: subject, instrument: charge.instrument, article: charge.article, stage: "charged",
                             evidence: "inferred", section: label(section), because: because, via: nil, cue: charge.cue, rules: [rule]))
    }

    func uniqued(_ subjects: [Extraction.ChargeSubject]) -> [Extraction.ChargeSubject] {
        var result: [Extraction.ChargeSubject] = []
        for subject in subjects where !result.contains(subject) { result.append(subject) }
        return result
    }

    /// `at least 15 organisations`, `three NGOs`.
    func countedGroup(in clause: Clause) -> Extraction.ChargeSubject? {
        let section = clause.section
        let list = tokens[section]
        for index in clause.range {
            guard let count = Int(list[index].text) ?? Lexicon.numberWords[list[index].lower] else { continue }
            guard index + 1 < clause.range.upperBound else { continue }  // a number ending the clause counts no group
            let nounIndex = (index + 1...min(index + 2, clause.range.upperBound - 1)).first { Self.groupNouns.contains(list[$0].lower) }
            guard let noun = nounIndex else { continue }
            var first = index
            if index >= 2, EventWords.at.contains(list[index - 2].lower), EventWords.leastMost.contains(list[index - 1].lower) { first = index - 2 }
            return .init(group: text(section, first, noun), count: count)
        }
        return nil
    }

    /// A person who supports a movement, in the passage that applies an
    /// article to that movement, is inferred to be charged under it.
    mutating func inferCharges() {
        let stated = charges
        for charge in stated {
            guard let organisation = charge.subject.organisation else { continue }
            for membership in memberships(of: organisation) where membership.section == charge.section
                && ["supporter", "member", "associate"].contains(membership.role) {
                let subject = Extraction.ChargeSubject(person: membership.person)
                guard !hasCharge(subject, article: charge.article, instrument: charge.instrument) else { continue }
                charges.append(.init(
                    subject: subject, instrument: charge.instrument, article: charge.article, stage: charge.stage,
                    evidence: "inferred", section: charge.section,
                    because: "\(membership.role) of \(organisation) (\(membership.section)); the same passage applies "
                        + "Article \(charge.article) of the \(charge.instrument) to \(organisation) (\(charge.section))",
                    via: organisation, cue: charge.cue,
                    rules: [RuleHit("charge.member-of-charged-organisation", text: "\(membership.role) of \(organisation)")]))
            }
        }
    }
}
