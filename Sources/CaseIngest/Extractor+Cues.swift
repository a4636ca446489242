/// Cues: what the text says happened to the persons it names, which
/// organisations they belong to, which articles are applied to whom, and whom
/// an operative paragraph asks to be released.
///
/// Everything is read clause by clause (a clause ends at `;`). A cue is a
/// phrase with a direction: active phrases (`charges against X`, `granted
/// asylum to X`, `former political prisoners X`) point at the names after
/// them; passive and stative ones (`X was shot dead`, `X, who is under house
/// arrest`) at the names before them, and also at a list they introduce
/// (`57 have been charged, including X`). A name takes the nearest cue on
/// each side, so one clause can say different things about different people.
extension EventStage {
    enum CueDirection { case forward, backward }

    enum CueKind: Equatable {
        case status(CaseStatus)
        case releaseCall
    }

    struct CueHit {
        var kind: CueKind
        var first: Int
        var last: Int
        var direction: CueDirection
        var sentence: String?
        /// `… against the latter`: the last person named before the cue.
        var latter = false
        /// `her release`, `charged him`: the person a pronoun stands for.
        var pronoun = false
        /// Said in the present (`remains under a travel ban`): it holds as of the resolution.
        var present = false
        /// A situation with no date of its own (``CuePattern/undated``): said as of the resolution, never
        /// dated by a date written near it.
        var undated = false
        /// An event named by its noun (`the arrest of X`, `X’s detention`): only a date written after
        /// it is its own; a date before belongs to the clause's verb (`on 10 May the court found that
        /// X’s detention was unlawful`).
        var nominal = false
        /// The rule of the pattern that read the cue (``RuleBook/cueRules``).
        var rule = ""
        /// Further rules that shaped the cue (`killed or died`, `charged him with`).
        var extraRules: [String] = []
    }

    /// A person, organisation or provision mention placed on a clause's tokens.
    struct Placed {
        var entity: Int
        var first: Int
        var last: Int
    }

    /// Statuses from the most to the least specific: when one document says
    /// several things about a person, the most specific is their status.
    static let statusRank: [CaseStatus] = [
        .deceased, .disappeared, .asylumGranted, .inExile, .released, .acquitted, .chargesDropped, .sentenced,
        .imprisoned, .preTrialDetention, .houseArrest, .restrictedLiberty, .onTrial, .charged, .detained, .atRisk, .atLarge,
    ]

    /// Words that may stand between an auxiliary and its participle: `was herself detained`.
    static let insertions = StoryWords.insertions
    static let pronouns = EventWords.words("stand-in")
    static let auxiliaries = EventWords.words("auxiliary")
    static let negations = EventWords.words("negation")
    /// A condition right before the participle (`if convicted`, `unless released`): what would follow, not what did.
    static let conditionals = EventWords.words("conditional")
    /// A modal before the participle (`should never have been detained`, `could be executed`)
    /// says what ought to or might happen, not what did.
    static let modals = EventWords.words("modal")
    static let charging = EventWords.words("charging")
    static let ending = EventWords.words("ending")
    static let endedPast = EventWords.words("ended-past")
    /// Nouns that name an event of a person's case: `the arrest of X`, `her conviction`, `X’s detention`
    /// (`Words/event-nouns.txt`).
    static let eventNouns = WordLists.eventNouns
    static let approving = EventWords.approving
    /// Every word a cue pattern is read at (``cuePatterns``): other words are skipped at once.
    static let cueWords = Set(cuePatternsByWord.keys)

    // MARK: - Run memo


    /// What a person may be at risk of: `at imminent risk of execution`.
    static let riskEvents = EventWords.words("risk-event")

    /// Words after which a call for release no longer reaches the names that follow.
    static let callStops = EventWords.words("call-stop")
    /// Words that make a clause with a person and no article worth reading for a quoted offence.
    static let offenceChargeWords = EventWords.words("offence-charge")
    /// After `and`, words that start a new request: `and calls for`, `and to`.
    /// (Asked only after `and`, as ``yearLeads`` only before a year: not word classes, which would
    /// look up the commonest words of every text.)
    static let newRequests = EventWords.words("new-request")
    /// Words before a bare year that make it an event's date: `in 2020`, `since 2021`.
    static let yearLeads = EventWords.words("year-lead")
    /// `with` after a name whose verb was left out (`and B with Y`, ``EventStage/findCues()``'s `event.charged-gapped`).
    static let gappedWith = EventWords.words("with")


    /// What the cue and charge readers work out once per run and ask for clause after clause
    /// (filled by ``prepareCues()`` when cues are read: every mention is placed by then).
    final class CueMemo {
        /// Each section's tokens' word classes (``CueWordClass``), by section and token index.
        var classes: [[CueWordClass]] = []
        /// The persons (`’s` mentions left out as ``placed(_:in:skipPossessive:)`` does),
        /// organisations and provisions placed on each clause, by index in `clauses`.
        var persons: [[Placed]] = []
        var organisations: [[Placed]] = []
        var provisions: [[Placed]] = []
        /// Each clause's written dates, found on first ask.
        var dates: [[WrittenDate]?] = []
        /// The indices in `clauses` of the clauses outside footnotes, the ones read for cues.
        var bodyClauses: [Int] = []
    }

    /// Fills ``cueMemo``: the word classes of every token and the mentions placed on every clause.
    func prepareCues() {
        cueMemo.classes = tokenClasses.cue
        cueMemo.persons = placedByClause(persons.map(\.mentions), skipPossessive: true)
        cueMemo.organisations = placedByClause(organisations.map(\.mentions), skipPossessive: false)
        cueMemo.provisions = placedByClause(provisions.map(\.mentions), skipPossessive: false)
        cueMemo.dates = Array(repeating: nil, count: clauses.count)
        cueMemo.bodyClauses = clauses.indices.filter { isBody(clauses[$0].section) }
    }

    /// The persons, organisations and provisions placed on clause `clauseIndex` (found once per run).
    func placedPersons(inClause clauseIndex: Int) -> [Placed] { cueMemo.persons[clauseIndex] }

    func placedOrganisations(inClause clauseIndex: Int) -> [Placed] { cueMemo.organisations[clauseIndex] }

    func placedProvisions(inClause clauseIndex: Int) -> [Placed] { cueMemo.provisions[clauseIndex] }

    /// The dates clause `clauseIndex` writes (``writtenDates(in:)``), found once.
    func dates(inClause clauseIndex: Int) -> [WrittenDate] {
        if let found = cueMemo.dates[clauseIndex] { return found }
        let found = writtenDates(in: clauses[clauseIndex])
        cueMemo.dates[clauseIndex] = found
        return found
    }

    /// ``placed(_:in:skipPossessive:)`` for every clause at once, by index in `clauses`: each
    /// mention is taken to the one clause whose offsets can hold it, not tried on every clause.
    /// Each clause's list is the same, in the same order, as that function gives.
    func placedByClause(_ mentions: [[Extraction.Mention]], skipPossessive: Bool) -> [[Placed]] {
        // The offsets each non-empty clause spans, in clause order.
        var starts: [Int] = [], ends: [Int] = [], owners: [Int] = []
        starts.reserveCapacity(clauses.count)
        ends.reserveCapacity(clauses.count)
        owners.reserveCapacity(clauses.count)
        for (index, clause) in clauses.enumerated() where !clause.range.isEmpty {
            let list = tokens[clause.section]
            let start = list[clause.range.lowerBound].start
            // Spans that overlap or go back (never seen): ask every clause, as ``placed`` does.
            if let previous = ends.last, previous >= start {
                return clauses.map { placed(mentions, in: $0, skipPossessive: skipPossessive) }
            }
            starts.append(start)
            ends.append(list[clause.range.upperBound - 1].end)
            owners.append(index)
        }
        var result = [[Placed]](repeating: [], count: clauses.count)
        for (entity, entityMentions) in mentions.enumerated() {
            for mention in entityMentions {
                // The last clause starting at or before the mention: the only one that may hold it.
                var low = 0, high = starts.count
                while low < high {
                    let middle = (low + high) / 2
                    if starts[middle] <= mention.start { low = middle + 1 } else { high = middle }
                }
                guard low > 0, mention.end <= ends[low - 1] else { continue }
                let owner = owners[low - 1]
                let section = clauses[owner].section
                let list = tokens[section]
                guard let first = tokenIndex(section, start: mention.start), clauses[owner].range.contains(first),
                      let last = tokenIndex(section, end: mention.end), last >= first else { continue }
                if skipPossessive, last + 1 < list.count, list[last + 1].isPossessive,
                   !(last + 2 < list.count && Self.eventNouns[list[last + 2].lower] != nil) { continue }
                result[owner].append(Placed(entity: entity, first: first, last: last))
            }
        }
        for owner in result.indices where result[owner].count > 1 { result[owner].sort { $0.first < $1.first } }
        return result
    }

    mutating func findCues() {
        var hitsByPerson: [Int: [PersonHit]] = [:]
        var called: [(person: Int, section: Int)] = []
        /// The rules of each person's calls for release, by person: the calling pattern and how it reached them.
        var callRules: [Int: [RuleHit]] = [:]
        func noteCall(_ person: Int, _ cue: CueHit, _ clause: Clause, tie: String) {
            let words = text(clause.section, cue.first, cue.last)
            for hit in [RuleHit(cue.rule, text: words), RuleHit(tie, text: words)] where !(callRules[person] ?? []).contains(hit) {
                callRules[person, default: []].append(hit)
            }
        }
        var lastPerson: (section: Int, entity: Int)?
        var lastGroup: [Int] = []
        /// Clauses whose `he` or `she` stands for the one person of the recital before (``opensRecital(_:after:)``).
        var recitalPronouns: Set<Int> = []
        /// Clauses whose retrial, naming nobody, is of the one person of the recital before (`event.retrial-of-the-case`).
        var retrialCases: Set<Int> = []
        // Persons' mentions do not change while cues are read: placed on every clause once.
        prepareCues()
        for clauseIndex in cueMemo.bodyClauses {
            let clause = clauses[clauseIndex]
            let classes = cueMemo.classes[clause.section]
            var people = placedPersons(inClause: clauseIndex)
            let written = people  // the clause's names as written, before pronouns stand in
            // `whereas she was sentenced`: a pronoun subject is the person named last before it in the section.
            if let pronoun = clause.range.first(where: { classes[$0].contains(.heOrShe) }),
               pronoun - clause.range.lowerBound <= 12, people.first.map({ $0.first > pronoun }) ?? true,
               let previous = lastPerson, !persons[previous.entity].official {
                if previous.section == clause.section {
                    people.insert(Placed(entity: previous.entity, first: pronoun, last: pronoun), at: 0)
                } else if opensRecital(clauseIndex, after: previous.section), namesOnly(previous.entity, before: clauseIndex) {
                    // `B. whereas on 3 May he was sentenced`: a recital opening with `he` or `she` continues the
                    // recital just before, when that one named one person only (`event.pronoun-opens-recital`).
                    people.insert(Placed(entity: previous.entity, first: pronoun, last: pronoun), at: 0)
                    recitalPronouns.insert(clauseIndex)
                }
            }
            // `they were released`, `ordered their detention`, `all of whom`: the last list of people named.
            let clauseCues = cueHits(in: clause)
            // `C. whereas the High Court ordered a retrial in January 2029`: a retrial ordered in a recital naming
            // nobody is of the case the recital just before spoke of, when it spoke of one person only.
            if people.isEmpty, let previous = lastPerson, !persons[previous.entity].official,
               clauseCues.contains(where: { $0.rule == "event.ordered-retrial" }), opensRecital(clauseIndex, after: previous.section),
               namesOnly(previous.entity, before: clauseIndex) {
                people = [Placed(entity: previous.entity, first: clause.range.lowerBound, last: clause.range.lowerBound)]
                retrialCases.insert(clauseIndex)
            }
            if let pronoun = clause.range.first(where: { position in
                   let word = classes[position]
                   if word.contains(.they) { return position - clause.range.lowerBound <= 8 || relativeThey(position, in: clause) }
                   if word.contains(.them), position >= 2, !classes[position - 2].isDisjoint(with: [.everyone, .none]) {
                       return position - clause.range.lowerBound <= 8
                   }
                   if word.contains(.their) { return clauseCues.contains { $0.first == position || $0.first == position + 1 } }
                   // `released 222 political prisoners and expelled them`: them is the group counted there.
                   if word.contains(.them) { return clauseCues.contains { $0.last + 1 == position } && !countsGroup(in: clause, before: position) }
                   return word.contains(.whom)
               }),
               people.allSatisfy({ $0.first > pronoun }) || classes[pronoun].contains(.whom)
                || objectThemOfList(pronoun, in: clause, cues: clauseCues, people: people) != nil {
                // `all of them` opening a section: everyone the section before named (clauses are in text order).
                let opensSection = clauseIndex == 0 || clauses[clauseIndex - 1].section != clause.section
                let everyone = pronoun >= 2 && classes[pronoun - 2].contains(.everyone)
                // (real2) `A and B … the verdict against them`: the list named before in the clause; its names keep their own places.
                let listBefore = objectThemOfList(pronoun, in: clause, cues: clauseCues, people: people)
                let group = listBefore != nil ? listBefore!
                    : classes[pronoun].contains(.whom)
                    ? people.filter { $0.last < pronoun && !persons[$0.entity].official }.map(\.entity)
                    : everyone && opensSection && clause.section > 0 ? personsNamed(inSection: clause.section - 1)
                    : lastGroup
                if group.count >= 2 {
                    lastGroup = group  // `their` in the next clause means them again
                    let placedGroup = group.map { Placed(entity: $0, first: pronoun, last: pronoun) }
                    if listBefore == nil { people.removeAll { person in group.contains(person.entity) && person.last < pronoun } }
                    people.insert(contentsOf: placedGroup, at: people.firstIndex { $0.first > pronoun } ?? people.count)
                }
            }
            let named = Set(people.filter { !persons[$0.entity].official && !classes[$0.first].contains(.pronoun) }.map(\.entity))
            if named.count >= 2 { lastGroup = people.map(\.entity).filter(named.contains) }
            let standIns = people.filter { $0.first == $0.last && classes[$0.first].contains(.pronoun) }
            if !standIns.isEmpty { pronounSubjects[clauseIndex] = standIns }
            let allCues = clauseCues
            let cues = allCues.filter { !$0.pronoun }
            // `calls for her immediate release`: the person named last before the possessive.
            for cue in cues where cue.kind == .releaseCall {
                let before = wordsBefore(clause.section, cue.first, in: clause, count: 4).map(\.lower)
                let object = word(clause.section, cue.last + 1, in: clause)
                if before.contains(where: EventWords.possessiveOne.contains) || object.map(EventWords.objectPronoun.contains) == true,
                   let subject = people.last(where: { $0.last < cue.first })?.entity ?? lastPerson.map(\.entity),
                   !called.contains(where: { $0 == (subject, clause.section) }) {
                    called.append((subject, clause.section))
                    noteCall(subject, cue, clause, tie: "release-call.possessive")
                }
                // `to release all political prisoners, including A, B and C`: every name after the call.
                let stop = (cue.last + 1..<clause.range.upperBound).first { position in
                    classes[position].contains(.callStop)
                        || (EventWords.and.contains(tokens[clause.section][position].lower) && position + 1 < clause.range.upperBound
                            && Self.newRequests.contains(tokens[clause.section][position + 1].lower))
                } ?? clause.range.upperBound
                for person in people where person.first > cue.last && person.last < stop && !persons[person.entity].official
                    && !cues.contains(where: { $0.kind != .releaseCall && $0.first > cue.last && $0.last < person.first && $0.direction == .forward
                        && { if case .status(let status) = $0.kind { return status == .chargesDropped || status == .charged } else { return false } }($0) })
                    && !called.contains(where: { $0 == (person.entity, clause.section) }) {
                    called.append((person.entity, clause.section))
                    noteCall(person.entity, cue, clause, tie: "release-call.names-after-call")
                }
            }
            // A later `he` or `she` most often continues the clause's subject: its first person.
            if let topic = people.first(where: { !persons[$0.entity].official }) { lastPerson = (clause.section, topic.entity) }
            findMemberships(inClause: clauseIndex, people: people)
            // `until her release`, `charged him with`: the last person named before the pronoun.
            for cue in allCues where cue.pronoun {
                guard case .status = cue.kind else { continue }
                // `to drop all charges against him`: an operative paragraph's call, as for a name.
                if document.sections[clause.section].kind == .paragraph && Self.contextInCalls(cue) { continue }
                // `their` and `them` stand for the list placed at the pronoun; `his` and `her` for one person.
                let standIns = people.filter { $0.first == $0.last && $0.first >= cue.first - 1 && $0.first <= cue.last + 1
                    && EventWords.pluralStandIn.contains(tokens[clause.section][$0.first].lower) }.map(\.entity)
                // `his` and `her` continue the clause's subject, not a relative named in passing (`his daughter, X`).
                let subjects = !standIns.isEmpty ? standIns
                    : [people.first(where: { $0.last < cue.first && !persons[$0.entity].official && !isRelative($0, in: clause) })?.entity
                        ?? (lastPerson?.section == clause.section ? lastPerson?.entity : nil)].compactMap { $0 }
                for subject in subjects {
                    hitsByPerson[subject, default: []].append(personHit(
                        cue, clauseIndex: clauseIndex, among: allCues, tie: "event.possessive-pronoun"))
                }
            }
            guard !cues.isEmpty, !people.isEmpty else { continue }
            for person in people {
                for cue in cuesFor(person, among: cues, in: clause, named: written) {
                    if cue.kind == .releaseCall {
                        if !called.contains(where: { $0 == (person.entity, clause.section) }) {
                            called.append((person.entity, clause.section))
                            noteCall(person.entity, cue, clause, tie: "release-call.name-beside-call")
                        }
                    } else if document.sections[clause.section].kind != .paragraph || !Self.contextInCalls(cue) {
                        // Operative paragraphs ask and condemn (`to drop the charges against X`, `persons detained
                        // for …, including X`): detention and charges said there are the call's context, not a
                        // statement; what they welcome or report (`former political prisoners X`) still counts.
                        let tie = retrialCases.contains(clauseIndex) ? "event.retrial-of-the-case"
                            : classes[person.first].contains(.they) && relativeThey(person.first, in: clause)
                                && person.first - clause.range.lowerBound > 8 ? "event.group-pronoun-relative"
                            : classes[person.first].contains(.heOrShe)
                            ? (recitalPronouns.contains(clauseIndex) ? "event.pronoun-opens-recital" : "event.pronoun-subject")
                            : classes[person.first].contains(.pronoun) ? "event.group-pronoun" : nil
                        var hit = personHit(cue, clauseIndex: clauseIndex, among: cues, tie: tie)
                        // `event.official-held`: `whereas President X is under house arrest`: the office-holder held is a case.
                        // (the holder alone: `the Prosecutor-General A, the judge B … were sentenced` names office-holders as such)
                        // (a refusal to release, `event.release-refused`, names the one held after it, in any section)
                        let refused = cue.rule == "event.release-refused"
                        if persons[person.entity].official, tie == nil, cue.direction == .backward || refused, !isRelative(cue, in: clause),
                           document.sections[clause.section].kind == .recital || refused, case .status(let status) = cue.kind,
                           Self.heldStatuses.contains(status) || status == .inExile,
                           !written.contains(where: { $0.first > person.last && $0.first < cue.first }),
                           !written.contains(where: { $0.last < person.first && $0.entity != person.entity
                               && !isObjectOfPreposition($0, in: clause) && !newStatementBetween($0.last, person.first, in: clause) }) {
                            persons[person.entity].official = false
                            hit.rules.append(RuleHit("event.official-held", text: hit.cue))
                            if lastPerson?.section != clause.section { lastPerson = (clause.section, person.entity) }
                        }
                        hitsByPerson[person.entity, default: []].append(hit)
                    }
                }
            }
            // `A has been charged with X and B with Y`: the verb left out after `and` is the charge's.
            for cue in cues where cue.kind == .status(.charged) && cue.direction == .backward
                && people.contains(where: { $0.last < cue.first }) {
                let list = tokens[clause.section]
                for person in people where person.first > cue.last + 1 && person.last + 1 < clause.range.upperBound
                    && EventWords.and.contains(list[person.first - 1].lower) && Self.gappedWith.contains(list[person.last + 1].lower)
                    && !persons[person.entity].official
                    && !cues.contains(where: { $0.first > cue.last && $0.first < person.first }) {
                    hitsByPerson[person.entity, default: []].append(personHit(cue, clauseIndex: clauseIndex, among: cues, tie: "event.charged-gapped"))
                }
            }
            for cue in cues where cue.latter {
                guard let person = people.last(where: { $0.last < cue.first }) else { continue }
                hitsByPerson[person.entity, default: []].append(personHit(cue, clauseIndex: clauseIndex, among: cues, tie: "event.the-latter"))
            }
        }
        findGroupStatements(hits: &hitsByPerson, called: &called)
        // What titles and citations name (`on the verdict against A`): Extractor+Citations.swift.
        findTitleAndCitationSteps(hits: &hitsByPerson)
        for (person, section) in called {
            if let index = releaseCallIndex(person: persons[person].name) {
                if releaseCalls[index].section != label(section), !releaseCalls[index].also.contains(label(section)) {
                    releaseCalls[index].also.append(label(section))
                }
                for hit in callRules[person] ?? [] where !releaseCalls[index].rules.contains(hit) { releaseCalls[index].rules.append(hit) }
                continue
            }
            releaseCalls.append(.init(person: persons[person].name, section: label(section), rules: callRules[person] ?? []))
            // A call for someone's release says they are a case, whatever office they held.
            persons[person].official = false
        }
        for person in persons.indices where persons[person].official { hitsByPerson[person] = nil }
        // One event per step of the person's story (``storySteps(of:hits:)``), in story order.
        for person in persons.indices {
            let hits = (hitsByPerson[person] ?? []).sorted { ($0.section, $0.hit.first) < ($1.section, $1.hit.first) }
            if hits.isEmpty, let call = called.first(where: { $0.person == person }) {
                var status = Extraction.StatusCue(
                    person: persons[person].name, status: CaseStatus.detained.rawValue, evidence: "stated",
                    section: label(call.section), cue: "release called for", sentence: nil,
                    note: Extraction.StatusCue.releaseCallNote)
                status.rules = [RuleHit("event.implied-by-release-call", text: callRules[person]?.first?.text ?? "release")]
                statuses.append(status)
                continue
            }
            let firstEntry = statuses.count
            statuses.append(contentsOf: storySteps(of: person, hits: hits))
            // An undated cue no more specific than a dated one of the same person would,
            // dated by the resolution, wrongly read as the latest: it stays in that event's note.
            if let mostSpecific = statuses[firstEntry...].filter({ $0.date != nil }).min(by: { Self.rank(of: $0.status) < Self.rank(of: $1.status) }),
               let keeper = statuses[firstEntry...].firstIndex(where: { $0.status == mostSpecific.status && $0.date != nil }) {
                // A cue in the present (`remains under a travel ban`, `is held`) holds as of the resolution: never folded.
                // Nor is a step the story places (bounds from the dated steps around it).
                // Nor a step told as a repetition after it (`a new case against him`): it is the later step.
                let folded = statuses[firstEntry...].indices.filter { index in
                    statuses[index].date == nil && Self.rank(of: statuses[index].status) >= Self.rank(of: mostSpecific.status)
                        && !statuses[index].present && statuses[index].dateAfter == nil && statuses[index].dateBefore == nil
                        && !(index > keeper && Self.toldAgain(statuses[index]))
                }
                for index in folded {
                    let line = "\(statuses[index].status): \(statuses[index].cue) (\(statuses[index].section))"
                    statuses[index].rules.append(RuleHit("event.step-folded", text: statuses[keeper].cue))
                    statuses[keeper].rules.append(RuleHit("event.step-folded", text: statuses[index].cue))
                    statuses[keeper].note = (statuses[keeper].note.map { $0 + "; " } ?? "also: ") + line
                    if statuses[keeper].sentence == nil { statuses[keeper].sentence = statuses[index].sentence }
                    statuses[index].supersededBy = statuses[keeper].status
                }
            }
            // `charged` says nothing of liberty once the same resolution says more (`detained`, `sentenced`).
            if let keeper = statuses[firstEntry...].indices.filter({ statuses[$0].supersededBy == nil
                    && Self.rank(of: statuses[$0].status) < Self.rank(of: CaseStatus.charged.rawValue) }).last {
                // A charge already folded into a dated event's note goes too: it is said there.
                // A charge the story dates or places is a step of its own (`charged on 3 May`, `was subsequently charged`).
                // So is a new charge told after it (`a new case against him` after the charges were dropped).
                let charged = statuses[firstEntry...].indices.filter { statuses[$0].status == CaseStatus.charged.rawValue
                    && statuses[$0].date == nil && statuses[$0].dateAfter == nil && statuses[$0].dateBefore == nil
                    && !($0 > keeper && Self.toldAgain(statuses[$0])) }
                for index in charged where statuses[index].supersededBy == nil {
                    let line = "charged: \(statuses[index].cue) (\(statuses[index].section))"
                    statuses[keeper].rules.append(RuleHit("event.charge-as-note", text: statuses[index].cue))
                    statuses[keeper].note = (statuses[keeper].note.map { $0 + "; " } ?? "also: ") + line
                }
                // The charge itself is in `charges`; as a status it is only a note here.
                for index in charged.reversed() { statuses.remove(at: index) }
            }
            // An office of civil society did not make the person an official: said on each of their steps.
            if let office = civilSocietyOffices[person] {
                for index in statuses[firstEntry...].indices { statuses[index].rules.append(office) }
            }
            // Each step's place in the story, counted again once charges are gone.
            for (offset, index) in statuses[firstEntry...].indices.enumerated() { statuses[index].step = offset + 1 }
        }
        findCharges()
    }

    /// The statuses that say the one they speak of is held: an office-holder held is a case (`event.official-held`;
    /// so is one driven into exile, read beside them).
    /// (Not a sentence: an office-holder sentenced, `whereas Tomas Berg, President of the Supreme Court, was
    /// sentenced`, stays an official without a step, as the development corpus has it.)
    static let heldStatuses: Set<CaseStatus> = [.detained, .houseArrest, .imprisoned, .preTrialDetention]

    /// `event.group-pronoun-relative`: `they` right after a preposition and a relative (`the trials to
    /// which they were subjected`) is a subject of the relative clause, a group of people named before.
    func relativeThey(_ position: Int, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        return position >= clause.range.lowerBound + 2 && EventWords.trialRelative.contains(list[position - 1].lower)
            && EventWords.relativePreposition.contains(list[position - 2].lower)
    }

    /// `event.new-statement`: `whereas A took power, and whereas B was forced to leave`: a `whereas` between a
    /// name and a cue opens a statement of its own, so the cue does not speak of the name (read only over the
    /// words between the two).
    func newStatementBetween(_ from: Int, _ to: Int, in clause: Clause) -> Bool {
        guard from + 1 < to else { return false }
        let list = tokens[clause.section]
        // Only a `whereas` joined by a comma or `and` to words before it (not the one opening the clause).
        return (max(from + 1, clause.range.lowerBound + 1)..<to).contains {
            list[$0].isWord && EventWords.newStatement.contains(list[$0].lower)
                && (list[$0 - 1].text == "," || EventWords.and.contains(list[$0 - 1].lower))
        }
    }

    /// The veto `event.relative-of-group` (real5; named in real6: a veto stops a tie, so no claim carries
    /// it, and `EventRuleTableTests` holds its example to making no claim) `X witnessed … violence against a group of travellers who had come … and
    /// who were arrested`: the relative of a cue (past the `and who` of a chain) stands after a plural noun
    /// of its own, more than ten tokens after the name: it speaks of that noun, not of the name.
    func relativeOfGroup(_ cue: CueHit, after person: Placed, named: [Placed], in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        var who = EventWords.who.contains(list[cue.first].lower) ? cue.first
            : cue.first > clause.range.lowerBound && EventWords.who.contains(list[cue.first - 1].lower) ? cue.first - 1 : nil
        guard var relative = who else { return false }
        // `… who had attended the match and who were arrested`: back to the first relative of the chain.
        while relative - 1 > person.last, EventWords.and.contains(list[relative - 1].lower),
              let earlier = (person.last + 1..<relative - 1).last(where: { EventWords.who.contains(list[$0].lower) }) {
            relative = earlier
        }
        who = relative
        var antecedent = relative - 1
        if antecedent > person.last, list[antecedent].text == "," { antecedent -= 1 }
        guard antecedent - person.last > 10 else { return false }
        let noun = list[antecedent]
        guard noun.isWord, noun.lower.hasSuffix("s"), noun.lower.count > 3 else { return false }
        return !named.contains { $0.first <= antecedent && $0.last >= antecedent }
    }

    /// (real2) `A and B are harassed and the court deferred the verdict against them`: a plural object
    /// pronoun right after a cue, in a clause that named two or more persons before it (none after),
    /// stands for those persons (`event.group-pronoun`).
    func objectThemOfList(_ pronoun: Int, in clause: Clause, cues: [CueHit], people: [Placed]) -> [Int]? {
        guard cueMemo.classes[clause.section][pronoun].contains(.them), cues.contains(where: { $0.last + 1 == pronoun && $0.direction == .forward }),
              !people.contains(where: { $0.first > pronoun }) else { return nil }
        var group: [Int] = []
        for person in people where person.last < pronoun && !persons[person.entity].official && !group.contains(person.entity) {
            group.append(person.entity)
        }
        return group.count >= 2 ? group : nil
    }

    /// Whether a step was read as told again (`event.step-again`).
    static func toldAgain(_ status: Extraction.StatusCue) -> Bool {
        status.rules.contains { $0.id == "event.step-again" }
    }

    /// One cue about one person, with its date and the rules that read, tied and dated it.
    func personHit(_ cue: CueHit, clauseIndex: Int, among cues: [CueHit], tie: String?) -> PersonHit {
        let clause = clauses[clauseIndex]
        let words = text(clause.section, cue.first, cue.last)
        var rules = [RuleHit(cue.rule, text: words)]
        for extra in cue.extraRules where !rules.contains(where: { $0.id == extra }) { rules.append(RuleHit(extra, text: words)) }
        if cue.pronoun { rules.append(RuleHit("event.possessive-pronoun", text: words)) }
        if let tie, !rules.contains(where: { $0.id == tie }) { rules.append(RuleHit(tie, text: words)) }
        let dated = cue.undated ? nil : datedBy(cue, among: cues, in: clause, dates: dates(inClause: clauseIndex))
        if let dated {
            rules.append(dated.rule)
            if let shape = dated.shape { rules.append(shape) }
        }
        return PersonHit(hit: cue, section: clause.section, clause: clauseIndex, cue: words, date: dated?.date, rules: rules)
    }

    /// A date written in a clause: `on 4 May 2023`, `in May 2023`, `since 2020`.
    struct WrittenDate {
        var first: Int
        var last: Int
        var date: PartialDate
        /// The rule that read a date a noun would otherwise own (``RuleBook/eventDateRules``): `event.date-during`,
        /// `event.date-time-of-day`; nil for a plain date.
        var shape: String? = nil
    }

    /// The dates a clause writes as event dates (`of November 2020`, a date
    /// that qualifies a noun, is not one).
    func writtenDates(in clause: Clause) -> [WrittenDate] {
        let section = clause.section
        let list = tokens[section]
        var found: [WrittenDate] = []
        var index = clause.range.lowerBound
        let classes = cueMemo.classes[section]
        // Only a token starting with a digit reads as a number; only a month name as a month.
        func number(_ position: Int) -> Int? { list[position].startsWithNumber ? Int(list[position].text) : nil }
        // `event.date-ordinal-day`: `13th`, `1st`: a day with its ordinal ending.
        var ordinalShape = false
        func dayNumber(_ position: Int) -> Int? {
            if let plain = number(position) { return plain }
            let text = list[position].lower
            guard list[position].startsWithNumber, text.count == 3 || text.count == 4,
                  EventWords.ordinalEnding.contains(String(text.suffix(2))), let day = Int(text.dropLast(2)) else { return nil }
            ordinalShape = true
            return day
        }
        func month(_ position: Int) -> Int? { classes[position].contains(.month) ? PartialDate.month(named: list[position].lower) : nil }
        func year(_ position: Int) -> Int? {
            guard position < clause.range.upperBound, list[position].startsWithNumber, list[position].text.count == 4,
                  let value = Int(list[position].text), (1900...2100).contains(value) else { return nil }
            return value
        }
        // The year a day and month without one (`arrested on 13 November, a few days before the
        // elections`) fall in: the resolution's, or the year before when that would be after it.
        // (a text with neither an adoption date nor a procedure number takes its tabling date's year.)
        let referenceYear = document.adopted?.year ?? document.procedure.flatMap { Int($0.prefix(4)) } ?? document.tabled?.year
        // `on the night of 11-12 January`: after a time of day and its `of`, the first day of a span of two.
        func spanFirstDay(_ position: Int) -> Int? {
            guard list[position].startsWithNumber, list[position].text.count <= 5 else { return nil }
            let parts = list[position].text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]),
                  (1...31).contains(first), (1...31).contains(second), first < second else { return nil }
            return first
        }
        while index < clause.range.upperBound {
            var date: PartialDate?
            var last = index
            let timeOfDay = index >= clause.range.lowerBound + 2 && StoryWords.possessors.contains(list[index - 1].lower)
                && StoryWords.timeOfDay.contains(list[index - 2].lower)
            if timeOfDay, let day = spanFirstDay(index), index + 1 < clause.range.upperBound, let month = month(index + 1) {
                if let value = year(index + 2) {
                    date = try? PartialDate(year: value, month: month, day: day)
                    last = index + 2
                } else if var value = referenceYear {
                    if let adopted = document.adopted, let candidate = try? PartialDate(year: value, month: month, day: day), adopted < candidate {
                        value -= 1
                    }
                    date = try? PartialDate(year: value, month: month, day: day)
                    last = index + 1
                }
            } else if let day = dayNumber(index), (1...31).contains(day), index + 2 < clause.range.upperBound,
               let month = month(index + 1), let value = year(index + 2) {
                // `between 15 and 19 November 2020`: the month, not the last day.
                let range = index >= clause.range.lowerBound + 3 && StoryWords.rangeJoin.contains(list[index - 1].lower)
                    && number(index - 2) != nil && StoryWords.rangeOpen.contains(list[index - 3].lower)
                date = range ? try? PartialDate(year: value, month: month) : try? PartialDate(year: value, month: month, day: day)
                last = index + 2
            } else if let day = number(index), (1...31).contains(day), index + 1 < clause.range.upperBound, let month = month(index + 1),
                      list[index].text.count <= 2, let reference = referenceYear,
                      !(index + 2 < clause.range.upperBound && list[index + 2].startsWithNumber) {
                var value = reference
                if let adopted = document.adopted, let candidate = try? PartialDate(year: value, month: month, day: day), adopted < candidate {
                    value -= 1
                }
                date = try? PartialDate(year: value, month: month, day: day)
                last = index + 1
            } else if let month = month(index), list[index].isCapitalised, index + 1 < clause.range.upperBound,
                      let day = dayNumber(index + 1), (1...31).contains(day), list[index + 1].text.count <= 4 {
                // `on January 20, 2015`, `on January 20`: the month first; `since February 13th 2023`, with no comma.
                let withYear = index + 3 < clause.range.upperBound && list[index + 2].text == "," ? year(index + 3) : nil
                let bareYear = withYear == nil && index + 2 < clause.range.upperBound ? year(index + 2) : nil
                if let value = withYear {
                    date = try? PartialDate(year: value, month: month, day: day)
                    last = index + 3
                } else if let value = bareYear {
                    date = try? PartialDate(year: value, month: month, day: day)
                    last = index + 2
                    ordinalShape = true
                } else if var value = referenceYear, !(index + 2 < clause.range.upperBound && list[index + 2].startsWithNumber) {
                    if let adopted = document.adopted, let candidate = try? PartialDate(year: value, month: month, day: day), adopted < candidate {
                        value -= 1
                    }
                    date = try? PartialDate(year: value, month: month, day: day)
                    last = index + 1
                }
            } else if let month = month(index), list[index].isCapitalised, let value = year(index + 1) {
                date = try? PartialDate(year: value, month: month)
                last = index + 1
            } else if let value = year(index), index > clause.range.lowerBound, Self.yearLeads.contains(list[index - 1].lower) {
                date = try? PartialDate(year: value)
            }
            if let date {
                let previous = index > clause.range.lowerBound ? list[index - 1].lower : ""
                // `of November 2020`, `the September 2014 murder`: a date that qualifies a noun; but the noun
                // of a time of day (`the night of 11-12 January`), or of an event a step happened during
                // (`detained during the crackdown of March 2003`), gives the step's own date.
                if !StoryWords.possessors.contains(previous) {
                    found.append(WrittenDate(first: index, last: last, date: date, shape: ordinalShape ? "event.date-ordinal-day" : nil))
                } else if timeOfDay {
                    found.append(WrittenDate(first: index, last: last, date: date, shape: "event.date-time-of-day"))
                } else if date.day != nil, index >= clause.range.lowerBound + 2, StoryWords.dateOn.contains(list[index - 2].lower) {
                    // `on the 4 May 2029`: `on` makes the day a step's date, though an article stands between.
                    found.append(WrittenDate(first: index, last: last, date: date, shape: "event.date-on-the-day"))
                } else if (max(clause.range.lowerBound, index - 6)..<index).contains(where: { StoryWords.during.contains(list[$0].lower) }) {
                    found.append(WrittenDate(first: index, last: last, date: date, shape: "event.date-during"))
                }
                index = last + 1
            } else {
                index += 1
            }
            ordinalShape = false
        }
        return found
    }

    /// The date written next to a cue: the nearest one after it (`was arrested
    /// on 4 May 2023`), else before it (`on 4 May 2023 police arrested`), with
    /// no other cue in between.
    /// (`dates`: the clause's ``writtenDates(in:)``.)
    /// Gives the date with the rule that found it (``RuleBook/eventDateRules``) on the date's words, and the
    /// rule that read a date a noun would otherwise own (`shape`).
    func datedBy(_ cue: CueHit, among cues: [CueHit], in clause: Clause, dates: [WrittenDate])
        -> (date: PartialDate, rule: RuleHit, shape: RuleHit?)? {
        func hit(_ written: WrittenDate, _ rule: String) -> (date: PartialDate, rule: RuleHit, shape: RuleHit?) {
            let words = text(clause.section, written.first, written.last)
            return (written.date, RuleHit(rule, text: words), written.shape.map { RuleHit($0, text: words) })
        }
        guard !dates.isEmpty else { return nil }
        let others = cues.filter { $0.first != cue.first || $0.last != cue.last }
        let list = tokens[clause.section]
        // `was sentenced on 9 June 2023 to five years`: a date inside the cue's own words.
        if let inside = dates.first(where: { $0.first > cue.first && $0.last < cue.last }) { return hit(inside, "event.date-inside-cue") }
        // `remained in detention until 22 April 2024`: the end of a situation is not its step's date.
        if let after = dates.first(where: { $0.first > cue.last && $0.first - cue.last <= 12 }),
           !(after.first > clause.range.lowerBound && StoryWords.until.contains(list[after.first - 1].lower)),
           // (custody on charges, `detained on terrorism charges in March 2029`, describes the custody: no other event)
           !others.contains(where: { $0.first > cue.last && $0.first < after.first && $0.rule != "event.held-on-charges" }),
           !opensNewSubject(in: clause, from: cue.last + 1, to: after.first) {
            return hit(after, "event.date-after-cue")
        }
        // A date before the cue dates it unless it is another cue's own date, written
        // just after that cue (`arrested on 4 May and sentenced`); a date opening the
        // clause (`on 4 May the court sentenced A and released B`) dates every cue after it.
        // A relative clause (`X, who was sentenced`) tells background: the clause's date is not its date.
        // `deported in January 2023 and subsequently sentenced`: the date is the earlier step's.
        let later = (max(clause.range.lowerBound, cue.first - 2)..<cue.first).contains {
            EventWords.later.contains(list[$0].lower)
        }
        func ownedByOther(_ date: WrittenDate) -> Bool {
            others.contains { $0.last < date.first && date.first - $0.last <= 12 && $0.first < cue.first }
        }
        // `died in custody after being arrested`: what came before another step is not dated by the clause.
        guard !isRelative(cue, in: clause), !later, !cue.nominal, subordination(of: cue, in: clause) == nil else { return nil }
        // (`event.new-statement`: a date of another statement, before `, and whereas`, is not the cue's.)
        if let before = dates.last(where: { $0.last < cue.first }), !ownedByOther(before),
           !newStatementBetween(before.last, cue.first, in: clause) { return hit(before, "event.date-before-cue") }
        // `on 15 June 2024 X, who had been detained since 2022, was released`: past other cues'
        // own dates, the date opening the clause.
        let opens: (WrittenDate) -> Bool = { date in
            (clause.range.lowerBound..<date.first).allSatisfy { position in
                let token = list[position]
                return !token.isWord || EventWords.clauseOpener.contains(token.lower)
                    || (position == clause.range.lowerBound && token.text.count <= 3 && (token.isNumber || token.isAllCaps || token.text.count == 1))
            }
        }
        // A cue joined to a relative clause without a comma (`who had been detained since 2022 and
        // tried`) is part of that background.
        let inRelative = others.contains { other in
            other.last < cue.first && isRelative(other, in: clause) && !(other.last + 1..<cue.first).contains { list[$0].text == "," }
        }
        if !inRelative, let opening = dates.first(where: { $0.last < cue.first && opens($0) }), !ownedByOther(opening) {
            return hit(opening, "event.date-opens-clause")
        }
        return nil
    }

    /// Whether the words from `start` to `end` begin a statement with a subject of its own: `and` or
    /// `but` before a determiner, a noun and a finite verb (`remains imprisoned and his family has had no
    /// contact with him since 2017`: 2017 is not the imprisonment's date).
    func opensNewSubject(in clause: Clause, from start: Int, to end: Int) -> Bool {
        let list = tokens[clause.section]
        let finite = StoryWords.finite
        for position in start..<end where StoryWords.joiners.contains(list[position].lower) {
            guard position + 1 < end, StoryWords.determiners.contains(list[position + 1].lower) else { continue }
            if (position + 2..<min(end, position + 6)).contains(where: { finite.contains(list[$0].lower) }) { return true }
        }
        return false
    }

    /// Each status's place in ``statusRank``, by raw value: statuses compare and hash by their
    /// raw strings, so searching the list costs a string comparison a step.
    static let statusRankByName: [String: Int] = Dictionary(
        statusRank.enumerated().map { ($0.element.rawValue, $0.offset) }, uniquingKeysWith: { first, _ in first })

    static func rank(of status: String) -> Int {
        statusRankByName[status] ?? statusRank.count
    }

    /// A detention or charge cue that an operative paragraph names as the context of its call.
    static func contextInCalls(_ cue: CueHit) -> Bool {
        // A refusal to release (`event.release-refused`) states the custody even where the paragraph asks something.
        guard case .status(let status) = cue.kind, cue.rule != "event.release-refused" else { return false }
        switch status {
        case .charged, .detained, .atLarge, .preTrialDetention, .houseArrest, .imprisoned:
            return cue.direction == .forward || cue.present
        default:
            return false
        }
    }

    func rank(_ hit: CueHit) -> Int {
        guard case .status(let status) = hit.kind else { return Self.statusRank.count }
        return Self.rank(of: status.rawValue)
    }

    // MARK: - Placing mentions on tokens

    func placed(_ mentions: [[Extraction.Mention]], in clause: Clause, skipPossessive: Bool) -> [Placed] {
        let list = tokens[clause.section]
        guard !clause.range.isEmpty else { return [] }
        // Offsets, not labels: two integer comparisons rule out every mention outside the clause.
        let clauseStart = list[clause.range.lowerBound].start, clauseEnd = list[clause.range.upperBound - 1].end
        var result: [Placed] = []
        for (entity, entityMentions) in mentions.enumerated() {
            for mention in entityMentions where mention.start >= clauseStart && mention.end <= clauseEnd {
                guard let first = tokenIndex(clause.section, start: mention.start), clause.range.contains(first),
                      let last = tokenIndex(clause.section, end: mention.end), last >= first else { continue }
                // `X’s brother` is not X; `X’s arrest` is X's event.
                if skipPossessive, last + 1 < list.count, list[last + 1].isPossessive,
                   !(last + 2 < list.count && Self.eventNouns[list[last + 2].lower] != nil) { continue }
                result.append(Placed(entity: entity, first: first, last: last))
            }
        }
        return result.sorted { $0.first < $1.first }
    }

    // MARK: - Finding cues

    /// The word tokens before `index` in the clause, nearest first, skipping adverbs.
    func wordsBefore(_ section: Int, _ index: Int, in clause: Clause, count: Int) -> [(index: Int, lower: String)] {
        let list = tokens[section]
        var found: [(index: Int, lower: String)] = []  // of the type returned: a cast would copy it
        found.reserveCapacity(count)
        var position = index - 1
        while position >= clause.range.lowerBound, found.count < count {
            if list[position].isWord, !Self.isAdverb(list[position].lower) { found.append((position, list[position].lower)) }
            position -= 1
        }
        return found
    }

    /// The nearest word before `index` in the clause, skipping adverbs (the first of
    /// ``wordsBefore(_:_:in:count:)``, with no array built for the one word asked most).
    func wordBefore(_ section: Int, _ index: Int, in clause: Clause) -> String? {
        let list = tokens[section]
        var position = index - 1
        while position >= clause.range.lowerBound {
            if list[position].isWord, !Self.isAdverb(list[position].lower) { return list[position].lower }
            position -= 1
        }
        return nil
    }

    /// `reportedly`, `later`: a word ending in `ly`, longer than four characters. A word whose
    /// bytes do not end in `ly` is none (its last characters cannot be `l` and `y`): decided
    /// without walking its characters.
    static func isAdverb(_ lower: String) -> Bool {
        let endsInLY = lower.withUTF8Bytes { $0.count >= 2 && $0[$0.count - 1] == UInt8(ascii: "y") && $0[$0.count - 2] == UInt8(ascii: "l") }
        return endsInLY && lower.hasSuffix("ly") && lower.count > 4
    }

    func word(_ section: Int, _ index: Int, in clause: Clause) -> String? {
        clause.range.contains(index) ? tokens[section][index].lower : nil
    }

    /// Whether a word of degree stands between a passive cue's auxiliary at `first` and its participle at
    /// `index` (`were quite unjustifiably arrested`: `event.passive-through-adverbs`).
    func throughDegree(_ first: Int, _ index: Int, in clause: Clause) -> Bool {
        guard first < index else { return false }
        let list = tokens[clause.section]
        return (first + 1..<index).contains { EventWords.degree.contains(list[$0].lower) }
    }

    /// Passive or stative when an auxiliary stands just before; the cue then starts there.
    func voice(_ section: Int, _ index: Int, in clause: Clause) -> (direction: CueDirection, first: Int, negated: Bool) {
        let before = wordsBefore(section, index, in: clause, count: 3)
        if before.prefix(2).contains(where: { Self.negations.contains($0.lower) || Self.conditionals.contains($0.lower) }) { return (.backward, index, true) }
        // The auxiliary chain back to a modal: `should never have been`, `may be`.
        for (_, word) in wordsBefore(section, index, in: clause, count: 5) {
            if Self.modals.contains(word) { return (.backward, index, true) }
            if !(Self.auxiliaries.contains(word) || Self.insertions.contains(word) || Self.negations.contains(word)) { break }
        }
        var first = index
        var passive = false
        for (position, word) in before.prefix(3) {
            // `the authorities have charged X`: a perfect auxiliary right before the participle is active.
            if !passive, EventWords.perfectAux.contains(word) { break }
            // `event.passive-through-adverbs`: `were quite unjustifiably arrested`: a word of degree stands
            // there as an insertion does (adverbs in -ly are skipped by ``wordsBefore(_:_:in:count:)``).
            if Self.auxiliaries.contains(word) { passive = true; first = position }
            else if passive || !(Self.insertions.contains(word) || EventWords.degree.contains(word)) { break }
        }
        if !passive, let previous = before.first, EventWords.who.contains(previous.lower) { passive = true; first = previous.index }
        // `X, executed on 4 May`, `X and Y, both sentenced`: a participle after a name speaks of it.
        if !passive, index > clause.range.lowerBound {
            let list = tokens[section]
            let prior = list[index - 1]
            // `…, sentenced Ana Ruiz to death`: a name right after the participle is its object.
            let next = index + 1 < clause.range.upperBound ? list[index + 1] : nil
            let hasObject = next.map { ($0.isWord && $0.isCapitalised) || EventWords.objectWord.contains($0.lower) } ?? false
            if !hasObject, prior.text == "," || EventWords.describingLead.contains(prior.lower) && index - 2 >= clause.range.lowerBound && list[index - 2].text == "," {
                passive = true
            }
            // `X, a rights activist arrested on 1 August`: a participle right after a role noun describes the
            // person (one person: `all political prisoners detained since the coup` is a group; and not an
            // office-holder: `a prison official convicted by a court` is no case).
            let role = WordLists.role(prior.lower)
            if prior.isWord, role.isRole, !role.official, !prior.lower.hasSuffix("s"), let next,
               EventWords.roleParticipleNext.contains(next.lower) {
                passive = true
            }
            // `was deported in 2023 and subsequently sentenced to seven years`: a participle joined by
            // `and`, followed by a preposition rather than an object, continues the subject's story.
            // So does one that ends the clause (`was fined in May and later detained;`): it has no object.
            let joined = before.first { !Self.insertions.contains($0.lower) }
            if joined.map({ EventWords.and.contains($0.lower) }) == true, index + 1 >= clause.range.upperBound || !list[index + 1].isWord
                || EventWords.joinedParticipleNext.contains(list[index + 1].lower) {
                passive = true
            }
        }
        return (passive ? .backward : .forward, first, false)
    }

    /// The cues of a clause: at each cue word, the first pattern of ``cuePatterns`` that matches
    /// (`Extractor+CuePatterns.swift`), then the pronoun objects and the present tense.
    func cueHits(in clause: Clause) -> [CueHit] {
        let section = clause.section
        let list = tokens[section]
        var hits: [CueHit] = []
        let classes = cueMemo.classes[section]
        for index in clause.range where list[index].isWord && classes[index].contains(.cue) {
            readCue(at: index, in: clause, into: &hits)
        }
        // `charged him with`, `sentenced her to`: the object is the person the pronoun stands for.
        for offset in hits.indices where hits[offset].direction == .forward {
            // `sentenced him to five years in prison`: the cue runs past its object to the sentence.
            let inner = hits[offset].first + 1
            if inner < hits[offset].last, EventWords.objectPronoun.contains(list[inner].lower) {
                hits[offset].pronoun = true
                continue
            }
            let after = hits[offset].last + 1
            guard after < clause.range.upperBound, EventWords.objectPronoun.contains(list[after].lower) else { continue }
            let following = after + 1 < clause.range.upperBound ? list[after + 1] : nil
            if following == nil || !following!.isWord || EventWords.pronounObjectNext.contains(following!.lower) {
                hits[offset].pronoun = true
                hits[offset].last = after
            }
        }
        // `event.them-after-pronoun-object`: `arrested him and five of his employees and charged them with
        // treason`: `them` after a later cue takes in the person an earlier cue's `him` or `her`, joined by
        // `and` to others, stands for.
        for offset in hits.indices where hits[offset].direction == .forward && !hits[offset].pronoun {
            let after = hits[offset].last + 1
            guard after < clause.range.upperBound, EventWords.them.contains(list[after].lower),
                  after + 1 >= clause.range.upperBound || !list[after + 1].isWord || EventWords.pronounObjectNext.contains(list[after + 1].lower),
                  hits[..<offset].contains(where: { earlier in
                      earlier.pronoun && earlier.direction == .forward && earlier.last + 1 < hits[offset].first
                          && EventWords.objectPronoun.contains(list[earlier.last].lower)
                          && EventWords.and.contains(list[earlier.last + 1].lower)
                  }) else { continue }
            hits[offset].pronoun = true
            hits[offset].last = after
            hits[offset].extraRules.append("event.them-after-pronoun-object")
        }
        let presentWords = StoryWords.present
        for offset in hits.indices {
            let before = wordsBefore(section, hits[offset].first, in: clause, count: 4).map(\.lower)
            // The cue may itself open with its auxiliary: `remains in detention`, `has been imprisoned since`.
            let own = (hits[offset].first...min(hits[offset].last, hits[offset].first + 1)).map { list[$0].lower }
            hits[offset].present = hits[offset].undated || before.prefix(3).contains { presentWords.contains($0) }
                || (before.count >= 2 && StoryWords.perfect.contains(before[1]) && StoryWords.been.contains(before[0]))
                || own.contains { presentWords.contains($0) }
                || (own.count == 2 && StoryWords.perfect.contains(own[0]) && StoryWords.been.contains(own[1]))
        }
        return hits.sorted { $0.first < $1.first }
    }

    /// `cases against X`, `charges against X`; `close the cases against X`
    /// ends them when the clause welcomes it, and is only a request otherwise.
    func chargeCue(against index: Int, in clause: Clause) -> CueHit? {
        let section = clause.section
        let classes = cueMemo.classes[section]
        let before = wordsBefore(section, index, in: clause, count: 8)
        guard let noun = before.first(where: { classes[$0.index].contains(.charging) }) else { return nil }
        // `the case of A and attacks against B`: a person named between the noun and `against` is the
        // noun's own; `against` then belongs to another noun.
        if personNamed(in: clause, after: noun.index, before: index) { return nil }
        // `the case of A) and attacks against B`: a bracket closing after the noun ends its phrase (Extractor+Citations).
        if (noun.index + 1..<index).contains(where: { tokens[section][$0].text == ")" }) { return nil }
        let verbs = wordsBefore(section, noun.index, in: clause, count: 4)
        var status = CaseStatus.charged
        var first = noun.index
        if let ender = verbs.first(where: { classes[$0.index].contains(.ending) }) {
            first = ender.index
            let welcomed = (clause.range.lowerBound..<ender.index).contains { classes[$0].contains(.approving) }
            if welcomed || classes[ender.index].contains(.endedPast) { status = .chargesDropped }
        }
        // `the charges against X were dropped in May 2021`: the ending verb may follow the name.
        if status == .charged, first == noun.index {
            // (past the name and the article it was charged under: `the charges against X under Article 5
            // of the Criminal Code of Freedonia were dropped`).
            if let ended = (index + 1..<min(clause.range.upperBound, index + 20)).first(where: { classes[$0].contains(.endedPast) }),
               ended > index + 1, EventWords.endedAux.contains(tokens[section][ended - 1].lower) {
                status = .chargesDropped
            }
        }
        let latter = word(section, index + 1, in: clause).map(EventWords.the.contains) == true
            && word(section, index + 2, in: clause).map(EventWords.latter.contains) == true
        var hit = CueHit(kind: .status(status), first: first, last: latter ? index + 2 : index, direction: .forward, latter: latter,
                         rule: status == .chargesDropped ? "event.charges-dropped" : "event.charges-against")
        if latter { hit.extraRules.append("event.the-latter") }
        return hit
    }

    /// Whether a person is placed on `clause` wholly between tokens `start` and `end` (the clause
    /// found by a binary search over the clauses, its persons from ``cueMemo``).
    func personNamed(in clause: Clause, after start: Int, before end: Int) -> Bool {
        let at = Self.firstToken(clauses.count) { index in
            clauses[index].section > clause.section
                || (clauses[index].section == clause.section && clauses[index].range.lowerBound >= clause.range.lowerBound)
        }
        guard at < clauses.count, at < cueMemo.persons.count, clauses[at].section == clause.section,
              clauses[at].range == clause.range else { return false }
        return cueMemo.persons[at].contains { $0.first > start && $0.last < end }
    }

    /// `sentenced … to five years imprisonment` → `5 years imprisonment`;
    /// `to life imprisonment in absentia`.
    func sentence(after index: Int, in clause: Clause) -> (text: String, last: Int)? {
        let section = clause.section
        let words = (index + 1..<min(clause.range.upperBound, index + 16)).filter { tokens[section][$0].isWord }
        guard let to = words.firstIndex(where: { EventWords.to.contains(tokens[section][$0].lower) }), to + 1 < words.count else { return nil }
        let positions = Array(words[(to + 1)...])
        let rest = positions.map { tokens[section][$0].lower }
        var parts: [String] = []
        var cursor = rest.startIndex
        var used = 0
        if EventWords.sentenceFixed.contains(rest[cursor]) {
            // `to life imprisonment`; `to death`, the sentence that matters most to record.
            parts.append(rest[cursor])
            cursor += 1
        } else if let amount = Int(rest[cursor]) ?? Lexicon.numberWords[rest[cursor]], cursor + 1 < rest.endIndex,
                  EventWords.sentenceUnit.contains(rest[cursor + 1]) {
            let unit = rest[cursor + 1].hasSuffix("s") ? rest[cursor + 1] : rest[cursor + 1] + (amount == 1 ? "" : "s")
            parts.append("\(amount) \(unit)")
            cursor += 2
        } else {
            return nil
        }
        used = cursor
        let tail = Array(rest[cursor...].prefix(4))
        // `in prison`, `imprisonment`, and past an article and the regime (`in a strict-regime penal colony`).
        let placeWords = Array(rest[cursor...].prefix(5))
        let place = placeWords.firstIndex { WordLists.sentencePlaces[$0] != nil }
        if let offset = place, offset < 2 || EventWords.inWord.contains(placeWords[0]) && placeWords[1..<offset].allSatisfy(EventWords.sentenceRegime.contains) {
            parts.append(WordLists.sentencePlaces[placeWords[offset]] ?? placeWords[offset])
            used = cursor + offset + 1
        }
        if let absentia = tail.firstIndex(where: EventWords.absentia.contains), absentia > 0, EventWords.inWord.contains(tail[absentia - 1]) {
            parts.append("in \(tail[absentia])")
            used = cursor + absentia + 1
        }
        return (parts.joined(separator: " "), positions[used - 1])
    }

    /// Whether clause `clauseIndex` opens a recital that comes right after recital `section`.
    func opensRecital(_ clauseIndex: Int, after section: Int) -> Bool {
        let clause = clauses[clauseIndex]
        guard clause.section == section + 1, clauseIndex == 0 || clauses[clauseIndex - 1].section != clause.section else { return false }
        return document.sections[clause.section].kind == .recital && document.sections[section].kind == .recital
    }

    /// Whether the section just before clause `clauseIndex` names no person but `person` (officials left
    /// out): read from the mentions placed on its clauses, so that only that section is looked at.
    func namesOnly(_ person: Int, before clauseIndex: Int) -> Bool {
        guard clauseIndex > 0 else { return false }
        let section = clauses[clauseIndex - 1].section
        var index = clauseIndex - 1
        while index >= 0, clauses[index].section == section {
            if cueMemo.persons[index].contains(where: { $0.entity != person && !persons[$0.entity].official }) { return false }
            index -= 1
        }
        return true
    }

    /// The persons a section names, in order of first mention, officials left out.
    func personsNamed(inSection section: Int) -> [Int] {
        let sectionLabel = label(section)
        return persons.indices
            .compactMap { index in persons[index].mentions.filter { $0.section == sectionLabel }.map(\.start).min().map { (index, $0) } }
            .filter { !persons[$0.0].official }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// A cue in a relative clause: `who died`, `who was granted asylum`.
    func isRelative(_ cue: CueHit, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        return EventWords.relative.contains(list[cue.first].lower)
            || (cue.first > clause.range.lowerBound && EventWords.relative.contains(list[cue.first - 1].lower))
    }

    /// Whether `person` is what a relative clause (`who was granted asylum`) speaks of: the
    /// name just before it, with the names listed together with it (`A and B, who were
    /// arrested`), but not a name earlier in the clause (`A accepted the prize, while her
    /// husband, B, who was granted asylum, …` is about B only). A pronoun standing in for a
    /// name is left as it was.
    func isAntecedent(_ person: Placed, of cue: CueHit, named: [Placed], in clause: Clause) -> Bool {
        let before = named.filter { $0.last < cue.first }.sorted { $0.first < $1.first }
        guard var current = before.last, before.contains(where: { $0.first == person.first }) else { return true }
        if current.first == person.first { return true }
        let list = tokens[clause.section]
        for earlier in before.dropLast().reversed() {
            let between = (earlier.last + 1)..<current.first
            guard between.allSatisfy({ EventWords.listJoiner.contains(list[$0].lower) }) else { return false }
            if earlier.first == person.first { return true }
            current = earlier
        }
        return false
    }

    /// `X has reported that dozens of his volunteers have been arrested`: a `that` clause between
    /// the name and the cue with a subject of its own (anything but a pronoun) takes the cue.
    func hasOwnSubject(_ cue: CueHit, after person: Placed, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        // The last `that` before the cue, from the section's (``thatPositions(in:)``), if it is after the name.
        let thats = thatPositions(in: clause.section)
        let beforeCue = Self.firstToken(thats.count) { thats[$0] >= cue.first }
        guard beforeCue > 0, thats[beforeCue - 1] > person.last else { return false }
        let that = thats[beforeCue - 1]
        let subject = (that + 1..<cue.first).filter { list[$0].isWord }
        if (that + 1..<cue.first).contains(where: { list[$0].text == "," }) { return false }
        return subject.contains { !StoryWords.subjectPronouns.contains(list[$0].lower) && !Self.insertions.contains(list[$0].lower) }
    }

    /// Whether the clause counts a group of people before `position` (`222 political prisoners`,
    /// `dozens of activists`): a plural pronoun after it stands for that group.
    func countsGroup(in clause: Clause, before position: Int) -> Bool {
        let list = tokens[clause.section]
        let quantities = StoryWords.quantities
        return (clause.range.lowerBound..<position).contains { index in
            let word = list[index].lower
            guard list[index].isNumber || Lexicon.numberWords[word] != nil || quantities.contains(word) else { return false }
            return (index + 1..<min(position, index + 4)).contains { list[$0].isWord && !list[$0].isCapitalised && list[$0].lower.hasSuffix("s") && list[$0].lower.count > 3 }
        }
    }

    /// `such as X, and 11 activists were put under house arrest`: a counted group joined by `, and`
    /// between a name and a cue is the cue's subject, not the name (`X, Y, 15 priests and two
    /// seminarians were released` lists them together: no comma before `and`).
    func countedSubject(in clause: Clause, from start: Int, to end: Int) -> Bool {
        // Such a join after `start` whose noun is before `end`, from the section's (``countedJoinPositions(in:)``).
        let joins = countedJoinPositions(in: clause.section)
        let first = Self.firstToken(joins.count) { joins[$0] > start }
        return first < joins.count && joins[first] + 2 < end
    }

    /// `together with X`, `along with Mr X`.
    func isCompanion(_ person: Placed, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        var position = person.first - 1
        while position > clause.range.lowerBound, WordLists.titles[[list[position].text]] != nil { position -= 1 }
        return position > clause.range.lowerBound && EventWords.with.contains(list[position].lower)
            && EventWords.companion.contains(list[position - 1].lower)
    }

    /// `at the funeral of X`, `slogans against the Supreme Leader, X`: a name that is the object of
    /// a preposition, not the subject of a verb.
    func isObjectOfPreposition(_ person: Placed, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        var position = person.first - 1
        var steps = 0
        while position >= clause.range.lowerBound, steps < 7 {
            let token = list[position]
            if EventWords.objectPreposition.contains(token.lower) { return true }
            guard token.text == "," || (token.isWord && (token.isCapitalised || EventWords.article.contains(token.lower)
                    || WordLists.titles[[token.text]] != nil || WordLists.role(token.lower).isRole)) else { return false }
            position -= 1
            steps += 1
        }
        return false
    }

    /// `his daughter, X`, `her son X`: a person named as someone's relative.
    func isRelative(_ person: Placed, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        var position = person.first - 1
        if position >= clause.range.lowerBound, list[position].text == "," { position -= 1 }
        return position >= clause.range.lowerBound && WordLists.kinship.contains(list[position].lower)
    }

    /// `an adviser to X`, `a confidant of X`: the name is the object of a preposition in a phrase.
    func isInPrepositionalPhrase(_ person: Placed, in clause: Clause) -> Bool {
        let list = tokens[clause.section]
        var position = person.first - 1
        var steps = 0
        var sawRole = false
        while position >= clause.range.lowerBound, steps < 7, list[position].isWord {
            let word = list[position].lower
            if EventWords.phrasePreposition.contains(word) {
                // Only after a role or kinship word: `an adviser to X`, not `the funeral of X`;
                // and after a participle: `founded by X`, `sentenced by Judge X`.
                guard position > clause.range.lowerBound else { return false }
                let head = list[position - 1].lower
                if EventWords.by.contains(word), head.hasSuffix("ed") { return true }
                return WordLists.role(head).isRole || WordLists.kinship.contains(head) || EventWords.associateNoun.contains(head)
            }
            // `founded by Nobel Peace Prize laureate X`: a role noun may stand before the name too, and
            // words describing it before that (`the wife of the imprisoned trade unionist X`).
            let isRole = WordLists.role(word).isRole
            // `the wife of 2020 Peace Prize laureate X`: a year may open the description.
            let year = sawRole && list[position].isNumber && word.count == 4
            if !(list[position].isCapitalised || EventWords.article.contains(word) || WordLists.titles[[list[position].text]] != nil
                 || isRole || (sawRole && !list[position].isNumber) || year) { return false }
            if isRole { sawRole = true }
            position -= 1
            steps += 1
        }
        return false
    }

    /// The cues that speak about one person: the nearest on each side.
    func cuesFor(_ person: Placed, among cues: [CueHit], in clause: Clause, named: [Placed]) -> [CueHit] {
        var result: [CueHit] = []
        // `she was convicted, together with U Tin Oo, of incitement`: the companion shares the cue before.
        if isCompanion(person, in: clause), let shared = cues.last(where: { $0.last < person.first && !$0.latter }) {
            return [shared]
        }
        // An active cue may run over its object: `sentenced Ana Ruiz to five years` ends after the name.
        // Custody on charges (`event.held-on-charges`) speaks of the one held, not of a list introduced after it
        // (`dozens were detained on terrorism charges, including A`: A is of those detained).
        let reaching = cues.filter { cue in
            cue.rule != "event.held-on-charges" || !introducers(in: clause).contains { $0.at > cue.last && $0.after <= person.first }
        }
        if let before = reaching.last(where: { $0.last < person.first || ($0.first < person.first && $0.direction == .forward) }), !before.latter {
            let introduced = introducers(in: clause).contains { $0.at > before.last && $0.after <= person.first }
            // `to drop the charges against A and to guarantee the safety of B`: a new request ends the cue's reach.
            let list = tokens[clause.section]
            let barrier = before.last + 1 < person.first && (before.last + 1..<person.first).contains { position in
                EventWords.and.contains(list[position].lower) && position + 1 < person.first
                    && EventWords.requestBarrier.contains(list[position + 1].lower)
            }
            // `detained, including A, wife of the 2020 prize laureate B, and C`: B, named inside A's
            // description, is not one of those the cue lists.
            if (before.direction == .forward || introduced) && !barrier && !isInPrepositionalPhrase(person, in: clause) {
                result.append(before)
                // `released 200 prisoners and expelled them, among them A`: a forward cue joined by `and` to the one before.
                if before.direction == .forward, let earlier = cues.last(where: { $0.last < before.first }), earlier.direction == .forward,
                   !earlier.latter, before.first - earlier.last <= 8,
                   (earlier.last + 1..<before.first).contains(where: { EventWords.and.contains(tokens[clause.section][$0].lower) }),
                   !named.contains(where: { $0.first > earlier.last && $0.first < before.first }) {
                    result.append(earlier)
                }
            }
        }
        // `an adviser to X, was sentenced`: a name inside a prepositional phrase is not the subject.
        // `X, the wife of the imprisoned unionist Y, has been banned`: a cue about a name inside a phrase
        // (`the imprisoned … Y`) does not stand between X and X's own verb.
        let nextCue = cues.first { cue in
            guard cue.first > person.last else { return false }
            if cue.direction == .backward { return true }
            let nameBetween = named.contains { $0.first > person.last && $0.first < cue.first }
            guard !nameBetween, let owner = named.first(where: { $0.first > cue.last && $0.first - cue.last <= 4 }) else { return true }
            return !isInPrepositionalPhrase(owner, in: clause)
        }
        if let after = nextCue, after.direction == .backward, !after.latter,
           !isInPrepositionalPhrase(person, in: clause),
           !countedSubject(in: clause, from: person.last + 1, to: after.first),
           !isRelative(after, in: clause) || isAntecedent(person, of: after, named: named, in: clause)
                && !relativeOfGroup(after, after: person, named: named, in: clause),
           !hasOwnSubject(after, after: person, in: clause),
           !newStatementBetween(person.last, after.first, in: clause) {
            result.append(after)
            // `at the funeral of B, a girl who died, …, and was released`: a relative clause about a name
            // in a phrase ends with its own verb; the clause's subject goes on (`A, who was detained in
            // 2022 and tried, was released`).
            if isRelative(after, in: clause) && isObjectOfPreposition(person, in: clause) { return result }
            // `X was arrested on 4 May and was sentenced on 9 June`: later cues with no other subject before them
            // (a name in a phrase such as `at the funeral of Y`, or an official, is not one).
            let nextPerson = named.first(where: { $0.first > after.last && !persons[$0.entity].official
                && !isObjectOfPreposition($0, in: clause) })?.first ?? clause.range.upperBound
            let list = tokens[clause.section]
            for later in cues where later.first > after.last && later.last < nextPerson && !later.latter && !isRelative(later, in: clause) {
                // `was sentenced in 2022 and released on bail`: a participle coordinated with the first cue.
                let coordinated = later.first > clause.range.lowerBound && EventWords.coordinator.contains(list[later.first - 1].lower)
                if later.direction == .backward || coordinated { result.append(later) }
            }
        }
        return result
    }
}
