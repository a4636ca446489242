/// Indexes that keep a question asked of every candidate from scanning everything found so far
/// in the text (which made extraction grow with the square of its length): each is built from
/// the run's arrays and answers from one section's or one key's entries.

/// Spans of offsets (or token positions) grouped by the section they are in.
struct SpansBySection<Section: Hashable> {
    private var spans: [Section: [(start: Int, end: Int)]] = [:]

    init() {}

    mutating func insert(_ section: Section, start: Int, end: Int) {
        spans[section, default: []].append((start, end))
    }

    /// Whether a span of this section runs from at or before `start` to at or after `end`.
    func covers(_ section: Section, _ start: Int, _ end: Int) -> Bool {
        guard let list = spans[section] else { return false }
        return list.contains { $0.start <= start && end <= $0.end }
    }
}

/// Run-wide indexes built on first use (a class, so that the run's non-mutating questions can fill it).
final class RunIndexes {
    /// ``OrganisationStage/organisationSpans`` by section, and how many spans it was built from (rebuilt if more were added).
    var organisationListSpans = SpansBySection<Int>()
    var organisationListSpanCount = -1
    /// Every organisation draft's name key, and how many drafts there were when it was built.
    var organisationNameKeys: Set<String> = []
    var organisationNameKeyCount = -1

    /// The subject, article and instrument of every charge, memberships' person, organisation and role, the first
    /// release call of each person, and each organisation's memberships in order: kept up with the run's arrays,
    /// which only grow (an entry is never removed, nor are these fields changed), by adding the entries past
    /// the count indexed so far.
    var chargeKeys: Set<ChargeKey> = []
    var chargesByPerson: [String: [Int]] = [:]
    var chargesIndexed = 0
    var membershipKeys: Set<MembershipKey> = []
    var membershipsByOrganisation: [String: [Int]] = [:]
    var membershipsIndexed = 0
    var releaseCallByPerson: [String: Int] = [:]
    var releaseCallsIndexed = 0

    /// Each section's organisation mentions (by section label): the organisation's index and where the mention
    /// ends. Built once, when cues are read (organisations and their mentions no longer change then).
    var organisationMentionsBySection: [String: [(organisation: Int, end: Int)]]?

    /// For each section (by index), the positions of `that` words (``EventWords/that``) and of counted groups joined
    /// by `, and` (see ``EventStage/countedSubject(in:from:to:)``), in text order: found once a section, so that a
    /// question asked of each name of a long list does not read the rest of the list again.
    var thatPositions: [Int: [Int]] = [:]
    var countedJoinPositions: [Int: [Int]] = [:]

    struct ChargeKey: Hashable {
        var person: String?, organisation: String?, group: String?, count: Int?
        var article: String, instrument: String

        init(_ subject: Extraction.ChargeSubject, article: String, instrument: String) {
            (person, organisation, group, count) = (subject.person, subject.organisation, subject.group, subject.count)
            (self.article, self.instrument) = (article, instrument)
        }
    }

    struct MembershipKey: Hashable {
        var person: String, organisation: String, role: String
    }

    func sync(charges: [Extraction.ChargeCue]) {
        if charges.count < chargesIndexed { chargeKeys = []; chargesByPerson = [:]; chargesIndexed = 0 }
        for index in charges.indices.dropFirst(chargesIndexed) {
            let charge = charges[index]
            chargeKeys.insert(ChargeKey(charge.subject, article: charge.article, instrument: charge.instrument))
            if let person = charge.subject.person { chargesByPerson[person, default: []].append(index) }
        }
        chargesIndexed = charges.count
    }

    func sync(memberships: [Extraction.MembershipCue]) {
        if memberships.count < membershipsIndexed { membershipKeys = []; membershipsByOrganisation = [:]; membershipsIndexed = 0 }
        for index in memberships.indices.dropFirst(membershipsIndexed) {
            let membership = memberships[index]
            membershipKeys.insert(MembershipKey(person: membership.person, organisation: membership.organisation, role: membership.role))
            membershipsByOrganisation[membership.organisation, default: []].append(index)
        }
        membershipsIndexed = memberships.count
    }

    func sync(releaseCalls: [Extraction.ReleaseCall]) {
        if releaseCalls.count < releaseCallsIndexed { releaseCallByPerson = [:]; releaseCallsIndexed = 0 }
        for index in releaseCalls.indices.dropFirst(releaseCallsIndexed) where releaseCallByPerson[releaseCalls[index].person] == nil {
            releaseCallByPerson[releaseCalls[index].person] = index
        }
        releaseCallsIndexed = releaseCalls.count
    }

    init() {}
}

extension OrganisationStage {
    /// Whether token `index` of `section` is inside an organisation list (``organisationSpans``), from an index by section.
    func organisationListHolds(_ section: Int, _ index: Int) -> Bool {
        let indexes = runIndexes
        if indexes.organisationListSpanCount != organisationSpans.count {
            var spans = SpansBySection<Int>()
            for span in organisationSpans { spans.insert(span.section, start: span.range.lowerBound, end: span.range.upperBound) }
            indexes.organisationListSpans = spans
            indexes.organisationListSpanCount = organisationSpans.count
        }
        return indexes.organisationListSpans.covers(section, index, index)
    }
}

extension OrganisationStage {
    /// The name keys of all organisation drafts. Built once for a number of drafts: asked while persons'
    /// mentions are found (``isOrganisationName(_:)``), when no draft is added or renamed.
    func organisationNameKeys() -> Set<String> {
        let indexes = runIndexes
        if indexes.organisationNameKeyCount != organisations.count {
            indexes.organisationNameKeys = Set(organisations.map(\.nameKey))
            indexes.organisationNameKeyCount = organisations.count
        }
        return indexes.organisationNameKeys
    }
}

extension EventStage {
    /// Whether a charge of this subject under this article of this instrument is known (a set look-up, not a scan of all charges).
    func hasCharge(_ subject: Extraction.ChargeSubject, article: String, instrument: String) -> Bool {
        runIndexes.sync(charges: charges)
        return runIndexes.chargeKeys.contains(.init(subject, article: article, instrument: instrument))
    }

    /// The charges whose subject is this person (by name), in the order they were found.
    func charges(of person: String) -> [Extraction.ChargeCue] {
        runIndexes.sync(charges: charges)
        return (runIndexes.chargesByPerson[person] ?? []).map { charges[$0] }
    }

    /// Whether this person's membership of this organisation in this role is known.
    func hasMembership(person: String, organisation: String, role: String) -> Bool {
        runIndexes.sync(memberships: memberships)
        return runIndexes.membershipKeys.contains(.init(person: person, organisation: organisation, role: role))
    }

    /// The memberships of an organisation (by name), in the order they were found.
    func memberships(of organisation: String) -> [Extraction.MembershipCue] {
        runIndexes.sync(memberships: memberships)
        return (runIndexes.membershipsByOrganisation[organisation] ?? []).map { memberships[$0] }
    }

    /// The index of the first release call for this person (by name), if any.
    func releaseCallIndex(person: String) -> Int? {
        runIndexes.sync(releaseCalls: releaseCalls)
        return runIndexes.releaseCallByPerson[person]
    }
}

/// Where organisation forms may stand, for ``OrganisationStage/findAllOrganisationMentions()``: the places of each
/// first word looked up once, and for forms of several words, those places grouped by the word that would end
/// the form there. Many forms share a first word (`Party of …`, an acronym): each form is then compared with
/// the places ending with its last word, not with every place of its first.
final class OrganisationFormPlaces {
    typealias Place = (section: Int, index: Int)
    private var byFirstWord: [String: [Place]] = [:]
    private struct Shape: Hashable { var first: String, count: Int }
    private var byLastWord: [Shape: [String: [Place]]] = [:]

    init() {}

    /// The places of `words[0]` (``OrganisationStage/organisationOccurrences(of:)``, in its order) where the form fits in
    /// the section and, for several words, its last word stands where the form would end.
    func places(of words: [String], in run: OrganisationStage) -> [Place] {
        guard let first = words.first else { return [] }
        let all: [Place]
        if let known = byFirstWord[first] {
            all = known
        } else {
            all = run.organisationOccurrences(of: first)
            byFirstWord[first] = all
        }
        guard words.count >= 2 else { return all }
        let shape = Shape(first: first, count: words.count)
        if byLastWord[shape] == nil {
            var grouped: [String: [Place]] = [:]
            for place in all where place.index + words.count <= run.tokens[place.section].count {
                grouped[run.tokens[place.section][place.index + words.count - 1].text, default: []].append(place)
            }
            byLastWord[shape] = grouped
        }
        return byLastWord[shape]?[words[words.count - 1]] ?? []
    }
}

extension EventStage {
    /// The organisations with a mention in this section (by label) ending at or before `offset`: from the
    /// section's mentions, not a scan of every organisation's. For the cue stage, when organisations and
    /// their mentions no longer change (as ``CueMemo`` assumes).
    func organisationsMentioned(inSection label: String, endingBy offset: Int) -> [Int] {
        if runIndexes.organisationMentionsBySection == nil {
            var bySection: [String: [(organisation: Int, end: Int)]] = [:]
            for (index, draft) in organisations.enumerated() {
                for mention in draft.mentions { bySection[mention.section, default: []].append((index, mention.end)) }
            }
            runIndexes.organisationMentionsBySection = bySection
        }
        let found = Set((runIndexes.organisationMentionsBySection?[label] ?? []).filter { $0.end <= offset }.map(\.organisation))
        return found.sorted()
    }
}

extension EventStage {
    /// The positions of the `that` words (``EventWords/that``) of a section, in order.
    func thatPositions(in section: Int) -> [Int] {
        if let known = runIndexes.thatPositions[section] { return known }
        let list = tokens[section]
        let found = list.indices.filter { EventWords.that.contains(list[$0].lower) }
        runIndexes.thatPositions[section] = found
        return found
    }

    /// The positions of `and` (``StoryWords/rangeJoin``) after a comma and before a counted plural noun in a section
    /// (`, and 11 activists`), in order: what ``countedSubject(in:from:to:)`` looks for between two places.
    func countedJoinPositions(in section: Int) -> [Int] {
        if let known = runIndexes.countedJoinPositions[section] { return known }
        let list = tokens[section]
        let quantities = StoryWords.quantities
        var found: [Int] = []
        for position in list.indices where position > 0 && position + 2 < list.count
            && StoryWords.rangeJoin.contains(list[position].lower) && list[position - 1].text == "," {
            let next = list[position + 1]
            guard next.isNumber || next.startsWithNumber || Lexicon.numberWords[next.lower] != nil || quantities.contains(next.lower) else { continue }
            let noun = list[position + 2]
            if noun.isWord && !noun.isCapitalised && noun.lower.hasSuffix("s") && noun.lower.count > 3 { found.append(position) }
        }
        runIndexes.countedJoinPositions[section] = found
        return found
    }
}
