/// Everything `extract` finds in one resolution: the value the JSON contract
/// (`EXTRACT_JSON.md`) prints and import stores.
public struct Extraction: Sendable, Encodable {
    public struct Document: Sendable, Encodable {
        public var procedure: String?
        public var title: String
        public var adopted: PartialDate?
        public var sha256: String
        public var country: String?
        public var cites: [ResolutionText.Citation]
        public var sections: [SectionRef]
        /// Adopted text, motion or joint motion, when the header says.
        public var kind: DocumentKind?
        /// The document's own number: `P9_TA(2023)0123`, `B9-0123/2023`, `RC-B9-0123/2023`.
        public var reference: String?
        /// When a motion was tabled, if its header says.
        public var tabled: PartialDate?
    }

    public struct SectionRef: Sendable, Encodable, Equatable {
        public var label: String
        public var kind: ResolutionText.SectionKind
        public var start: Int
        public var end: Int
    }

    public struct Mention: Sendable, Encodable, Equatable {
        public var section: String
        public var text: String
        public var start: Int
        public var end: Int
        public var role: String?
    }

    public struct PersonEntity: Sendable, Encodable {
        public var name: String
        public var aliases: [String]
        public var roles: [String]
        public var mentions: [Mention]
        /// The rules that produced this claim and the words each matched (`Rule`, `RuleBook`).
        public var rules: [RuleHit] = []
    }

    public struct OrganisationEntity: Sendable, Encodable {
        public var name: String
        public var aliases: [String]
        public var kind: String?
        public var mentions: [Mention]
        /// The rules that produced this claim and the words each matched (`Rule`, `RuleBook`).
        public var rules: [RuleHit] = []
    }

    public struct ProvisionEntity: Sendable, Encodable {
        public var instrument: String
        public var instrumentAliases: [String]
        public var article: String
        public var mentions: [Mention]
        /// The rules that produced this claim and the words each matched (`Rule`, `RuleBook`).
        public var rules: [RuleHit] = []

        enum CodingKeys: String, CodingKey {
            case instrument, article, mentions, rules
            case instrumentAliases = "instrument_aliases"
        }
    }

    /// Who a charge is about: a named person or organisation, or a counted,
    /// unnamed group (`at least 15 organisations`).
    public struct ChargeSubject: Sendable, Encodable, Equatable {
        public var person: String?
        public var organisation: String?
        public var group: String?
        public var count: Int?

        public init(person: String? = nil, organisation: String? = nil, group: String? = nil, count: Int? = nil) {
            self.person = person
            self.organisation = organisation
            self.group = group
            self.count = count
        }
    }

    public struct ChargeCue: Sendable, Encodable {
        public var subject: ChargeSubject
        public var instrument: String
        public var article: String
        public var stage: String
        public var evidence: String
        public var section: String
        public var because: String?
        public var via: String?
        public var cue: String?
        /// The rules that produced this claim and the words each matched (`Rule`, `RuleBook`).
        public var rules: [RuleHit] = []
    }

    public struct StatusCue: Sendable, Encodable {
        /// The note of a `detained` status read only from a call for release. The schema keeps
        /// status evidence to `stated` and `recorded`, so answers recognise such an event by this
        /// note and report it as inferred.
        public static let releaseCallNote = "implied by a call for release"

        enum CodingKeys: String, CodingKey {
            case person, status, evidence, section, cue, sentence, note, date, present, step, rules
            case supersededBy = "superseded_by"
            case dateAfter = "date_after", dateBefore = "date_before"
        }

        public var person: String
        public var status: String
        public var evidence: String
        public var section: String
        public var cue: String
        public var sentence: String?
        /// Other cues about the person in the same document.
        public var note: String?
        /// The event's own date, written next to its cue; nil: as of the resolution.
        public var date: PartialDate?
        /// Set when the same resolution says something more specific about the person
        /// that an undated event, dated by the resolution, would wrongly outrank as the
        /// latest (`charged`, then `detained`): the statement is kept in that event's note
        /// and import stores no separate event for it.
        public var supersededBy: String?
        /// Said in the present tense (`remains in detention`): a situation that holds as of the
        /// resolution (`date` nil, no bounds).
        public var present = false
        /// A past step the text does not date (`was subsequently sentenced`): the date of the
        /// latest dated step before it in the person's story, and of the earliest after it. Either
        /// may be nil (open); both nil, with `date` nil and `present` false: the date is not stated.
        public var dateAfter: PartialDate?
        public var dateBefore: PartialDate?
        /// The step's place in this person's story within the document, from 1: steps on one date
        /// (or both undated) are ordered by it, as the text orders the events (`re-arrested hours
        /// after her release`: the release first). Nil when not worked out.
        public var step: Int?
        /// The rules that produced this claim and the words each matched (`Rule`, `RuleBook`).
        public var rules: [RuleHit] = []

        /// Prints `present` only when true, and the optional fields only when set.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(person, forKey: .person)
            try container.encode(status, forKey: .status)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(section, forKey: .section)
            try container.encode(cue, forKey: .cue)
            try container.encodeIfPresent(sentence, forKey: .sentence)
            try container.encodeIfPresent(note, forKey: .note)
            try container.encodeIfPresent(date, forKey: .date)
            if present { try container.encode(true, forKey: .present) }
            try container.encodeIfPresent(dateAfter, forKey: .dateAfter)
            try container.encodeIfPresent(dateBefore, forKey: .dateBefore)
            try container.encodeIfPresent(step, forKey: .step)
            try container.encodeIfPresent(supersededBy, forKey: .supersededBy)
            try container.encode(rules, forKey: .rules)
        }

        public init(person: String, status: String, evidence: String, section: String, cue: String,
                    sentence: String? = nil, note: String? = nil, date: PartialDate? = nil) {
            self.date = date
            self.person = person
            self.status = status
            self.evidence = evidence
            self.section = section
            self.cue = cue
            self.sentence = sentence
            self.note = note
        }
    }

    public struct MembershipCue: Sendable, Encodable {
        public var person: String
        public var organisation: String
        public var role: String
        public var section: String
        /// The rules that produced this claim and the words each matched (`Rule`, `RuleBook`).
        public var rules: [RuleHit] = []
    }

    /// A call for a person's release: the first section that makes it, and any other that repeats it.
    public struct ReleaseCall: Sendable, Encodable {
        public var person: String
        public var section: String
        public var also: [String] = []
        /// The rules that produced this claim and the words each matched (`Rule`, `RuleBook`).
        public var rules: [RuleHit] = []

        public init(person: String, section: String, also: [String] = [], rules: [RuleHit] = []) {
            self.person = person
            self.section = section
            self.also = also
            self.rules = rules
        }
    }

    public var document: Document
    public var persons: [PersonEntity]
    public var organisations: [OrganisationEntity]
    public var provisions: [ProvisionEntity]
    public var charges: [ChargeCue]
    public var statuses: [StatusCue]
    public var memberships: [MembershipCue]
    public var releaseCalls: [ReleaseCall]
    public var warnings: [String]
    /// The normalised text every offset points into (stored by import, not printed).
    public var text: String = ""

    enum CodingKeys: String, CodingKey {
        case document, persons, organisations, provisions, charges, statuses, memberships, warnings
        case releaseCalls = "release_calls"
    }
}
