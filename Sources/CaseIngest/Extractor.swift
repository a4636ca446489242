import Foundation

/// Reads a resolution and finds its people, organisations, provisions and
/// the cues around them, from the structure of the text.
public enum Extractor {
    /// Decodes, normalises and extracts a file's bytes.
    ///
    /// With `checkingLimits`, first throws as `ResolutionLimits.check(data:name:)` would for a text
    /// over the limits, checking the normalised text that extraction then reads, so that the file
    /// is decoded and normalised once.
    public static func extract(data: Data, name: String, checkingLimits: Bool = false) throws(IngestError) -> Extraction {
        let decoded = try TextDecoding.decode(data, name: name)
        let document = try Normaliser.normalise(decoded.text, name: name)
        if checkingLimits { try ResolutionLimits.check(document, name: name) }
        var extraction = extract(document)
        extraction.warnings = decoded.warnings + extraction.warnings
        return extraction
    }

    public static func extract(text: String, name: String) throws(IngestError) -> Extraction {
        extract(try Normaliser.normalise(text, name: name))
    }

    /// Extracts a normalised text (with `explanations`, noting why each name is or is not a person).
    static func extract(_ document: ResolutionText, explanations: ExplanationLog? = nil) -> Extraction {
        var run = ExtractionRun(document)
        run.explanations = explanations
        run.extractAll()
        var extraction = run.result()
        extraction.text = document.text
        extraction.warnings = document.warnings + extraction.warnings
        return extraction
    }
}

/// One extraction: runs the stages in order (tokens, organisations, persons with the organisation
/// steps that need them, events), each handing its typed output to the next, and assembles the
/// ``Extraction`` from what they found.
struct ExtractionRun: TokenReading {
    typealias Clause = TokenStage.Clause
    typealias PersonDraft = PersonStage.PersonDraft
    typealias OrganisationDraft = OrganisationStage.OrganisationDraft
    typealias WordShapes = PersonStage.WordShapes

    /// The tokens stage's output.
    let tokenized: TokenStage.Output
    var document: ResolutionText { tokenized.document }
    var tokens: [[Token]] { tokenized.tokens }
    var positions: [WordPositions] { tokenized.positions }
    var clauses: [Clause] { tokenized.clauses }
    var tokenClasses: TokenClasses { tokenized.tokenClasses }

    // What the stages found.
    var persons: [PersonDraft] = []
    var organisations: [OrganisationDraft] = []
    var provisions: [Extraction.ProvisionEntity] = []
    var charges: [Extraction.ChargeCue] = []
    var statuses: [Extraction.StatusCue] = []
    var memberships: [Extraction.MembershipCue] = []
    var releaseCalls: [Extraction.ReleaseCall] = []
    /// Rule hits of the entity-shape rules on persons and on organisations, by name.
    var personRuleHits: [String: [RuleHit]] = [:]
    var organisationRuleHits: [String: [RuleHit]] = [:]

    /// Set by ``Extractor/explain(data:name:)``: where the persons stage notes why each name is or is not a person.
    var explanations: ExplanationLog?

    init(_ document: ResolutionText) {
        tokenized = TokenStage.run(document)
    }

    mutating func extractAll() {
        var organisationStage = OrganisationStage(tokenized)
        organisationStage.run()
        var personStage = PersonStage(tokenized, organisations: organisationStage, explanations: explanations)
        let found = personStage.run()
        persons = found.persons
        personRuleHits = found.personRuleHits
        organisations = found.organisations.organisations
        provisions = found.organisations.provisions
        organisationRuleHits = found.organisations.organisationRuleHits
        findEvents()
    }

    func result() -> Extraction {
        Extraction(
            document: .init(
                procedure: document.procedure, title: document.title, adopted: document.adopted,
                sha256: SHA256.hex(document.text), country: document.country, cites: document.cites,
                sections: document.sections.map { .init(label: $0.label, kind: $0.kind, start: $0.start, end: $0.end) },
                kind: document.kind, reference: document.reference, tabled: document.tabled),
            persons: persons.map { draft in
                .init(name: draft.name, aliases: uniqueForms(draft.forms, except: draft.name),
                      roles: draft.official ? [ProgramTag.official] + draft.roles.filter { $0 != ProgramTag.official } : draft.roles.filter { $0 != ProgramTag.official },
                      mentions: draft.mentions.sorted { $0.start < $1.start }, rules: draft.rules + (personRuleHits[draft.name] ?? []))
            },
            organisations: organisations.map { draft in
                .init(name: draft.name, aliases: uniqueForms(draft.aliases, except: draft.name), kind: draft.kind,
                      mentions: draft.mentions.sorted { $0.start < $1.start }, rules: draft.rules + (organisationRuleHits[draft.name] ?? []))
            },
            provisions: provisions,
            charges: charges, statuses: statuses, memberships: memberships, releaseCalls: releaseCalls, warnings: [])
    }

    func uniqueForms(_ forms: [String], except name: String) -> [String] {
        var seen: Set<String> = [name]
        return forms.filter { seen.insert($0).inserted }
    }
}
