/// The organisations stage: acronyms, organisations, provisions and instrument names
/// (`Extractor+Organisations`, `+Provisions`, `+InstrumentNames`), read from the tokens stage's
/// output alone. It owns the organisation drafts and their indexes, the organisation cache, the
/// provision memo and the run indexes organisations ask.
///
/// Its last steps need persons, so the persons stage takes the organisation stage after ``run()``
/// and runs them itself (``PersonStage/run()``): coordinated organisations (a name coordinated with
/// a known party is one unless it is a person's), every later mention of an organisation, and the
/// organisation shapes (a generic noun then an own name that is not a person's). For those steps
/// the persons stage hands its persons back (``takePersons(_:personWords:)``): a hand-off that goes
/// backwards, because a name is told from a person's only once persons are known.
struct OrganisationStage: TokenReading, PersonWordReading {
    typealias Clause = TokenStage.Clause
    typealias PersonDraft = PersonStage.PersonDraft

    struct OrganisationDraft {
        var name: String
        var aliases: [String]
        var kind: String?
        var mentions: [Extraction.Mention]
        /// `organisationKey` of the name and of each alias, kept to compare fast.
        var nameKey: String
        var aliasKeys: Set<String>
        /// The rules that recognised its mentions (`organisation.…`).
        var rules: [RuleHit] = []
    }

    /// What the stage has found: the organisations and the provisions.
    struct Output {
        var organisations: [OrganisationDraft]
        var provisions: [Extraction.ProvisionEntity]
        /// Rule hits of the entity-shape rules on organisations, by name.
        var organisationRuleHits: [String: [RuleHit]]
    }

    // The tokens stage's output.
    let document: ResolutionText
    let tokens: [[Token]]
    let positions: [WordPositions]
    let clauses: [Clause]
    let tokenClasses: TokenClasses

    var organisations: [OrganisationDraft] = []
    var provisions: [Extraction.ProvisionEntity] = []
    var acronyms: [String: String] = [:]
    /// Every acronym the text writes in brackets (`(FPU)`), whatever it stands for: defined there, it is no
    /// body named by its acronym alone (``findAgentAcronyms()``).
    var bracketedAcronyms: Set<String> = []
    /// The first organisation draft by its name key, and by each key of its aliases: see ``addOrganisation``.
    var organisationByNameKey: [String: Int] = [:]
    var organisationByAliasKey: [String: Int] = [:]
    /// Token ranges (section, tokens) that belong to organisation lists.
    var organisationSpans: [(section: Int, range: ClosedRange<Int>)] = []
    /// Rule hits of the entity-shape rules on organisations, by name (see ``applyOrganisationShapes()``).
    var organisationRuleHits: [String: [RuleHit]] = [:]

    // MARK: Run caches: organisations and provisions
    /// Values worked out once per run and asked for again and again (see ``organisationKey(_:)``).
    final class Memo {
        var organisationKeys: [String: String] = [:]
    }
    let memo = Memo()
    /// What organisation recognition asks of every token, and where capitalised words stand, worked out once per run.
    let organisationCache = OrganisationCache()
    /// Instrument names, their words and keys, worked out once per run (see ``ProvisionMemo``).
    let provisionMemo = ProvisionMemo()
    /// Indexes by section or key for questions asked of every candidate (see ``RunIndexes``).
    let runIndexes = RunIndexes()

    // MARK: Handed back by the persons stage
    /// The persons found so far, for the steps that need them (see ``takePersons(_:personWords:)``).
    var persons: [PersonDraft] = []
    /// The persons' view of each token (``PersonWord``), for ``isTitleWord(_:_:)``.
    var personWords: [[PersonWord]] = []

    init(_ tokens: TokenStage.Output) {
        document = tokens.document
        self.tokens = tokens.tokens
        positions = tokens.positions
        clauses = tokens.clauses
        tokenClasses = tokens.tokenClasses
    }

    /// The steps that need no persons: acronyms, organisations, provisions, instrument names.
    mutating func run() {
        findAcronyms()
        findOrganisations()
        findAgentAcronyms()
        findBroadcasterNames()
        findProvisions()
        unifyWrittenInstrumentNames()
    }

    /// The persons stage hands back what it has found, before an organisation step that needs persons.
    mutating func takePersons(_ persons: [PersonDraft], personWords: [[PersonWord]]) {
        self.persons = persons
        self.personWords = personWords
    }

    func isInOrganisationList(_ section: Int, _ index: Int) -> Bool {
        organisationListHolds(section, index)
    }

    var output: Output { Output(organisations: organisations, provisions: provisions, organisationRuleHits: organisationRuleHits) }
}
