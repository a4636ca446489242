/// The cue engine: the table of cue patterns (`Rules+Events.swift`) applied at each cue word of a
/// clause. A pattern names word classes of `Words/event-words.txt` around the word the cue is read
/// at; the first pattern whose classes all match reads the cue, with the status and rule it names
/// (or a coded reader for what a class sequence cannot say, such as a sentence's words).
extension EventStage {
    /// A cue pattern with its word classes looked up once.
    struct CompiledCuePattern {
        let pattern: CuePattern
        let previous: Set<String>?
        let notPrevious: Set<String>?
        let previous2: Set<String>?
        let twoBefore: Set<String>?
        let next: Set<String>?
        let notNext: Set<String>?
        let next2: Set<String>?
        let ahead: Set<String>?
        let before: Set<String>?
        let notBefore: Set<String>?
    }

    /// Every word class the patterns read: `Words/event-words.txt`, and `event-noun` (the nouns of
    /// `Words/event-nouns.txt`).
    static let cueClasses: [String: Set<String>] = {
        var classes = WordLists.eventWords
        classes["event-noun"] = Set(WordLists.eventNouns.keys)
        return classes
    }()

    /// The words of a class, or of several joined by `+` (`asking+unrealised`); traps on a class the
    /// file lacks, so a misspelt class fails the first test.
    static func cueClass(_ name: String) -> Set<String> {
        var words: Set<String> = []
        for part in name.split(separator: "+") {
            guard let found = cueClasses[String(part)], !found.isEmpty else { preconditionFailure("Words/event-words.txt has no class '\(part)'") }
            words.formUnion(found)
        }
        return words
    }

    static let compiledCuePatterns: [CompiledCuePattern] = cuePatterns.map { pattern in
        CompiledCuePattern(
            pattern: pattern, previous: pattern.previous.map(cueClass), notPrevious: pattern.notPrevious.map(cueClass),
            previous2: pattern.previous2.map(cueClass), twoBefore: pattern.twoBefore.map(cueClass), next: pattern.next.map(cueClass),
            notNext: pattern.notNext.map(cueClass), next2: pattern.next2.map(cueClass), ahead: pattern.ahead.map(cueClass),
            before: pattern.before.map(cueClass), notBefore: pattern.notBefore.map(cueClass))
    }

    /// For each cue word, the patterns read at it, by index in ``cuePatterns``, in table order.
    static let cuePatternsByWord: [String: [Int]] = {
        var result: [String: [Int]] = [:]
        for (offset, pattern) in cuePatterns.enumerated() {
            for word in cueClass(pattern.at) { result[word, default: []].append(offset) }
        }
        return result
    }()

    /// Reads the cue at `index` (a cue word): the first pattern that matches there adds its hit.
    func readCue(at index: Int, in clause: Clause, into hits: inout [CueHit]) {
        let section = clause.section
        let list = tokens[section]
        guard let candidates = Self.cuePatternsByWord[list[index].lower] else { return }
        let next = word(section, index + 1, in: clause)
        let previous = wordBefore(section, index, in: clause)
        let isOperative = document.sections[section].kind == .paragraph
        for candidate in candidates {
            let compiled = Self.compiledCuePatterns[candidate]
            let pattern = compiled.pattern
            if let operative = pattern.operative, operative != isOperative { continue }
            if let words = compiled.previous, !(previous.map(words.contains) ?? false) { continue }
            if let words = compiled.notPrevious, previous.map(words.contains) ?? false { continue }
            if let words = compiled.next, !(next.map(words.contains) ?? false),
               !(pattern.nextName && clause.range.contains(index + 1) && list[index + 1].isCapitalised) { continue }
            if let words = compiled.notNext, next.map(words.contains) ?? false { continue }
            if let words = compiled.next2, !(word(section, index + 2, in: clause).map(words.contains) ?? false) { continue }
            if let words = compiled.twoBefore, !(index >= clause.range.lowerBound + 2 && words.contains(list[index - 2].lower)) { continue }
            if let words = compiled.previous2,
               !(wordsBefore(section, index, in: clause, count: 2).dropFirst().first.map { words.contains($0.lower) } ?? false) { continue }
            if let words = compiled.ahead,
               !(index + 1..<min(clause.range.upperBound, index + pattern.within)).contains(where: { words.contains(list[$0].lower) }) { continue }
            var anchor: Int?
            if let words = compiled.before {
                guard let found = wordsBefore(section, index, in: clause, count: pattern.count).first(where: { words.contains($0.lower) }) else { continue }
                anchor = found.index
            }
            if let words = compiled.notBefore,
               wordsBefore(section, index, in: clause, count: pattern.notBeforeCount).contains(where: { words.contains($0.lower) }) { continue }
            if pattern.reader == .words {
                addHit(of: pattern, at: index, from: pattern.fromBefore ? anchor : nil, in: clause, into: &hits)
                return
            }
            if readCoded(pattern, at: index, previous: previous, next: next, in: clause, into: &hits) { return }
        }
    }

    /// The hit of a pattern read by its classes alone.
    func addHit(of pattern: CuePattern, at index: Int, from start: Int?, in clause: Clause, into hits: inout [CueHit]) {
        guard let outcome = pattern.outcome else { preconditionFailure("cue pattern \(pattern.rule) has no outcome") }
        let kind: CueKind
        switch outcome {
        case .status(let status): kind = .status(status)
        case .releaseCall: kind = .releaseCall
        }
        var last = index + pattern.last
        var sentence: String?
        if pattern.readsSentence, let found = self.sentence(after: index, in: clause) {
            last = found.last
            sentence = found.text
        }
        if pattern.voiced {
            let (direction, first, negated) = voice(clause.section, start ?? index + pattern.first, in: clause)
            guard !negated else { return }
            var hit = CueHit(kind: kind, first: first, last: last, direction: pattern.direction ?? direction, sentence: sentence, rule: pattern.rule)
            hit.undated = pattern.undated
            if throughDegree(first, index, in: clause) { hit.extraRules.append("event.passive-through-adverbs") }
            hits.append(hit)
        } else {
            var hit = CueHit(kind: kind, first: index + pattern.first, last: index + pattern.last,
                             direction: pattern.direction ?? .backward, rule: pattern.rule)
            hit.pronoun = pattern.pronoun
            hit.undated = pattern.undated
            hits.append(hit)
        }
    }

    /// A pattern's coded reader: whether it read the word (a hit may or may not follow); false lets
    /// the next pattern try.
    func readCoded(_ pattern: CuePattern, at index: Int, previous: String?, next: String?, in clause: Clause,
                   into hits: inout [CueHit]) -> Bool {
        let section = clause.section
        let list = tokens[section]
        let lower = clause.range.lowerBound, upper = clause.range.upperBound
        func add(_ status: CaseStatus, _ rule: String, at: Int, through last: Int, direction: CueDirection? = nil, sentence: String? = nil) {
            let (voiceDirection, first, negated) = voice(section, at, in: clause)
            guard !negated else { return }
            var hit = CueHit(kind: .status(status), first: first, last: last, direction: direction ?? voiceDirection, sentence: sentence, rule: rule)
            if throughDegree(first, at, in: clause) { hit.extraRules.append("event.passive-through-adverbs") }
            hits.append(hit)
        }
        func fixed(_ kind: CueKind, _ rule: String, first: Int, last: Int, direction: CueDirection, pronoun: Bool = false, sentence: String? = nil) {
            var hit = CueHit(kind: kind, first: first, last: last, direction: direction, sentence: sentence, rule: rule)
            hit.pronoun = pronoun
            hits.append(hit)
        }
        func lowerWord(_ position: Int) -> String { list[position].lower }
        switch pattern.reader {
        case .words:
            return false
        case .inDescribedPrison:
            // `is currently in a “strict regime” prison`: a being verb, `in`, an article, then describing words.
            let before = wordsBefore(section, index, in: clause, count: 6)
            guard let inAt = before.firstIndex(where: { EventWords.inWord.contains($0.lower) }), inAt >= 2, inAt + 1 < before.count,
                  EventWords.article.contains(before[inAt - 1].lower), EventWords.beingIn.contains(before[inAt + 1].lower)
            else { return false }
            fixed(.status(.imprisoned), pattern.rule, first: before[inAt].index, last: index, direction: .backward)
            return true
        case .diedOr:
            // `killed or died` is one cue; `detained or killed` hedges nothing about death.
            guard let last = hits.last, last.last >= index - 2 else { return false }
            hits[hits.count - 1].last = index
            hits[hits.count - 1].extraRules.append(pattern.rule)
            return true
        case .preTrial:
            let before = wordsBefore(section, index, in: clause, count: 2).map(\.lower)
            let placing = EventWords.placing
            if before.first.map(EventWords.possessive.contains) == true {
                // `the court ordered her pre-trial detention`: the one the possessive names.
                fixed(.status(.preTrialDetention), "event.pre-trial-possessive", first: index - 1, last: index + 1, direction: .backward, pronoun: true)
            } else if before.first.map(EventWords.inWord.contains) == true && !before.contains(where: placing.contains) {
                // `after two years in pre-trial detention`: the person the clause is about.
                add(.preTrialDetention, "event.in-pre-trial-detention", at: index - 1, through: index + 1, direction: .backward)
            } else if let verb = before.first(where: placing.contains),
                      before.first.map({ EventWords.placingLink.contains($0) || placing.contains($0) }) == true {
                let verbIndex = (lower..<index).last { lowerWord($0) == verb } ?? index
                add(.preTrialDetention, pattern.rule, at: verbIndex, through: index + 1, direction: .backward)
            }
            return true
        case .transferredToPrison:
            // `was transferred to a maximum-security prison on 5 January` (not `moved from prison to house arrest`).
            guard let verb = wordsBefore(section, index, in: clause, count: 5).first(where: { EventWords.transferVerb.contains($0.lower) }),
                  (verb.index + 1..<index).contains(where: { EventWords.transferLink.contains(lowerWord($0)) }),
                  !(verb.index + 1..<index).contains(where: { EventWords.from.contains(lowerWord($0)) }) else { return true }
            add(.imprisoned, pattern.rule, at: verb.index, through: index, direction: .backward)
            return true
        case .whereabouts:
            // `his whereabouts remain unknown`
            if (index + 1..<min(upper, index + 6)).contains(where: { EventWords.unknown.contains(lowerWord($0)) }) {
                var hit = CueHit(kind: .status(.disappeared), first: index, last: index, direction: .backward, rule: pattern.rule)
                if let possessive = previous, EventWords.possessiveOne.contains(possessive) { hit.pronoun = true; hit.first = index - 1 }
                hits.append(hit)
            }
            return true
        case .bodyFound:
            // `his body was found on 3 May`, `the body of X was discovered`: the person is dead.
            guard let body = wordsBefore(section, index, in: clause, count: 8).first(where: { EventWords.body.contains($0.lower) }) else { return true }
            if body.index > lower, EventWords.possessiveOne.contains(lowerWord(body.index - 1)) {
                fixed(.status(.deceased), pattern.rule, first: body.index - 1, last: index, direction: .backward, pronoun: true)
            } else {
                add(.deceased, pattern.rule, at: index, through: index, direction: .backward)
            }
            return true
        case .placedIn:
            // `was placed in a psychiatric hospital`, `placed in solitary confinement` (pre-trial detention
            // and house arrest are read at their own words).
            let window = index + 2..<min(upper, index + 6)
            guard window.contains(where: { EventWords.placedWhere.contains(lowerWord($0)) }),
                  !window.contains(where: { EventWords.placedElsewhere.contains(lowerWord($0)) }) else { return false }
            let jailed = window.contains { EventWords.jailPlace.contains(lowerWord($0)) }
            add(jailed ? .imprisoned : .detained, jailed ? "event.placed-in-prison" : pattern.rule, at: index, through: index + 1)
            return true
        case .asylum:
            guard let granted = wordsBefore(section, index, in: clause, count: 3).first(where: { EventWords.granted.contains($0.lower) }) else { return true }
            let (voiceDirection, first, negated) = voice(section, granted.index, in: clause)
            if negated { return true }
            hits.append(CueHit(kind: .status(.asylumGranted), first: first, last: index,
                               direction: next.map(EventWords.to.contains) == true ? .forward : voiceDirection, rule: pattern.rule))
            return true
        case .formerPrisoner:
            if let former = wordsBefore(section, index, in: clause, count: 2).last, EventWords.former.contains(former.lower) {
                fixed(.status(.released), pattern.rule, first: former.index, last: index, direction: .forward)
            }
            return true
        case .possessiveEvent:
            // `until her release on 23 May 2021`: what happened to the person the possessive names;
            // `has campaigned for his release` asks for it and says nothing happened.
            if next.map(EventWords.eventNounAux.contains) == true,
               (index + 2..<min(upper, index + 5)).contains(where: { EventWords.notCarriedOut.contains(lowerWord($0)) || EventWords.undone.contains(lowerWord($0)) }) { return false }
            if wordsBefore(section, index - 1, in: clause, count: 3).contains(where: { EventWords.asking.contains($0.lower) || EventWords.unrealised.contains($0.lower) }) {
                return false
            }
            if wordBefore(section, index - 1, in: clause).map(EventWords.forWord.contains) == true { return false }
            guard let status = WordLists.eventNouns[lowerWord(index)] else { return true }
            fixed(.status(status), pattern.rule, first: index - 1, last: index, direction: .backward, pronoun: true)
            return true
        case .free:
            // `Calls on the authorities to free X`, `to free all political prisoners` (not `free and fair elections`).
            guard index + 1 < upper, list[index + 1].isCapitalised || EventWords.freeObject.contains(lowerWord(index + 1)) else { return false }
            fixed(.releaseCall, pattern.rule, first: index, last: index, direction: .forward)
            return true
        case .releaseRefused:
            return releaseRefused(at: index, in: clause, into: &hits)
        case .releaseNoun:
            if releaseRefused(at: index, in: clause, into: &hits) { return true }
            // `welcomes the release of X`: X was released; anything else asks for it.
            if wordsBefore(section, index, in: clause, count: 4).contains(where: { EventWords.approving.contains($0.lower) }) {
                fixed(.status(.released), "event.welcomed-release", first: index, last: index, direction: .forward)
            } else {
                fixed(.releaseCall, pattern.rule, first: index, last: index, direction: .forward)
            }
            return true
        case .eventNoun:
            // `the arrest of X on 14 January`, `the sentencing of X to seven years`, `X’s detention`:
            // an event named by its noun. A release or pardon counts only where it is welcomed
            // (anything else asks for it), and nothing counts where it is asked for or feared.
            // A citation names earlier texts by their subject (`its resolution on the arrest of X`): no event.
            var ofAt: Int? = next.map(EventWords.of.contains) == true ? index + 1 : nil
            // `event.event-noun-pair-of`: `the detention and torture of X`, `the arrest, ill-treatment and
            // imprisonment of X`: nouns of what was done to the person joined to the event noun before `of`.
            var paired = false
            if ofAt == nil, index + 1 < upper, EventWords.listJoiner.contains(lowerWord(index + 1)) {
                var position = index + 1
                var sawNoun = false
                while position < min(upper, index + 8) {
                    let word = lowerWord(position)
                    if EventWords.listJoiner.contains(word) {
                        position += 1
                    } else if EventWords.pairNoun.contains(word) || WordLists.eventNouns[word] != nil {
                        sawNoun = true
                        position += 1
                    } else {
                        if sawNoun, EventWords.of.contains(word) { ofAt = position; paired = true }
                        break
                    }
                }
            }
            let isOf = ofAt != nil
            guard isOf || (index > lower && EventWords.possessiveMark.contains(list[index - 1].text)) else { return false }
            guard let status = WordLists.eventNouns[lowerWord(index)], document.sections[section].kind != .citation else { return true }
            let before = wordsBefore(section, index, in: clause, count: 4).map(\.lower)
            if before.contains(where: { EventWords.notDone.contains($0) || EventWords.forWord.contains($0) }) { return true }
            if status == .released, !before.contains(where: EventWords.approving.contains) { return true }
            let found = status == .sentenced ? sentence(after: index, in: clause) : nil
            var hit = isOf
                ? CueHit(kind: .status(status), first: index, last: max(ofAt ?? index + 1, found?.last ?? index + 1), direction: .forward,
                         sentence: found?.text, rule: pattern.rule)
                : CueHit(kind: .status(status), first: index - 1, last: index, direction: .backward, rule: pattern.rule)
            hit.nominal = true
            if paired { hit.extraRules.append("event.event-noun-pair-of") }
            hits.append(hit)
            return true
        case .handedSentence:
            // `was handed a ten-year prison sentence`, `received a five-year sentence`
            guard let verb = wordsBefore(section, index, in: clause, count: 5).first(where: { EventWords.handing.contains($0.lower) }) else {
                // (real6) `event.sentence-against`: `the death sentence against X`, `the sentence upon Mr X`: a sentence
                // named by its noun and the preposition of the one it falls on, a name right after (not a date:
                // `the sentence on 3 May`); not where it is asked for, planned or feared.
                // `against the blogger X`: an article and lower-case words describing the person before the name.
                func nameAt(_ position: Int) -> Bool {
                    guard position < upper else { return false }
                    if list[position].isCapitalised { return true }
                    guard EventWords.the.contains(lowerWord(position)) else { return false }
                    var word = position + 1
                    while word < min(upper, position + 5), list[word].isWord, !list[word].isCapitalised { word += 1 }
                    return word < upper && word > position + 1 && list[word].isCapitalised
                }
                if next.map(EventWords.sentenceUpon.contains) == true, nameAt(index + 2),
                   !wordsBefore(section, index, in: clause, count: 4).contains(where: { EventWords.notDone.contains($0.lower) || EventWords.forWord.contains($0.lower) }) {
                    var hit = CueHit(kind: .status(.sentenced), first: index, last: index + 1, direction: .forward, rule: "event.sentence-against")
                    hit.nominal = true
                    hits.append(hit)
                }
                return true
            }
            add(.sentenced, pattern.rule, at: verb.index, through: index, direction: EventWords.receiving.contains(verb.lower) ? .backward : nil)
            return true
        case .takenAway:
            // `taken to the capital on 19 August`, `taken to an unknown location`, `taken away by police`:
            // held by the authorities (a prison is imprisonment).
            let window = index + 2..<min(upper, index + 6)
            if window.contains(where: { EventWords.notDetaining.contains(lowerWord($0)) }) { return false }
            let jailed = window.contains { EventWords.jailPlace.contains(lowerWord($0)) }
            add(jailed ? .imprisoned : .detained, jailed ? "event.taken-to-prison" : pattern.rule, at: index, through: index + 1)
            return true
        case .sentenceIncreased:
            // `an appeal court increased his sentence to death`, `her sentence was extended to ten years`:
            // a new sentence, with its own date.
            let window = max(lower, index - 3)..<min(upper, index + 4)
            guard let noun = window.first(where: { EventWords.term.contains(lowerWord($0)) }),
                  let found = sentence(after: max(index, noun), in: clause) else { return true }
            if noun > lower, EventWords.possessiveOne.contains(lowerWord(noun - 1)) {
                fixed(.status(.sentenced), pattern.rule, first: min(index, noun - 1), last: found.last, direction: .backward,
                      pronoun: true, sentence: found.text)
            } else {
                add(.sentenced, pattern.rule, at: index, through: found.last, sentence: found.text)
            }
            return true
        case .subjectedToTrial:
            // `was subjected to an unfair trial`: a trial noun within four words after `subjected to`;
            // `the trials to which they were subjected`: a trial noun before `to which`.
            // (only describing words between: `subjected to harassment after his trial` is no trial undergone)
            if next.map(EventWords.to.contains) == true,
               let trial = (index + 2..<min(upper, index + 6)).first(where: { EventWords.trialNoun.contains(lowerWord($0)) }),
               !(index + 2..<trial).contains(where: { !list[$0].isWord || EventWords.possessive.contains(lowerWord($0))
                   || StoryWords.sequel.contains(lowerWord($0)) || EventWords.and.contains(lowerWord($0)) }) {
                add(.onTrial, pattern.rule, at: index, through: trial, direction: .backward)
                return true
            }
            let before = wordsBefore(section, index, in: clause, count: 6)
            guard let relative = before.firstIndex(where: { EventWords.trialRelative.contains($0.lower) }), relative + 2 < before.count,
                  EventWords.relativePreposition.contains(before[relative + 1].lower), EventWords.trialNoun.contains(before[relative + 2].lower)
            else { return false }
            add(.onTrial, pattern.rule, at: index, through: index, direction: .backward)
            return true
        case .demandedInIntroduction:
            // `the Parliament has demanded the immediate release of X` in a text's title or the introduction a
            // republisher set before it: a call for release (anything else there only names the case).
            guard document.sections[section].kind == .title,
                  wordsBefore(section, index, in: clause, count: 5).contains(where: { EventWords.titleDemand.contains($0.lower) })
            else { return false }
            fixed(.releaseCall, pattern.rule, first: index, last: index, direction: .forward)
            return true
        case .heldOnCharges:
            // `was arrested and detained on politically motivated charges`, `has been detained since May 2029
            // on espionage charges`: held on charges, so charged. The words between `on` and the noun describe
            // the charges (lower case, no verb of custody); a verb of custody stands at most four tokens before `on`.
            let before = wordsBefore(section, index, in: clause, count: 10)
            guard let onAt = before.firstIndex(where: { EventWords.heldOn.contains($0.lower) }),
                  before[..<onAt].allSatisfy({ !list[$0.index].isCapitalised && !EventWords.heldOnVerb.contains($0.lower) }) else { return false }
            let on = before[onAt].index
            guard let verb = (max(lower, on - 4)..<on).last(where: { EventWords.heldOnVerb.contains(lowerWord($0)) }),
                  (verb + 1..<on).allSatisfy({ list[$0].isNumber || list[$0].isCapitalised || EventWords.heldOnGap.contains(lowerWord($0)) })
            else { return false }
            fixed(.status(.charged), pattern.rule, first: on, last: index, direction: .backward)
            return true
        case .chargesAgainst:
            if let hit = chargeCue(against: index, in: clause) { hits.append(hit) }
            return true
        }
    }
}

extension EventStage {
    /// (real6) `event.release-refused`: `its decision not to release X`, `refused to release X`: no call, and no
    /// release: the person is held, as of the resolution. Whether the `release` at `index` is refused so.
    func releaseRefused(at index: Int, in clause: Clause, into hits: inout [CueHit]) -> Bool {
        let twoBefore = wordsBefore(clause.section, index, in: clause, count: 2)
        guard twoBefore.count == 2, EventWords.to.contains(twoBefore[0].lower), EventWords.refusing.contains(twoBefore[1].lower) else { return false }
        var hit = CueHit(kind: .status(.detained), first: twoBefore[1].index, last: index, direction: .forward, rule: "event.release-refused")
        hit.undated = true
        hits.append(hit)
        return true
    }
}

/// The classes of `Words/event-words.txt` the coded cue readers and the cue, step and charge rules
/// read by name (the patterns of `Rules+Events.swift` name theirs in the table).
enum EventWords {
    static func words(_ kind: String) -> Set<String> { EventStage.cueClass(kind) }
    static let placing = words("placing")
    static let placingLink = words("placing-link")
    static let possessive = words("possessive")
    static let possessiveOne = words("possessive-one")
    static let inWord = words("in")
    static let beingIn = words("being-in")
    static let transferVerb = words("transfer-verb")
    static let transferLink = words("transfer-link")
    static let from = words("from")
    static let unknown = words("unknown")
    static let body = words("body")
    static let placedWhere = words("placed-where")
    static let placedElsewhere = words("placed-elsewhere")
    static let jailPlace = words("jail-place")
    static let asking = words("asking")
    static let unrealised = words("unrealised")
    static let feared = words("feared")
    /// Asked for, planned or feared: no event happened (`to halt the execution of`, `at risk of execution`).
    static let notDone = asking.union(unrealised).union(feared)
    static let granted = words("granted")
    static let to = words("to")
    static let former = words("former")
    static let eventNounAux = words("event-noun-aux")
    static let notCarriedOut = words("not-carried-out")
    /// After `his conviction was …`: set aside (`overturned`, `quashed`), so no step of its own.
    static let undone = words("undone")
    static let heldOn = words("held-on")
    static let heldOnVerb = words("held-on-verb")
    static let heldOnGap = words("held-on-gap")
    static let forWord = words("for")
    static let freeObject = words("free-object")
    static let approving = WordSet(words("approving"))
    static let of = words("of")
    static let possessiveMark = words("possessive-mark")
    static let handing = words("handing")
    static let receiving = words("receiving")
    static let notDetaining = words("not-detaining")
    static let term = words("term")
    static let objectPronoun = words("object-pronoun")
    static let objectWord = words("object-word")
    static let pluralStandIn = words("their").union(words("them"))
    static let and = words("and")
    static let later = words("later")
    static let clauseOpener = words("clause-opener")
    static let perfectAux = words("perfect-aux")
    static let who = words("who")
    static let describingLead = words("describing-lead")
    static let roleParticipleNext = words("role-participle-next")
    static let joinedParticipleNext = words("joined-participle-next")
    static let pronounObjectNext = words("pronoun-object-next")
    static let endedAux = words("ended-aux")
    static let the = words("the")
    static let latter = words("latter")
    static let sentenceFixed = words("sentence-fixed")
    static let sentenceUnit = words("sentence-unit")
    static let sentenceRegime = words("sentence-regime")
    static let absentia = words("absentia")
    static let relative = words("relative")
    static let listJoiner = words("list-joiner")
    static let degree = words("degree")
    static let them = words("them")
    static let ordinalEnding = words("ordinal-ending")
    static let pairNoun = words("pair-noun")
    static let trialNoun = words("trial-noun")
    static let trialRelative = words("trial-relative")
    static let relativePreposition = words("relative-preposition")
    static let titleDemand = words("title-demand")
    static let that = words("that")
    static let with = words("with")
    static let companion = words("companion")
    static let objectPreposition = words("object-preposition")
    static let article = words("article")
    static let phrasePreposition = words("phrase-preposition")
    static let by = words("by")
    static let associateNoun = words("associate-noun")
    static let requestBarrier = words("request-barrier")
    static let coordinator = words("coordinator")
    static let sameWhat = words("same-what")
    static let chargeEndedAux = words("charge-ended-aux")
    static let acquitted = words("acquitted-word")
    static let endedSubject = words("ended-subject")
    static let citedLead = words("cited-lead")
    static let chargePreposition = words("charge-preposition")
    static let groupNoun = words("group-noun")
    static let at = words("at")
    static let leastMost = words("least-most")
    static let groupReference = words("group-reference")
    static let demonstrative = words("demonstrative")
    static let membershipList = words("membership-list")
    static let positionLink = words("position-link")
    static let associated = words("associated")
    static let against = words("against")
    static let sentenceUpon = words("sentence-upon")
    static let refusing = words("refusing")
    static let newStatement = words("new-statement")
}
