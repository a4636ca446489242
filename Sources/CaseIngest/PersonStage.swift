/// The persons stage: persons, their mentions and shapes (`Extractor+Persons`, `+PersonShapes`,
/// ``PersonEvidence``), read from the tokens stage's output and the organisations stage after its
/// run. It owns the person drafts and their indexes, the persons' view of each token
/// (``PersonWord``), the person rule hits and the explanations (`--explain`).
///
/// It takes the organisation stage whole: persons ask of organisations as they are weighed (is this
/// name an organisation's, is this word in a list of organisations), and the organisation steps
/// that need persons run here, in the order below, with the persons handed back to them.
struct PersonStage: TokenReading, PersonWordReading {
    typealias Clause = TokenStage.Clause
    typealias OrganisationDraft = OrganisationStage.OrganisationDraft

    struct PersonDraft {
        var name: String
        var forms: [String]
        var roles: [String]
        var mentions: [Extraction.Mention]
        /// `NameKey.tokens` of each form, kept to compare fast.
        var formTokens: [[String]]
        /// Holds an office (head of state, minister, judge): never a case.
        var official = false
        /// The rules that accepted the candidates this person was made of (``PersonEvidence``).
        var rules: [RuleHit] = []
    }

    /// What the stage hands on: the persons, and the organisations as the steps run here left them.
    struct Output {
        var persons: [PersonDraft]
        /// Rule hits of the entity-shape rules on persons, by person name.
        var personRuleHits: [String: [RuleHit]]
        var organisations: OrganisationStage.Output
    }

    // The tokens stage's output.
    let document: ResolutionText
    let tokens: [[Token]]
    let positions: [WordPositions]
    let clauses: [Clause]
    let tokenClasses: TokenClasses

    var persons: [PersonDraft] = []
    /// Persons by name and by the variant key of every form (see ``NameKey/variantKey(_:)``), for fast lookups.
    var personByName: [String: Int] = [:]
    var personVariants: [String: Int] = [:]
    /// Persons by every word of their forms' `formTokens`, in `persons` order: see ``personsHolding(_:)``.
    var personsByWord: [String: [Int]] = [:]
    /// Persons by the variant key of every form (``NameKey/variantKey(tokens:)``), each once, in `persons` order: the
    /// persons ``record(person:form:mention:role:nameTokens:)`` compares a new name with (see ``indexPersonWords(_:_:variantKey:)``).
    var personsByVariantKey: [String: [Int]] = [:]
    /// Rule hits of the entity-shape rules on persons, by person name (see ``applyPersonShapes()``).
    var personRuleHits: [String: [RuleHit]] = [:]

    // MARK: Run caches: persons
    /// What persons ask of each token's text, by section and position: see ``findPersonWords()``.
    var personWords: [[PersonWord]] = []
    /// Set by ``Extractor/explain(data:name:)``: where the run notes why each name is or is not a person.
    var explanations: ExplanationLog?

    /// The organisations stage after its run (see ``OrganisationStage``).
    var organisationStage: OrganisationStage

    init(_ tokens: TokenStage.Output, organisations: OrganisationStage, explanations: ExplanationLog? = nil) {
        document = tokens.document
        self.tokens = tokens.tokens
        positions = tokens.positions
        clauses = tokens.clauses
        tokenClasses = tokens.tokenClasses
        organisationStage = organisations
        self.explanations = explanations
    }

    /// Persons, then every mention of them and their shapes, with the organisation steps that need
    /// persons between them (each after the persons it reads are handed back).
    mutating func run() -> Output {
        findPersons()
        organisationStage.takePersons(persons, personWords: personWords)
        organisationStage.findCoordinatedOrganisations()
        findAllMentions()
        mergeSpellingVariants()
        organisationStage.takePersons(persons, personWords: personWords)
        organisationStage.findAllOrganisationMentions()
        organisationStage.applyOrganisationShapes()
        applyPersonShapes()
        return Output(persons: persons, personRuleHits: personRuleHits, organisations: organisationStage.output)
    }

    // MARK: What persons ask of the organisations stage
    var organisations: [OrganisationDraft] { organisationStage.organisations }

    func organisationKey(_ name: String) -> String { organisationStage.organisationKey(name) }

    func organisationNameKeys() -> Set<String> { organisationStage.organisationNameKeys() }

    func isInOrganisationList(_ section: Int, _ index: Int) -> Bool { organisationStage.isInOrganisationList(section, index) }

    func institution(named name: String) -> Institutions.Entry? { organisationStage.institution(named: name) }

    /// Text tests of the provisions' (``OrganisationStage/contains(_:_:)``, ``OrganisationStage/spaceSeparatedWords(_:)``).
    static func contains(_ text: String, _ part: String) -> Bool { OrganisationStage.contains(text, part) }

    static func spaceSeparatedWords(_ text: String) -> [String] { OrganisationStage.spaceSeparatedWords(text) }
}

/// A stage that reads the persons' view of each token (``PersonWord``): the persons stage, and the
/// organisation shapes it runs, which ask whether a word is a title.
protocol PersonWordReading: TokenReading {
    var personWords: [[PersonWord]] { get }
}
