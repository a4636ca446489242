/// Steps: a person's cues made into the steps of their story, one event per step, in the
/// order the events happened.
///
/// Each arrest, release, re-arrest, sentence, increased sentence, transfer or death is a step of
/// its own with its own date and cue; a cue that only words a step again (`her detention`, a later
/// undated mention of the same sentence) is a note of that step. A situation said in the present
/// (`remains in detention`) is a step that holds as of the resolution. A past step the text does
/// not date is placed: tied to a dated step (`only hours after her release`) it takes that date;
/// otherwise it is bounded by the dated steps around it in the story.
extension EventStage {
    /// One cue about one person, where it was read and the date written next to it.
    struct PersonHit {
        var hit: CueHit
        var section: Int
        /// The cue's clause, by index in `clauses`.
        var clause: Int
        var cue: String
        var date: PartialDate?
        /// The rules that read, tied and dated the cue.
        var rules: [RuleHit] = []
    }

    /// A step being put together from the cues that tell it.
    struct StoryStep {
        var entry: Extraction.StatusCue
        var status: CaseStatus
        /// Where it is first told: (section, token).
        var mention: (section: Int, token: Int)
        /// A situation that holds as of the resolution: said in the present (`remains in detention`,
        /// `has been detained since 7 May 2022`).
        var ongoing: Bool
        /// Told as a repetition of an earlier step of the same kind (`re-arrested`, `increased his sentence`).
        var again: Bool
        /// The step this one happened before, as the text says (`re-arrested hours after her release`:
        /// the release happened before the re-arrest).
        var before: Int?
        /// Happened on the same day as `before` (`only hours after her release`).
        var tied = false
        /// The clause it is first told in, by index in `clauses`.
        var clause: Int
        /// Told as background in a relative clause (`X, who was sentenced in absentia, was granted
        /// asylum on 29 September`) or the past perfect (`had been sentenced`): it came before the step
        /// told with it.
        var background: Bool
    }

    /// The statuses that are situations, which may hold as of the resolution; the others are events.
    static let situations: Set<CaseStatus> = [
        .detained, .preTrialDetention, .houseArrest, .restrictedLiberty, .imprisoned, .inExile, .atRisk, .atLarge,
        .disappeared, .onTrial,
    ]
    /// Words that tell a step as a repetition of an earlier one of the same kind.
    static let againWords = StoryWords.again
    /// Words before `after` that put two steps on one day: `only hours after her release`.
    static let sameDayWords = StoryWords.sameDay
    /// Words between `after` and an event told as what came first: `after being arrested`, `after her release`.
    static let subordinateFillers = StoryWords.fillers

    /// Whether a cue (lowercased) tells a repetition: one of its words is an `again` word (`re-arrested`,
    /// `a new case`); a word that only starts like one (`against`) is not.
    /// `event.step-cited-arrest`: an arrest the title names and one a citation of an earlier text names
    /// are two arrests (the earlier text was about an earlier one).
    func citedAndTitled(_ status: CaseStatus, _ one: Int, _ other: Int) -> Bool {
        guard status == .detained else { return false }
        let kinds = [document.sections[one].kind, document.sections[other].kind]
        return kinds.contains(.title) && kinds.contains(.citation)
    }

    static func toldAgain(_ lowerCue: String) -> Bool {
        // An ASCII cue's words are read from its bytes, where a letter is `A`-`Z` or `a`-`z`: the words the split by character gives.
        if let ascii = lowerCue.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            for end in 0...bytes.count where end == bytes.count || !(((bytes[end] | 0x20) &- 97) < 26 || bytes[end] == UInt8(ascii: "-")) {
                if end > start, againWords.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) { return true }
                start = end + 1
            }
            return false
        }), let found = ascii { return found }
        return lowerCue.split(whereSeparator: { !$0.isLetter && $0 != "-" }).contains { againWords.contains(String($0)) }
    }

    /// Whether the cue is an event told as what came before another: `after being arrested`,
    /// `following her release`. Gives the position of `after` and whether the two were on one day.
    func subordination(of cue: CueHit, in clause: Clause) -> (sameDay: Bool, at: Int)? {
        let list = tokens[clause.section]
        var position = cue.first - 1
        // The cue may start at its auxiliary or possessive (`being arrested`, `her release`).
        while position >= clause.range.lowerBound, Self.subordinateFillers.contains(list[position].lower) { position -= 1 }
        guard position >= clause.range.lowerBound, StoryWords.sequel.contains(list[position].lower) else { return nil }
        let lead = (max(clause.range.lowerBound, position - 3)..<position).map { list[$0].lower }
        // `the day after`, not `a day after` nor `two days after`: only `the day after` is the next day;
        // a same-day tie needs `hours`, `shortly` and the like.
        let sameDay = lead.contains { Self.sameDayWords.contains($0) }
        return (sameDay, position)
    }

    /// Whether two dates can be of one step: one unknown, or one a refinement of the other
    /// (`2023`, `2023-03`, `2023-03-15`).
    static func compatible(_ left: PartialDate?, _ right: PartialDate?) -> Bool {
        guard let left, let right else { return true }
        if left.year != right.year { return false }
        if let a = left.month, let b = right.month, a != b { return false }
        if let a = left.day, let b = right.day, a != b { return false }
        return true
    }

    /// The person's status steps, in story order, with their dates, bounds and places (`step`).
    func storySteps(of person: Int, hits: [PersonHit]) -> [Extraction.StatusCue] {
        var steps: [StoryStep] = []
        /// The step each hit went to, by index in `hits`.
        var stepOfHit = [Int?](repeating: nil, count: hits.count)
        /// Adds the rules of `hit` and the step rule `rule` that joined it to step `step`.
        func addRules(_ step: Int, _ hit: PersonHit, _ rule: String?) {
            var added = hit.rules
            if let rule { added.append(RuleHit(rule, text: hit.cue)) }
            for ruleHit in added where !steps[step].entry.rules.contains(ruleHit) { steps[step].entry.rules.append(ruleHit) }
        }
        func addNote(_ step: Int, _ hit: PersonHit) {
            let line = "\(hit.cue) (\(label(hit.section)))"
            if steps[step].entry.cue != hit.cue || steps[step].entry.section != label(hit.section),
               !(steps[step].entry.note ?? "").contains(line) {
                steps[step].entry.note = (steps[step].entry.note.map { $0 + "; " } ?? "also: ") + line
            }
            if steps[step].entry.sentence == nil { steps[step].entry.sentence = hit.hit.sentence }
        }
        for (offset, hit) in hits.enumerated() {
            guard case .status(let status) = hit.hit.kind else { continue }
            let lowerCue = hit.cue.lowercased()
            // `re-arrested`, or an again word just before the cue's words (`a new criminal case against him`).
            let leading = tokens[hit.section][max(0, hit.hit.first - 2)..<hit.hit.first]
            let again = Self.toldAgain(lowerCue) || leading.contains { Self.againWords.contains($0.lower) }
            let sameStatus = steps.indices.filter { steps[$0].status == status }
            // Only a situation is said in the present (`remains in detention`, `faces up to ten years`):
            // `has been executed`, `has been sentenced` tell a past step.
            let present = hit.hit.present && (Self.situations.contains(status) || StoryWords.presentStems.contains { lowerCue.contains($0) })
            if present && hit.date == nil {
                // `remains in detention`: the same situation as a step of that status said to hold now
                // (`has been detained since 2022`, an earlier `is still held`); else a step of its own.
                // So is a past step of that status in the same clause (`was arrested in July 2021 and remains
                // in detention`): the situation it started.
                if let ongoing = sameStatus.first(where: { steps[$0].ongoing || steps[$0].clause == hit.clause }) {
                    steps[ongoing].ongoing = true
                    addNote(ongoing, hit)
                    addRules(ongoing, hit, "event.step-ongoing")
                    stepOfHit[offset] = ongoing
                    continue
                }
            } else {
                // A past step: the same step as an earlier one of its status told with a date that fits,
                // unless told as a repetition (`re-arrested`) of a step that was not itself one.
                // An undated one may word a situation said in the present (`in hiding`, after `are living in hiding`).
                let candidates = sameStatus.filter { index in
                    (!steps[index].entry.present || hit.date == nil) && (!again || steps[index].again)
                        && Self.compatible(steps[index].entry.date, hit.date)
                        && !citedAndTitled(status, steps[index].mention.section, hit.section)
                }
                let chosen = hit.date.flatMap { date in candidates.first { steps[$0].entry.date == date } }
                    ?? (hit.date == nil ? candidates.last : candidates.first)
                if let chosen {
                    if let date = hit.date, steps[chosen].entry.date.map({ $0.precision.rank < date.precision.rank }) ?? true {
                        // A later cue that carries the step's date (or a finer one) dates it.
                        steps[chosen].entry.date = date
                        steps[chosen].entry.cue = hit.cue
                        steps[chosen].entry.section = label(hit.section)
                        if steps[chosen].entry.sentence == nil { steps[chosen].entry.sentence = hit.hit.sentence }
                    } else {
                        addNote(chosen, hit)
                    }
                    if present { steps[chosen].ongoing = true }
                    addRules(chosen, hit, "event.step-same")
                    stepOfHit[offset] = chosen
                    continue
                }
            }
            let citedArrest = sameStatus.contains { citedAndTitled(status, steps[$0].mention.section, hit.section) }
            var entry = Extraction.StatusCue(
                person: persons[person].name, status: status.rawValue, evidence: "stated", section: label(hit.section),
                cue: hit.cue, sentence: hit.hit.sentence, note: nil, date: hit.date)
            entry.present = present && hit.date == nil
            entry.rules = hit.rules
            if again { entry.rules.append(RuleHit("event.step-again", text: hit.cue)) }
            if citedArrest { entry.rules.append(RuleHit("event.step-cited-arrest", text: hit.cue)) }
            stepOfHit[offset] = steps.count
            let list = tokens[hit.section]
            // `X, who was sentenced in absentia`, `the colony where he was serving his sentence`.
            let relatives = StoryWords.relatives
            let relative = relatives.contains(list[hit.hit.first].lower)
                || (hit.hit.first > 0 && relatives.contains(list[hit.hit.first - 1].lower))
                || (hit.hit.first > 1 && StoryWords.personPronouns.contains(list[hit.hit.first - 1].lower)
                    && relatives.contains(list[hit.hit.first - 2].lower))
            let background = StoryWords.pluperfect.contains { lowerCue.hasPrefix($0 + " ") } || relative
            if background { entry.rules.append(RuleHit("event.step-background", text: hit.cue)) }
            steps.append(StoryStep(entry: entry, status: status, mention: (hit.section, hit.hit.first),
                                   ongoing: present, again: again, clause: hit.clause, background: background))
        }
        // `re-arrested on 15 March only hours after her release`: the release came first, on that day;
        // `died in custody after being arrested`: the arrest came first.
        for (offset, hit) in hits.enumerated() {
            guard let own = stepOfHit[offset], steps[own].before == nil, !steps[own].entry.present,
                  let subordinate = subordination(of: hit.hit, in: clauses[hit.clause]) else { continue }
            // The step told just before `after`, in the same clause.
            guard let main = hits.indices.last(where: { other in
                hits[other].clause == hit.clause && hits[other].hit.last < subordinate.at && stepOfHit[other] != nil && stepOfHit[other] != own
            }), let target = stepOfHit[main], steps[target].before != own else { continue }
            steps[own].before = target
            if subordinate.sameDay, steps[own].entry.date == nil, let date = steps[target].entry.date {
                steps[own].entry.date = date
                steps[own].tied = true
                steps[own].entry.rules.append(RuleHit("event.step-same-day", text: hit.cue))
            } else {
                steps[own].entry.rules.append(RuleHit("event.step-before", text: hit.cue))
            }
        }
        // `the charges were dropped in May 2029 and he was released`: a release told in the same clause
        // right after a dated end of proceedings, with no date of its own, took place then.
        for (offset, hit) in hits.enumerated() {
            guard let own = stepOfHit[offset], steps[own].status == .released, steps[own].entry.date == nil,
                  !steps[own].entry.present, !steps[own].background, steps[own].before == nil,
                  let previous = hits.indices.last(where: { other in
                      hits[other].clause == hit.clause && hits[other].hit.last < hit.hit.first && stepOfHit[other] != nil && stepOfHit[other] != own
                  }), let target = stepOfHit[previous], Self.proceedingsEnds.contains(steps[target].status),
                  let date = hits[previous].date ?? steps[target].entry.date else { continue }
            steps[own].entry.date = date
            steps[own].entry.rules.append(RuleHit("event.step-release-with-end", text: hit.cue))
        }
        return foldingTitleDetention(ordered(steps))
    }

    /// The situations a detention named by a title may be said as in the text (`event.step-title-situation`).
    static let titleSituations: Set<String> = [CaseStatus.houseArrest.rawValue, CaseStatus.imprisoned.rawValue, CaseStatus.preTrialDetention.rawValue]

    /// `event.step-title-situation`: `on the unlawful detention of President X` in the title and `X is under
    /// house arrest` in a recital are one situation: the title's undated detention, the person's only
    /// one, is a note of the custody the text says holds now.
    func foldingTitleDetention(_ steps: [Extraction.StatusCue]) -> [Extraction.StatusCue] {
        let detentions = steps.indices.filter { steps[$0].status == CaseStatus.detained.rawValue }
        guard detentions.count == 1, let title = detentions.first, steps[title].date == nil,
              titleLabels.contains(steps[title].section),
              !steps[title].present, steps[title].dateAfter == nil, steps[title].dateBefore == nil,
              let keeper = steps.indices.first(where: { steps[$0].present && steps[$0].date == nil && Self.titleSituations.contains(steps[$0].status) })
        else { return steps }
        var result = steps
        result[keeper].note = (result[keeper].note.map { $0 + "; " } ?? "also: ") + "\(steps[title].cue) (title)"
        result[keeper].rules.append(RuleHit("event.step-title-situation", text: steps[title].cue))
        result.remove(at: title)
        for index in result.indices { result[index].step = index + 1 }
        return result
    }

    /// The steps that end proceedings, which a release told right after them in one clause follows on their date.
    static let proceedingsEnds: Set<CaseStatus> = [.chargesDropped, .acquitted]

    /// The steps in story order, with `step`, and bounds for the undated past ones.
    func ordered(_ steps: [StoryStep]) -> [Extraction.StatusCue] {
        // The order the text tells them in, each step moved before the one it is said to precede.
        var told = Array(steps.indices)
        for index in steps.indices {
            guard let target = steps[index].before, let from = told.firstIndex(of: index),
                  let to = told.firstIndex(of: target), from > to else { continue }
            told.remove(at: from)
            told.insert(index, at: to)
        }
        let place = Dictionary(uniqueKeysWithValues: told.enumerated().map { ($0.element, $0.offset) })
        let dated = told.filter { steps[$0].entry.date != nil }.sorted { lhs, rhs in
            let (left, right) = (steps[lhs].entry.date!, steps[rhs].entry.date!)
            if left < right { return true }
            if right < left { return false }
            return place[lhs]! < place[rhs]!
        }
        // An undated past step goes after the dated step told before it in its section, else before the
        // dated step told after it there; with neither it is not placed.
        var after: [Int: [Int]] = [:], before: [Int: [Int]] = [:]
        var unplaced: [Int] = [], present: [Int] = []
        for index in told where steps[index].entry.date == nil {
            if steps[index].entry.present { present.append(index); continue }
            let position = place[index]!
            let section = steps[index].mention.section
            // `… was executed on 25 July; he had been sentenced to death`: the past perfect (or a relative
            // clause) tells what came before the step told before it.
            let earlier = steps[index].background
            if let target = steps[index].before, steps[target].entry.date != nil {
                before[target, default: []].append(index)
            } else if let anchor = told[..<position].last(where: { steps[$0].entry.date != nil && steps[$0].mention.section == section }) {
                // Nothing the text leaves undated comes after a death: it is told as what led to it.
                if earlier || steps[anchor].status == .deceased {
                    before[anchor, default: []].append(index)
                } else {
                    after[anchor, default: []].append(index)
                }
            } else if let anchor = told[(position + 1)...].first(where: { steps[$0].entry.date != nil && steps[$0].mention.section == section }) {
                before[anchor, default: []].append(index)
            } else {
                unplaced.append(index)
            }
        }
        var sequence: [Int] = []
        for index in dated {
            sequence += before[index] ?? []
            sequence.append(index)
            sequence += after[index] ?? []
        }
        let placed = sequence
        // Steps the story does not place, least specific first (as of the resolution, the most specific
        // is the person's status), then the situations that hold as of the resolution.
        // A step told as a repetition (`a new case against him`, `re-arrested`) comes after the steps told before it.
        sequence += unplaced.enumerated().sorted { lhs, rhs in
            let (againLeft, againRight) = (steps[lhs.element].again, steps[rhs.element].again)
            if againLeft != againRight { return againRight }
            let (left, right) = (Self.rank(of: steps[lhs.element].entry.status), Self.rank(of: steps[rhs.element].entry.status))
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        sequence += present
        var result: [Extraction.StatusCue] = []
        for (offset, index) in sequence.enumerated() {
            var entry = steps[index].entry
            if entry.date == nil, !entry.present, offset < placed.count {
                entry.dateAfter = placed[..<offset].last(where: { steps[$0].entry.date != nil }).flatMap { steps[$0].entry.date }
                entry.dateBefore = placed[(offset + 1)...].first(where: { steps[$0].entry.date != nil }).flatMap { steps[$0].entry.date }
                if entry.dateAfter != nil || entry.dateBefore != nil { entry.rules.append(RuleHit("event.step-bounded", text: entry.cue)) }
            }
            entry.step = offset + 1
            result.append(entry)
        }
        return result
    }
}

extension PartialDate.Precision {
    /// Year 0, month 1, day 2: a finer date has a higher rank.
    var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }
}
