/// Group statements: what a text says happened to a group of people, and the members it then
/// names. "Journalists have been detained or harassed, including Ana Ruiz and Piet Vos" says
/// something of Ana Ruiz and Piet Vos that no cue next to their names says; so does "dozens of
/// students are held without trial; they include Lina Holm", and a citation's "its resolution on
/// the arrest of Lina Holm". Also the calls for release a pronoun makes for a list of names
/// ("… Ana Ruiz and Piet Vos, and demands their immediate release").
///
/// Each pattern is a rule of `Rules+Groups.swift`; the words it reads are in
/// `Words/group-words.txt` (``GroupWords``). A member takes the group's status only when no cue
/// of the same clause already speaks of them, and officials never take one.
extension EventStage {
    /// The nearest group noun before token `index` in its clause (``ExtractionRun/groupNoun(before:in:)``).
    func groupNoun(before index: Int, in clause: Clause) -> (isPerson: Bool, noun: String)? {
        ExtractionRun.groupNoun(in: tokens[clause.section], before: index, in: clause)
    }

    /// What a group statement says: the status, where its words stand and the rule that read it.
    struct GroupStatement {
        var status: CaseStatus
        var first: Int
        var last: Int
        var rule: String
    }

    /// Adds to `hits` what group statements say of the persons they name, and to `called` the
    /// persons a plural pronoun asks to release (read before ``findCues()`` makes steps and calls).
    mutating func findGroupStatements(hits: inout [Int: [PersonHit]], called: inout [(person: Int, section: Int)]) {
        for clauseIndex in cueMemo.bodyClauses {
            let clause = clauses[clauseIndex]
            let kind = document.sections[clause.section].kind
            switch kind {
            case .recital:
                groupMembers(inClause: clauseIndex, hits: &hits)
                amongThose(inClause: clauseIndex, hits: &hits)
                countedGroupReference(inClause: clauseIndex, hits: &hits)
                amongOtherHeld(inClause: clauseIndex, hits: &hits)
                facesSentence(inClause: clauseIndex, hits: &hits)
                trialOf(inClause: clauseIndex, hits: &hits)
                receivedYears(inClause: clauseIndex, hits: &hits)
                fledCountry(inClause: clauseIndex, hits: &hits)
                lifeInDanger(inClause: clauseIndex, hits: &hits)
                orderedToDetention(inClause: clauseIndex, hits: &hits)
            case .title:
                amongOtherHeld(inClause: clauseIndex, hits: &hits)
                groupMembers(inClause: clauseIndex, hits: &hits)
            case .citation:
                citedEvents(inClause: clauseIndex, hits: &hits)
            case .paragraph:
                pluralReleaseCalls(inClause: clauseIndex, called: &called)
                nounReleaseCalls(inClause: clauseIndex, called: &called)
                lifeInDanger(inClause: clauseIndex, hits: &hits)
            default:
                continue
            }
        }
    }

    // MARK: - Members named after a group statement

    /// `event.group-list-members`, `event.group-participle-members`, `event.group-hedged`,
    /// `event.group-held-noun` and `event.group-members-next-clause`.
    mutating func groupMembers(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let kind = document.sections[clause.section].kind
        let placed = placedPersons(inClause: clauseIndex)
        guard !placed.isEmpty else { return }
        var found: [(statement: GroupStatement, members: [Placed])] = []
        // `they include A and B`, `among them A and B` opening a clause: the clause before made the statement.
        if let opener = memberOpener(in: clause), clauseIndex > 0, clauses[clauseIndex - 1].section == clause.section,
           placedPersons(inClause: clauseIndex - 1).isEmpty,
           var statement = groupStatement(in: clauses[clauseIndex - 1], before: clauses[clauseIndex - 1].range.upperBound) {
            let members = listMembers(placed, in: clause, from: opener)
            if !members.isEmpty {
                statement.rule = "event.group-members-next-clause"
                found.append((statement, members))
            }
        }
        for introducer in clause.introducers {
            let members = listMembers(placed, in: clause, from: introducer.after)
            guard !members.isEmpty else { continue }
            // A name between the statement and the list is its subject: cues next to it read it.
            let namedBefore = placed.last { $0.last < introducer.at }
            let start = max(clause.range.lowerBound, introducer.at - 25, (namedBefore?.last ?? -1) + 1)
            // The introducer must follow a group of people, not of organisations (`NGOs such as X`).
            if let noun = groupNoun(before: introducer.at, in: clause), !noun.isPerson { continue }
            let statement = groupStatement(in: clause, from: start, before: introducer.at)
            let abroad = abroadGroup(in: clause, from: start, before: introducer.at)
            if let statement { found.append((statement, members)) }
            if let abroad { found.append((abroad, members)) }
        }
        if let included = includedMembers(placed, in: clause) { found.append(included) }
        found.append(contentsOf: eventNounIncludingOf(placed, in: clause))
        for (statement, members) in found {
            let cue = text(clause.section, statement.first, statement.last)
            var hit = CueHit(kind: .status(statement.status), first: statement.first, last: statement.last, direction: .forward)
            let before = wordsBefore(clause.section, statement.first, in: clause, count: 3).map(\.lower)
            hit.present = before.contains { StoryWords.present.contains($0) } && Self.situations.contains(statement.status)
            let date = datedBy(hit, among: [hit], in: clause, dates: dates(inClause: clauseIndex))?.date
            // `including A, wife of the 2020 prize laureate B, and C`: B, named inside A's description, is no member.
            // Named as a member of a group `include` speaks of (`the political detainees include A, President of X`),
            // a person is a case whatever office they held, as `among other political prisoners` says.
            let asCase = statement.rule == "event.group-include-members"
            for member in members where (asCase || !persons[member.entity].official) && !isInPrepositionalPhrase(member, in: clause) {
                // A cue of this clause already says what happened to this member.
                if (hits[member.entity] ?? []).contains(where: { $0.clause == clauseIndex }) { continue }
                // A title's `political prisoners, notably the cases of A and B` is the weakest thing said of
                // them: a person the text says anything else of takes nothing from it.
                if kind == .title, statement.rule == "event.group-held-noun", !(hits[member.entity] ?? []).isEmpty { continue }
                if asCase { persons[member.entity].official = false }
                var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: date)
                personHit.rules = [RuleBook.hit(statement.rule, cue)]
                hits[member.entity, default: []].append(personHit)
            }
        }
    }

    /// What a group statement ending before `end` says, read backwards from `end`: the verb of what
    /// was done (`detained`, `prosecute`), with the verbs coordinated with it (`harass and even
    /// prosecute`: the most specific; `detained or harassed`: only that they are at risk), said of a
    /// plural noun of people near it; else a noun that itself says they are held (`political detainees`).
    func groupStatement(in clause: Clause, from start: Int? = nil, before end: Int) -> GroupStatement? {
        let list = tokens[clause.section]
        let lower = start ?? max(clause.range.lowerBound, end - 25)
        guard lower < end else { return nil }
        let window = lower..<end
        let verbs = window.filter { GroupWords.status(list[$0].lower) != nil && list[$0].isWord && !list[$0].isCapitalised }
        if let last = verbs.last {
            // The verbs coordinated with the last one: `and` or `or` between them, at most four words apart.
            var chain = [last]
            var hedged = false
            for verb in verbs.dropLast().reversed() {
                guard chain[0] - verb <= 4 else { break }
                let between = (verb + 1..<chain[0]).map { list[$0].lower }
                guard between.contains(where: GroupWords.verbCoordinators.contains) else { break }
                if between.contains(where: GroupWords.hedges.contains) { hedged = true }
                chain.insert(verb, at: 0)
            }
            // `should not be prosecuted`, `could be detained`: not what happened.
            if isNegatedOrModal(chain[0], in: clause) { return nil }
            // The group: a plural noun of people within ten words before the verbs or after them.
            let nounRange = max(clause.range.lowerBound, chain[0] - 10)..<end
            guard nounRange.contains(where: { Self.isGroupNoun(list[$0]) }) else { return nil }
            let statuses = chain.compactMap { GroupWords.status(list[$0].lower) }
            let distinct = Set(statuses)
            let status: CaseStatus
            let rule: String
            if hedged && distinct.count > 1 {
                status = .atRisk
                rule = "event.group-hedged"
            } else {
                status = statuses.min { Self.rank(of: $0.rawValue) < Self.rank(of: $1.rawValue) }!
                rule = list[last].lower.hasSuffix("ing") ? "event.group-participle-members" : "event.group-list-members"
            }
            return GroupStatement(status: status, first: chain[0], last: last, rule: rule)
        }
        // `the prosecution of journalists, notably the cases of A and B`: a noun of what was done to a group
        // of people (a group noun within three words after its `of`).
        if let noun = window.last(where: { GroupWords.citedEvent(list[$0].lower) != nil }), noun + 1 < end,
           GroupWords.of.contains(list[noun + 1].lower), let status = GroupWords.citedEvent(list[noun].lower),
           let group = (noun + 2..<min(end, noun + 5)).first(where: { Self.isGroupNoun(list[$0]) }) {
            return GroupStatement(status: status, first: noun, last: group, rule: "event.group-event-noun-members")
        }
        // `many political detainees are in poor health, such as A` (not `former political prisoners`).
        guard let noun = window.last(where: { GroupWords.heldNouns.contains(list[$0].lower) }), end - noun <= 12,
              !(max(clause.range.lowerBound, noun - 2)..<noun).contains(where: { GroupWords.former.contains(list[$0].lower) })
        else { return nil }
        return GroupStatement(status: .detained, first: noun, last: noun, rule: "event.group-held-noun")
    }

    /// The most tokens a member's description may span between two names of a list a verb
    /// `include` opens (`A, President of X, Professor B, former Chair of Y (Y), Dr C`).
    static let describedListGap = 20

    /// `event.group-include-members`: `the political detainees include A, President of X, and B`: a
    /// group statement as the subject of `include`, the names after it its members (each may be
    /// described at length: ``describedListGap``).
    func includedMembers(_ placed: [Placed], in clause: Clause) -> (statement: GroupStatement, members: [Placed])? {
        let list = tokens[clause.section]
        guard let include = clause.range.first(where: { GroupWords.memberOpeners.contains(list[$0].lower) }),
              (max(clause.range.lowerBound, include - 3)..<include).contains(where: {
                  Self.isGroupNoun(list[$0]) || GroupWords.heldNouns.contains(list[$0].lower) }) else { return nil }
        // A name before the verb is the subject: cues next to it read it.
        let namedBefore = placed.last { $0.last < include }
        let start = max(clause.range.lowerBound, include - 25, (namedBefore?.last ?? -1) + 1)
        guard var statement = groupStatement(in: clause, from: start, before: include) else { return nil }
        let members = listMembers(placed, in: clause, from: include + 1, maxGap: Self.describedListGap)
        guard !members.isEmpty else { return nil }
        statement.rule = "event.group-include-members"
        return (statement, members)
    }

    /// `event.event-noun-including-of`: `numerous arrests, including of the lawyer A and the blogger B`:
    /// a noun of what was done to people (``GroupWords/citedEvent(_:)``), a list introducer and `of`,
    /// then the names: each takes the noun's status (not where it is asked for: `demanded the release`).
    func eventNounIncludingOf(_ placed: [Placed], in clause: Clause) -> [(statement: GroupStatement, members: [Placed])] {
        let list = tokens[clause.section]
        var result: [(statement: GroupStatement, members: [Placed])] = []
        for introducer in clause.introducers where introducer.after < clause.range.upperBound
            && GroupWords.of.contains(list[introducer.after].lower) {
            var noun = introducer.at - 1
            if noun > clause.range.lowerBound, list[noun].text == "," { noun -= 1 }
            guard noun >= clause.range.lowerBound, let status = GroupWords.citedEvent(list[noun].lower),
                  !(max(clause.range.lowerBound, noun - 3)..<noun).contains(where: { GroupWords.asking.contains(list[$0].lower) })
            else { continue }
            let members = listMembers(placed, in: clause, from: introducer.after + 1)
            guard !members.isEmpty else { continue }
            result.append((GroupStatement(status: status, first: noun, last: introducer.after, rule: "event.event-noun-including-of"), members))
        }
        return result
    }

    /// `event.group-abroad-members`: a group of people said to live abroad (`overseas activists`,
    /// `journalists in exile`, `dissidents abroad`) just before the list that names its members.
    func abroadGroup(in clause: Clause, from start: Int, before end: Int) -> GroupStatement? {
        let list = tokens[clause.section]
        let lower = max(start, end - 8)
        guard lower < end else { return nil }
        for position in lower..<end {
            let word = list[position].lower
            if GroupWords.abroadBefore.contains(word),
               let noun = (position + 1..<min(end, position + 3)).first(where: { Self.isGroupNoun(list[$0]) }) {
                return GroupStatement(status: .inExile, first: position, last: noun, rule: "event.group-abroad-members")
            }
            if Self.isGroupNoun(list[position]), position + 1 < end {
                let next = list[position + 1].lower
                if GroupWords.abroadAfter.contains(next) {
                    return GroupStatement(status: .inExile, first: position, last: position + 1, rule: "event.group-abroad-members")
                }
                if GroupWords.exileLead.contains(next), position + 2 < end, GroupWords.exile.contains(list[position + 2].lower) {
                    return GroupStatement(status: .inExile, first: position, last: position + 2, rule: "event.group-abroad-members")
                }
            }
        }
        return nil
    }

    /// A plural noun of people: `journalists`, `defenders`, `students`, `people`.
    static func isGroupNoun(_ token: Token) -> Bool {
        guard token.isWord, !token.isCapitalised, Lexicon.personNouns.contains(token.lower) else { return false }
        return token.lower.hasSuffix("s") || GroupWords.irregularPlurals.contains(token.lower)
    }

    /// Where the names start in a clause that opens by naming the members of a group spoken of
    /// before: after `they include`, `these include`, or `among them` at the clause's start.
    func memberOpener(in clause: Clause) -> Int? {
        let list = tokens[clause.section]
        let words = clause.range.filter { list[$0].isWord }.prefix(3)
        guard words.count >= 2 else { return nil }
        let first = words[words.startIndex], second = words[words.startIndex + 1]
        if GroupWords.memberSubjects.contains(list[first].lower), GroupWords.memberOpeners.contains(list[second].lower) {
            return second + 1
        }
        if let introducer = clause.introducers.first, introducer.at <= first, GroupWords.among.contains(list[introducer.at].lower) {
            return introducer.after
        }
        return nil
    }

    /// The persons a list names from `start`: each separated from the one before by commas, `and`
    /// and words describing them (`the activist`, `Nobel Prize laureate`), up to a word that ends
    /// the list (`was`, `who`, `whereas`) or ten words without a name.
    func listMembers(_ placed: [Placed], in clause: Clause, from start: Int, maxGap: Int = 10) -> [Placed] {
        let list = tokens[clause.section]
        var members: [Placed] = []
        var previous = start
        // A name inside the one before (two mentions over the same words) starts no gap of its own.
        for person in placed where person.first >= start && person.first >= previous {
            let gap = previous..<person.first
            if gap.count > maxGap || gap.contains(where: { GroupWords.listStops.contains(list[$0].lower) }) { break }
            members.append(person)
            previous = person.last + 1
        }
        return members
    }

    // MARK: - Names said to be among a group a participle describes

    /// `event.among-those-participle`: `A and B were among those sentenced`, `A, a deputy, was the
    /// first person sentenced under the new law`: the names before the copula take the participle's status.
    func amongThose(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        guard !placed.isEmpty else { return }
        for index in clause.range where list[index].isWord {
            guard let status = GroupWords.status(list[index].lower), status != .atRisk else { continue }
            // Back over `the first person`, `among those`, `one of the journalists` to the copula.
            var position = index - 1
            var sawGroup = false
            while position > clause.range.lowerBound, index - position <= 6, GroupWords.groupRanks.contains(list[position].lower)
                    || Self.isGroupNoun(list[position]) || Lexicon.personNouns.contains(list[position].lower) {
                if GroupWords.groupRanks.contains(list[position].lower) { sawGroup = true }
                position -= 1
            }
            guard sawGroup, position < index - 1, position >= clause.range.lowerBound,
                  GroupWords.copulas.contains(list[position].lower) else { continue }
            let copula = position
            // The subject: the list of names that ends just before the copula (an apposition may follow it).
            var subject: [Placed] = []
            for start in placed where start.last < copula {
                let members = listMembers(placed, in: clause, from: start.first).filter { $0.last < copula }
                guard let last = members.last, placed.last(where: { $0.last < copula })?.first == last.first else { continue }
                let gap = (last.last + 1)..<copula
                if gap.count <= 14, !gap.contains(where: { GroupWords.listStops.contains(list[$0].lower) }) { subject = members }
                break
            }
            guard !subject.isEmpty else { continue }
            let cue = text(clause.section, copula, index)
            var hit = CueHit(kind: .status(status), first: copula, last: index, direction: .backward)
            hit.present = false
            let date = datedBy(hit, among: [hit], in: clause, dates: dates(inClause: clauseIndex))?.date
            for member in subject where !persons[member.entity].official {
                if (hits[member.entity] ?? []).contains(where: { $0.clause == clauseIndex }) { continue }
                var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: date)
                personHit.rules = [RuleBook.hit("event.among-those-participle", cue)]
                hits[member.entity, default: []].append(personHit)
            }
        }
    }

    // MARK: - A group named again by its count

    /// `event.counted-group-reference`: `A, B and C were arrested on 3 May; … the three detainees were
    /// remanded in custody`: a clause naming nobody whose subject is `the` + a count + a noun of people
    /// speaks of the persons an earlier clause of the section listed, when it listed exactly that many.
    func countedGroupReference(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        guard placedPersons(inClause: clauseIndex).isEmpty else { return }
        for index in clause.range where GroupWords.definite.contains(list[index].lower) && index + 2 < clause.range.upperBound {
            let countToken = list[index + 1]
            guard let count = Int(countToken.text) ?? Lexicon.numberWords[countToken.lower], count >= 2, count <= 12 else { continue }
            guard let noun = (index + 2..<min(clause.range.upperBound, index + 5)).first(where: { Self.isGroupNoun(list[$0]) }) else { continue }
            // The cue the group is the subject of: the first after the noun, said of what stands before it.
            let cues = cueHits(in: clause)
            guard let cue = cues.first(where: { $0.first > noun }), cue.first - noun <= 6, cue.direction == .backward || cue.first - noun <= 3,
                  case .status = cue.kind else { continue }
            // The earlier clause of the section that names exactly `count` persons, listed together.
            var members: [Placed] = []
            var earlier = clauseIndex - 1
            while earlier >= 0, clauseIndex - earlier <= 4, clauses[earlier].section == clause.section {
                let named = placedPersons(inClause: earlier).filter { !persons[$0.entity].official }
                if let first = named.first {
                    let listed = listMembers(named, in: clauses[earlier], from: first.first)
                    if listed.count == count && named.count == count { members = listed }
                    break
                }
                earlier -= 1
            }
            guard !members.isEmpty else { continue }
            let text = self.text(clause.section, index, cue.last)
            let date = datedBy(cue, among: cues, in: clause, dates: dates(inClause: clauseIndex))?.date
            for member in members {
                var personHit = PersonHit(hit: cue, section: clause.section, clause: clauseIndex, cue: self.text(clause.section, cue.first, cue.last), date: date)
                personHit.rules = [RuleBook.hit("event.counted-group-reference", text)]
                hits[member.entity, default: []].append(personHit)
            }
            return
        }
    }

    // MARK: - Names said to be among other prisoners

    /// `event.among-other-held`: `on the case of A and B, among other political prisoners`: the names
    /// listed before are held, as the group they are counted among.
    /// Counted among political prisoners, a person is a case whatever office they held (`General X`);
    /// and it is the weakest thing said of them: a person the text says anything else of takes nothing.
    mutating func amongOtherHeld(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        guard !placed.isEmpty else { return }
        for index in clause.range where GroupWords.amongOther.contains(list[index].lower) && index + 1 < clause.range.upperBound
            && GroupWords.other.contains(list[index + 1].lower) {
            guard let noun = (index + 2..<min(clause.range.upperBound, index + 5)).first(where: { GroupWords.heldNouns.contains(list[$0].lower) })
            else { continue }
            // The list that ends just before `among`.
            guard let last = placed.last(where: { $0.last < index }), index - last.last <= 2 else { continue }
            var group = [last]
            for earlier in placed.filter({ $0.last < last.first }).reversed() {
                let between = (earlier.last + 1..<group[0].first).map { list[$0] }
                guard between.count <= 3, between.allSatisfy({ GroupWords.listJoiners.contains($0.lower) || WordLists.titles[[$0.text]] != nil }) else { break }
                group.insert(earlier, at: 0)
            }
            let cue = text(clause.section, index, noun)
            let hit = CueHit(kind: .status(.detained), first: index, last: noun, direction: .backward)
            for member in group where (hits[member.entity] ?? []).isEmpty {
                persons[member.entity].official = false
                var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: nil)
                personHit.rules = [RuleBook.hit("event.among-other-held", cue)]
                hits[member.entity, default: []].append(personHit)
            }
        }
    }

    // MARK: - Facing a sentence

    /// `event.faces-sentence`: `Ana Ruiz is facing a long prison sentence`: the one person the clause
    /// names before it is charged and not yet tried.
    func facesSentence(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        for index in clause.range where GroupWords.facing.contains(list[index].lower) {
            let next = index + 1 < clause.range.upperBound ? list[index + 1].lower : ""
            // `faces up to ten years`, `faces charges`: read as cues already.
            if GroupWords.notFacingSentence.contains(next) { continue }
            guard let noun = (index + 1..<min(clause.range.upperBound, index + 7)).first(where: { GroupWords.sentenceNouns.contains(list[$0].lower) })
            else { continue }
            if isNegatedOrModal(index, in: clause) { continue }
            // `whereas he faces life imprisonment`: the person the pronoun stands for.
            guard let subject = soleSubject(before: index, inClause: clauseIndex) else { continue }
            if (hits[subject.entity] ?? []).contains(where: { $0.clause == clauseIndex && $0.hit.kind == .status(.charged) }) { continue }
            let cue = text(clause.section, index, noun)
            var hit = CueHit(kind: .status(.charged), first: index, last: noun, direction: .backward)
            hit.present = true
            var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: nil)
            personHit.rules = [RuleBook.hit("event.faces-sentence", cue)]
            hits[subject.entity, default: []].append(personHit)
        }
    }

    // MARK: - A trial named by its noun

    /// `event.trial-of-began`: `the trial of Ana Ruiz, a blogger, began on 3 May` (or was postponed,
    /// adjourned, resumed): the person is on trial, from the date written with the verb.
    func trialOf(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        guard !placed.isEmpty else { return }
        for index in clause.range where GroupWords.trial.contains(list[index].lower) && index > clause.range.lowerBound
            && GroupWords.definite.contains(list[index - 1].lower) && index + 1 < clause.range.upperBound && GroupWords.of.contains(list[index + 1].lower) {
            guard let person = placed.first(where: { $0.first >= index + 2 && $0.first <= index + 3 }),
                  !persons[person.entity].official else { continue }
            // The trial's verb, after the name and any apposition: no other name before it.
            let nextName = placed.first(where: { $0.first > person.last })?.first ?? clause.range.upperBound
            guard let verb = (person.last + 1..<min(nextName, person.last + 15)).first(where: { GroupWords.trialVerbs.contains(list[$0].lower) })
            else { continue }
            if (hits[person.entity] ?? []).contains(where: { $0.clause == clauseIndex && $0.hit.kind == .status(.onTrial) }) { continue }
            var hit = CueHit(kind: .status(.onTrial), first: verb, last: verb, direction: .backward)
            hit.nominal = false
            let date = datedBy(hit, among: [hit], in: clause, dates: dates(inClause: clauseIndex))?.date
            let cue = text(clause.section, index - 1, index + 1) + " … " + list[verb].text
            var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: date)
            personHit.rules = [RuleBook.hit("event.trial-of-began", cue)]
            hits[person.entity, default: []].append(personHit)
        }
    }

    // MARK: - A sentence given as a length

    /// `event.received-years`: `Ana Ruiz, her co-defendant, received ten years`: the one person the
    /// clause names before it was sentenced.
    func receivedYears(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        for index in clause.range where GroupWords.receiving.contains(list[index].lower) && index + 2 < clause.range.upperBound {
            // `received ten years`, `was given 12 years`, `received a ten-year term` is read at `sentence`.
            var count = index + 1
            if GroupWords.indefinites.contains(list[count].lower) { count += 1 }
            guard count + 1 < clause.range.upperBound, list[count].isNumber || Lexicon.numberWords[list[count].lower] != nil,
                  GroupWords.yearNouns.contains(list[count + 1].lower) else { continue }
            guard let subject = soleSubject(before: index, inClause: clauseIndex) else { continue }
            if (hits[subject.entity] ?? []).contains(where: { $0.clause == clauseIndex && $0.hit.kind == .status(.sentenced) }) { continue }
            let cue = text(clause.section, index, count + 1)
            let hit = CueHit(kind: .status(.sentenced), first: index, last: count + 1, direction: .backward, sentence: text(clause.section, count, count + 1))
            let date = datedBy(hit, among: [hit], in: clause, dates: dates(inClause: clauseIndex))?.date
            var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: date)
            personHit.rules = [RuleBook.hit("event.received-years", cue)]
            hits[subject.entity, default: []].append(personHit)
        }
    }

    // MARK: - Fleeing a named country

    /// `event.fled-country`: `Ana Ruiz and Piet Vos, who fled Freedonia in 2020`: the persons named
    /// before left their country and live in exile.
    func fledCountry(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        guard !placed.isEmpty else { return }
        for index in clause.range where GroupWords.fleeing.contains(list[index].lower) && index + 1 < clause.range.upperBound
            && list[index + 1].isCapitalised && list[index + 1].isWord {
            // The names the verb is said of: the list just before it, or before `who` just before it.
            var end = index
            if end - 1 >= clause.range.lowerBound, StoryWords.relatives.contains(list[end - 1].lower) { end -= 1 }
            while end - 1 >= clause.range.lowerBound, list[end - 1].text == "," { end -= 1 }
            guard let last = placed.last(where: { $0.last < end }), last.last == end - 1 else { continue }
            var group = [last]
            for earlier in placed.filter({ $0.last < last.first }).reversed() {
                let between = (earlier.last + 1..<group[0].first).map { list[$0].lower }
                guard between.count <= 2, between.allSatisfy({ GroupWords.listJoiners.contains($0) }) else { break }
                group.insert(earlier, at: 0)
            }
            let cue = text(clause.section, index, index + 1)
            let hit = CueHit(kind: .status(.inExile), first: index, last: index + 1, direction: .backward)
            let date = datedBy(hit, among: [hit], in: clause, dates: dates(inClause: clauseIndex))?.date
            for member in group where !persons[member.entity].official {
                if (hits[member.entity] ?? []).contains(where: { $0.clause == clauseIndex && $0.hit.kind == .status(.inExile) }) { continue }
                var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: date)
                personHit.rules = [RuleBook.hit("event.fled-country", cue)]
                hits[member.entity, default: []].append(personHit)
            }
        }
    }

    // MARK: - A life said to be in danger

    /// `event.life-in-danger`: `Mr Ruiz's family says his life is in grave danger`: the person named
    /// last before `his` or `her` in the clause is at risk.
    func lifeInDanger(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        guard !placed.isEmpty else { return }
        for index in clause.range where GroupWords.life.contains(list[index].lower) && index > clause.range.lowerBound
            && GroupWords.possessives.contains(list[index - 1].lower) {
            // `his life is in grave danger`, `her life is at serious risk`: a verb, `in` or `at`, then the danger.
            let after = (index + 1..<min(clause.range.upperBound, index + 7)).map { list[$0].lower }
            guard after.count >= 3, GroupWords.copulas.contains(after[0]) || GroupWords.continuing.contains(after[0]),
                  let danger = after.firstIndex(where: { GroupWords.dangers.contains($0) }),
                  after[1..<danger].contains(where: { GroupWords.dangerLeads.contains($0) }) else { continue }
            guard let subject = placed.last(where: { $0.last < index - 1 && !persons[$0.entity].official }) else { continue }
            if (hits[subject.entity] ?? []).contains(where: { $0.clause == clauseIndex && $0.hit.kind == .status(.atRisk) }) { continue }
            let last = index + 1 + danger
            let cue = text(clause.section, index - 1, last)
            var hit = CueHit(kind: .status(.atRisk), first: index - 1, last: last, direction: .backward)
            hit.present = true
            var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: nil)
            personHit.rules = [RuleBook.hit("event.life-in-danger", cue)]
            hits[subject.entity, default: []].append(personHit)
        }
    }

    // MARK: - Ordered into pre-trial detention

    /// `event.ordered-to-detention`: `Ana Ruiz was detained on 3 May and ordered to pre-trial detention
    /// on 5 May`: the one person the clause names before it is held awaiting trial, from that date.
    func orderedToDetention(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        for index in clause.range where GroupWords.ordering.contains(list[index].lower) && index + 3 < clause.range.upperBound {
            guard GroupWords.orderedTo.contains(list[index + 1].lower), GroupWords.preTrial.contains(list[index + 2].lower),
                  GroupWords.detention.contains(list[index + 3].lower) else { continue }
            if isNegatedOrModal(index, in: clause) { continue }
            guard let subject = soleSubject(before: index, inClause: clauseIndex) else { continue }
            if (hits[subject.entity] ?? []).contains(where: { $0.clause == clauseIndex && $0.hit.kind == .status(.preTrialDetention) }) { continue }
            let cue = text(clause.section, index, index + 3)
            let hit = CueHit(kind: .status(.preTrialDetention), first: index, last: index + 3, direction: .backward)
            let date = datedBy(hit, among: [hit], in: clause, dates: dates(inClause: clauseIndex))?.date
            var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: date)
            personHit.rules = [RuleBook.hit("event.ordered-to-detention", cue)]
            hits[subject.entity, default: []].append(personHit)
        }
    }

    /// The one person a clause names before `index` (or the one a `he` or `she` stands for), when no
    /// noun of people stands between them (`A met B, and the journalists are facing …`: nobody).
    func soleSubject(before index: Int, inClause clauseIndex: Int) -> Placed? {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        let named = placed.filter { $0.last < index && !persons[$0.entity].official }
        let subjects = named.isEmpty
            ? (pronounSubjects[clauseIndex] ?? []).filter { $0.last < index && !persons[$0.entity].official } : named
        guard subjects.count == 1, let subject = subjects.first,
              !(subject.last + 1..<index).contains(where: { Self.isGroupNoun(list[$0]) }) else { return nil }
        return subject
    }

    /// `should not be prosecuted`, `could be detained`: a negation or a modal (not the month `May`)
    /// among the three words before `index` says it did not happen.
    func isNegatedOrModal(_ index: Int, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        return wordsBefore(clause.section, index, in: clause, count: 3).contains { word in
            !list[word.index].isCapitalised && (Self.negations.contains(word.lower) || Self.modals.contains(word.lower))
        }
    }

    // MARK: - Events a citation names

    /// `event.citation-event-of`: `its resolution of 5 May 2020 on the arrest of Lina Holm`: the
    /// cited text is about that event, which happened to the persons named after `of`.
    func citedEvents(inClause clauseIndex: Int, hits: inout [Int: [PersonHit]]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        guard !placed.isEmpty else { return }
        for index in clause.range where index + 1 < clause.range.upperBound && index > clause.range.lowerBound {
            // `the proceedings against A`: proceedings are also named by who they are against.
            guard GroupWords.definite.contains(list[index - 1].lower), let status = GroupWords.citedEvent(list[index].lower),
                  GroupWords.of.contains(list[index + 1].lower) || (status == .charged && GroupWords.against.contains(list[index + 1].lower))
            else { continue }
            let before = wordsBefore(clause.section, index - 1, in: clause, count: 3).map(\.lower)
            if before.contains(where: { EventWords.asking.contains($0) || EventWords.unrealised.contains($0) }) { continue }
            // A citation describes each person at length (`Mr A, newspaper columnist and deputy chairman of …, and Mr B`).
            let members = listMembers(placed, in: clause, from: index + 2, maxGap: 16)
            guard let firstMember = members.first, firstMember.first - (index + 2) <= 4 else { continue }
            let cue = text(clause.section, index, index + 1)
            var hit = CueHit(kind: .status(status), first: index, last: index + 1, direction: .forward)
            hit.nominal = true
            // `including A, wife of the 2020 prize laureate B, and C`: B, named inside A's description, is no member.
            for member in members where !persons[member.entity].official && !isInPrepositionalPhrase(member, in: clause) {
                if (hits[member.entity] ?? []).contains(where: { $0.clause == clauseIndex }) { continue }
                var personHit = PersonHit(hit: hit, section: clause.section, clause: clauseIndex, cue: cue, date: nil)
                personHit.rules = [RuleBook.hit("event.citation-event-of", cue)]
                hits[member.entity, default: []].append(personHit)
            }
        }
    }

    // MARK: - Calls for release made with a plural pronoun

    /// `release-call.their-release`: `condemns the sentences handed to A and B and demands their
    /// immediate release`: each person of the list named before `their` is called for.
    mutating func pluralReleaseCalls(inClause clauseIndex: Int, called: inout [(person: Int, section: Int)]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        guard placed.count >= 2 else { return }
        for index in clause.range where GroupWords.release.contains(list[index].lower) {
            // `demands their immediate and unconditional release`: `their`, then only words describing the release.
            guard let their = (max(clause.range.lowerBound, index - 5)..<index).last(where: { GroupWords.their.contains(list[$0].lower) }),
                  (their + 1..<index).allSatisfy({ GroupWords.releaseDescribers.contains(list[$0].lower) }),
                  their > clause.range.lowerBound, GroupWords.asking.contains(list[their - 1].lower) else { continue }
            // The list named last before the call: names joined by commas and `and`.
            let before = placed.filter { $0.last < their - 1 }
            guard var current = before.last else { continue }
            var group = [current]
            for earlier in before.dropLast().reversed() {
                // `A and B`, `the lawyer A and the blogger B`: commas, `and`, articles and role nouns.
                let between = (earlier.last + 1..<current.first).map { list[$0] }
                guard between.count <= 5, between.allSatisfy({ GroupWords.nameListFillers.contains($0.lower)
                    || WordLists.role($0.lower).isRole || WordLists.titles[[$0.text]] != nil }) else { break }
                group.insert(earlier, at: 0)
                current = earlier
            }
            guard group.count >= 2 else { continue }
            let cue = text(clause.section, their - 1, index)
            for member in group where !persons[member.entity].official {
                guard !called.contains(where: { $0.person == member.entity }) else {
                    if !called.contains(where: { $0 == (member.entity, clause.section) }) { called.append((member.entity, clause.section)) }
                    continue
                }
                called.append((member.entity, clause.section))
                releaseCalls.append(.init(person: persons[member.entity].name, section: label(clause.section),
                                          rules: [RuleBook.hit("release-call.their-release", cue)]))
                persons[member.entity].official = false
            }
        }
    }
}

extension EventStage {
    /// `release-call.possessive-release`, `release-call.freedom-for` and `release-call.release-him`:
    /// `demands Ana Ruiz’s immediate release`, `calls for freedom for Ana Ruiz and Piet Vos`, `calls on
    /// the authorities not to extradite Piet Vos …, and to release him`.
    mutating func nounReleaseCalls(inClause clauseIndex: Int, called: inout [(person: Int, section: Int)]) {
        let clause = clauses[clauseIndex]
        let list = tokens[clause.section]
        let placed = placedPersons(inClause: clauseIndex)
        var found: [(person: Int, rule: String, cue: String)] = []
        let approves = clause.range.contains { Self.approving.contains(list[$0].lower) }
        for index in clause.range where !approves {
            let word = list[index].lower
            if list[index].isPossessive, index > clause.range.lowerBound {
                // `Ana Ruiz’s immediate and unconditional release`, asked for by a verb before the name.
                guard let release = (index + 1..<min(clause.range.upperBound, index + 6)).first(where: { GroupWords.release.contains(list[$0].lower) }),
                      (index + 1..<release).allSatisfy({ GroupWords.releaseDescribers.contains(list[$0].lower) }),
                      (clause.range.lowerBound..<index).contains(where: { GroupWords.asking.contains(list[$0].lower) && !GroupWords.askingParticles.contains(list[$0].lower) }),
                      let person = personEnding(at: index - 1, inSection: clause.section), !persons[person].official else { continue }
                found.append((person, "release-call.possessive-release", text(clause.section, index - 1, release)))
            } else if GroupWords.freedom.contains(word), index + 1 < clause.range.upperBound, GroupWords.freedomFor.contains(list[index + 1].lower) {
                for member in listMembers(placed, in: clause, from: index + 2) where !persons[member.entity].official {
                    found.append((member.entity, "release-call.freedom-for", text(clause.section, index, index + 1)))
                }
            } else if GroupWords.release.contains(word), index + 1 < clause.range.upperBound, GroupWords.objectPronouns.contains(list[index + 1].lower),
                      index > clause.range.lowerBound, GroupWords.releaseTo.contains(list[index - 1].lower) {
                // `… and to release him`: the person named last before it in the clause.
                guard let subject = placed.last(where: { $0.last < index && !persons[$0.entity].official }) else { continue }
                found.append((subject.entity, "release-call.release-him", text(clause.section, index - 1, index + 1)))
            }
        }
        for (person, rule, cue) in found where !called.contains(where: { $0 == (person, clause.section) }) {
            called.append((person, clause.section))
            if releaseCalls.contains(where: { $0.person == persons[person].name }) { continue }
            releaseCalls.append(.init(person: persons[person].name, section: label(clause.section), rules: [RuleBook.hit(rule, cue)]))
        }
    }

    /// The person one of whose mentions in `section` ends at token `last`.
    func personEnding(at last: Int, inSection section: Int) -> Int? {
        let sectionLabel = label(section), end = tokens[section][last].end
        return persons.indices.first { index in persons[index].mentions.contains { $0.section == sectionLabel && $0.end == end } }
    }
}

/// The classes of `Words/group-words.txt` the group-statement rules read.
enum GroupWords {
    static let table: [String: WordSet] = {
        var result: [String: Set<String>] = [:]
        for (entry, tag) in WordLists.entries(PackageResources.group_words_txt) { result[tag, default: []].insert(entry) }
        return result.mapValues { WordSet($0) }
    }()
    static func words(_ kind: String) -> WordSet { table[kind] ?? [] }

    /// The status a verb of what was done to a group gives its members.
    static let statusByVerb: [String: CaseStatus] = {
        var result: [String: CaseStatus] = [:]
        for (kind, status) in [("detained", CaseStatus.detained), ("imprisoned", .imprisoned), ("charged", .charged),
                               ("sentenced", .sentenced), ("at-risk", .atRisk)] {
            for word in words(kind) { result[word] = status }
        }
        return result
    }()
    static func status(_ word: String) -> CaseStatus? { statusVerbs.contains(word) ? statusByVerb[word] : nil }
    static let statusVerbs = WordSet(statusByVerb.keys)

    /// The event a citation's `the … of` names: `arrest`, `arrests`, `sentencing`, `murder`.
    static let citedEvents: [String: CaseStatus] = {
        var result: [String: CaseStatus] = [:]
        for (kind, status) in [("cited-detained", CaseStatus.detained), ("cited-imprisoned", .imprisoned), ("cited-sentenced", .sentenced),
                               ("cited-deceased", .deceased), ("cited-disappeared", .disappeared), ("cited-charged", .charged)] {
            for word in words(kind) { result[word] = status }
        }
        return result
    }()
    static func citedEvent(_ word: String) -> CaseStatus? { citedEventWords.contains(word) ? citedEvents[word] : nil }
    static let citedEventWords = WordSet(citedEvents.keys)

    static let heldNouns = words("held-noun")
    static let abroadBefore = words("abroad-before")
    static let abroadAfter = words("abroad-after")
    static let amongOther = words("among-other")
    static let facing = words("facing")
    static let sentenceNouns = words("sentence-noun")
    static let trialVerbs = words("trial-verb")
    static let receiving = words("receiving")
    static let yearNouns = words("year-noun")
    static let fleeing = words("fleeing")
    static let possessives = words("possessive")
    static let dangers = words("danger")
    static let ordering = words("ordering")
    static let groupRanks = words("group-rank")
    static let copulas = words("copula")
    static let former = words("former")
    static let memberOpeners = words("member-opener")
    static let memberSubjects = words("member-subject")
    static let listStops = words("list-stop")
    static let asking = words("asking")
    static let releaseDescribers = words("release-describer")
    static let exileLead = words("exile-lead"), exile = words("exile"), among = words("among"), definite = words("definite")
    static let other = words("other"), listJoiners = words("list-joiner"), notFacingSentence = words("not-facing-sentence")
    static let trial = words("trial"), of = words("of"), life = words("life"), continuing = words("continuing")
    static let dangerLeads = words("danger-lead"), orderedTo = words("ordered-to"), preTrial = words("pre-trial")
    static let detention = words("detention"), release = words("release"), their = words("their"), freedom = words("freedom")
    static let freedomFor = words("freedom-for"), objectPronouns = words("object-pronoun"), releaseTo = words("release-to")
    static let verbCoordinators = words("verb-coordinator"), hedges = words("hedge"), irregularPlurals = words("irregular-plural")
    static let indefinites = words("indefinite"), nameListFillers = words("name-list-filler"), askingParticles = words("asking-particle")
    static let against = words("against")
    /// Every class the rules read: a test holds the file to these.
    static let classes = ["detained", "imprisoned", "charged", "sentenced", "at-risk", "held-noun", "former", "member-opener",
                          "member-subject", "list-stop", "group-rank", "copula", "abroad-before", "abroad-after", "among-other", "facing", "sentence-noun", "trial-verb", "receiving", "year-noun", "fleeing", "possessive", "danger", "ordering", "asking", "release-describer", "cited-detained", "cited-imprisoned",
                          "cited-sentenced", "cited-deceased", "cited-disappeared",
                          "exile-lead", "exile", "among", "definite", "other", "list-joiner", "not-facing-sentence", "trial", "of",
                          "life", "continuing", "danger-lead", "ordered-to", "pre-trial", "detention", "release", "their", "freedom",
                          "freedom-for", "object-pronoun", "release-to", "verb-coordinator", "hedge", "irregular-plural", "indefinite",
                          "name-list-filler", "asking-particle", "cited-charged", "against"]
}
