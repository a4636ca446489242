/// The events, charges and release-calls stages (`Extractor+Cues`, `+CuePatterns`, `+Steps`,
/// `+Charges`) as one type with typed hand-offs: it takes the tokens and clauses, the persons the
/// persons stage accepted (name, mentions, whether an official), the organisations and the
/// provisions; it owns its run caches (``CueMemo``, the pronoun subjects of each clause); and it
/// hands back the statuses, charges, memberships and release calls, with the persons a call for
/// release shows to be cases rather than officials. It can be run alone on any such input.
struct EventStage {
    typealias Clause = ExtractionRun.Clause
    typealias WordShapes = ExtractionRun.WordShapes

    /// A person as the persons stage hands it on.
    struct Person: Sendable {
        var name: String
        var mentions: [Extraction.Mention]
        /// An office-holder: never given statuses, charges or release calls (unless a call for
        /// their release shows them to be a case).
        var official: Bool
    }

    /// An organisation as the organisations stage hands it on.
    struct Organisation: Sendable {
        var name: String
        var kind: String?
        var mentions: [Extraction.Mention]
    }

    /// What the stage finds.
    struct Output {
        var statuses: [Extraction.StatusCue]
        var charges: [Extraction.ChargeCue]
        var memberships: [Extraction.MembershipCue]
        var releaseCalls: [Extraction.ReleaseCall]
        /// Persons handed in as officials whose release a paragraph calls for: cases, not officials.
        var notOfficials: [Int]
    }

    let document: ResolutionText
    let tokens: [[Token]]
    let clauses: [Clause]
    var persons: [Person]
    let organisations: [Organisation]
    let provisions: [Extraction.ProvisionEntity]
    /// The tokens' word classes (``TokenClasses``): the stage reads its view of them (``CueWordClass``).
    let tokenClasses: TokenClasses

    var charges: [Extraction.ChargeCue] = []
    var statuses: [Extraction.StatusCue] = []
    var memberships: [Extraction.MembershipCue] = []
    var releaseCalls: [Extraction.ReleaseCall] = []
    /// Clauses with `he`, `she`, `they` standing for persons named before, by index in `clauses`.
    var pronounSubjects: [Int: [Placed]] = [:]
    /// Persons handed in as officials whose office is one of civil society (``releaseCivilSocietyOffices()``),
    /// with the words that showed it, carried on their statuses.
    var civilSocietyOffices: [Int: RuleHit] = [:]
    /// Mentions placed on each clause, each token's word class, each clause's dates: see ``CueMemo``.
    let cueMemo = CueMemo()
    /// Look-ups of the claims found so far and of organisation mentions by section: see ``RunIndexes``.
    let runIndexes = RunIndexes()
    /// The labels of the title sections, found once: a per-person look-up must not walk every section.
    let titleLabels: Set<String>

    init(document: ResolutionText, tokens: [[Token]], clauses: [Clause], persons: [Person], organisations: [Organisation],
         provisions: [Extraction.ProvisionEntity], tokenClasses: TokenClasses? = nil) {
        self.document = document
        self.tokens = tokens
        self.clauses = clauses
        self.persons = persons
        self.organisations = organisations
        self.provisions = provisions
        self.tokenClasses = tokenClasses ?? TokenClasses(tokens: tokens, document: document)
        self.titleLabels = Set(document.sections.lazy.filter { $0.kind == .title }.map(\.label))
    }

    /// Reads the cues, steps, release calls, memberships and charges of the whole text.
    mutating func run() -> Output {
        let officials = persons.indices.filter { persons[$0].official }
        civilSocietyOffices = releaseCivilSocietyOffices()
        findCues()
        return Output(statuses: statuses, charges: charges, memberships: memberships, releaseCalls: releaseCalls,
                      notOfficials: officials.filter { !persons[$0].official })
    }

    func label(_ section: Int) -> String { document.sections[section].label }

    func isBody(_ section: Int) -> Bool { document.sections[section].kind != .footnote }

    func text(_ section: Int, _ first: Int, _ last: Int) -> String {
        let list = tokens[section]
        return document.slice(list[first].start, list[last].end)
    }

    /// Positions just after each list introducer ("including", "such as") in a clause.
    func introducers(in clause: Clause) -> [(at: Int, after: Int)] { clause.introducers }

    /// The token of `list` starting exactly at `start` (tokens are in text order: a binary search).
    static func tokenIndex(in list: [Token], start: Int) -> Int? {
        let index = firstToken(list.count) { list[$0].start >= start }
        return index < list.count && list[index].start == start ? index : nil
    }

    /// The token of `list` ending exactly at `end`.
    static func tokenIndex(in list: [Token], end: Int) -> Int? {
        let index = firstToken(list.count) { list[$0].end >= end }
        return index < list.count && list[index].end == end ? index : nil
    }

    /// The first of `count` token indices for which `isAtOrAfter` holds, given it holds for every
    /// later one (asked of an index, so that no token is copied to ask it).
    static func firstToken(_ count: Int, _ isAtOrAfter: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    func tokenIndex(_ section: Int, start: Int) -> Int? { Self.tokenIndex(in: tokens[section], start: start) }

    func tokenIndex(_ section: Int, end: Int) -> Int? { Self.tokenIndex(in: tokens[section], end: end) }
}

extension ExtractionRun {
    /// The events, charges and release-calls stages: hands the persons, organisations and provisions
    /// found so far to an ``EventStage`` and takes back what it finds.
    mutating func findEvents() {
        var stage = EventStage(
            document: document, tokens: tokens, clauses: clauses,
            persons: persons.map { .init(name: $0.name, mentions: $0.mentions, official: $0.official) },
            organisations: organisations.map { .init(name: $0.name, kind: $0.kind, mentions: $0.mentions) },
            provisions: provisions, tokenClasses: tokenClasses)
        let output = stage.run()
        statuses = output.statuses
        charges = output.charges
        memberships = output.memberships
        releaseCalls = output.releaseCalls
        // A call for someone's release says they are a case, whatever office they held.
        for person in output.notOfficials { persons[person].official = false }
    }

    /// The token starting exactly at `start` (organisations place their mentions as the event stage does).
    func tokenIndex(_ section: Int, start: Int) -> Int? { EventStage.tokenIndex(in: tokens[section], start: start) }

    /// The token ending exactly at `end`.
    func tokenIndex(_ section: Int, end: Int) -> Int? { EventStage.tokenIndex(in: tokens[section], end: end) }

    func firstToken(_ count: Int, _ isAtOrAfter: (Int) -> Bool) -> Int { EventStage.firstToken(count, isAtOrAfter) }
}
