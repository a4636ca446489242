/// Words that tell what kind of thing a name is, read from documented word files in `Words/`
/// (one entry a line, `#` comments, a tag after `|`). General English and EU vocabulary only:
/// no names from any particular resolution.
enum Lexicon {
    /// Nouns for groups of people: a list after them names persons (`Words/person-nouns.txt`).
    static let personNouns: Set<String> = words(PackageResources.person_nouns_txt)

    /// Capitalised titles that open a person's name, not an organisation's
    /// (`Judge X of the Y Court`): what organisation recognition steps over (`Words/honorifics.txt`).
    /// Persons use the fuller `Words/titles.txt`, which also holds courtesy
    /// titles such as `Daw` that may open a foundation's name.
    static let honorifics: Set<String> = words(PackageResources.honorifics_txt)

    /// Role phrases as shown in mentions, by role word and by `previous word` (`Words/role-names.txt`).
    static let roleNames: [String: String] = tags(PackageResources.role_names_txt)

    /// Role phrases as shown in mentions, from the role word found (and the word before it, asked first).
    static func roleName(_ word: String, previous: String?) -> String? {
        if let previous, let name = roleNames[previous + " " + word] { return name }
        // A plural formed from a listed noun (`founders`) names the role in the singular.
        if roleNames[word] == nil, let singular = WordLists.rolePlurals[word] { return roleNames[singular] ?? singular }
        return roleNames[word]
    }

    /// Nouns for groups of organisations, with the kind each gives ("" for none): `Words/organisation-nouns.txt`.
    static let organisationNounKinds: [String: String] = tags(PackageResources.organisation_nouns_txt)

    /// Nouns for groups of organisations: a list after them names organisations.
    static let organisationNouns: Set<String> = Set(organisationNounKinds.keys)

    /// Organisation kinds implied by a group noun.
    static func organisationKind(_ noun: String) -> String? {
        guard let kind = organisationNounKinds[noun], !kind.isEmpty else { return nil }
        return kind
    }

    /// Final words of organisation names, with the kind they suggest (`Words/organisation-heads.txt`,
    /// the table ``WordLists/organisationHeads`` reads too).
    static let organisationHeads: [String: String?] = WordLists.organisationHeads.mapValues { $0.isEmpty ? nil : $0 }

    /// Final words of legal instruments: a name ending so is not an organisation (`Words/instrument-heads.txt`).
    static let instrumentHeads = WordSet(words(PackageResources.instrument_heads_txt))

    /// Capitalised words that are never part of a person's name (`Words/non-name-words.txt`).
    static let nonNameWords = WordSet(words(PackageResources.non_name_words_txt))

    /// Words that open the list of names after a group noun (`Words/list-introducers.txt`, one phrase a line).
    static let listIntroducers: [[String]] = WordLists.entries(PackageResources.list_introducers_txt).map { WordLists.words($0.entry) }

    /// The first word of every list introducer, to skip most words at once.
    static let listIntroducerFirstWords: Set<String> = Set(listIntroducers.compactMap(\.first))

    /// Numbers written as words (`Words/number-words.txt`).
    static let numberWords: [String: Int] = tags(PackageResources.number_words_txt).compactMapValues { Int($0) }

    /// Family-name endings common in transliterated names: a token ending so is
    /// likely a surname (used to tell `Petrov Ivan` from `Ivan Petrov`): `Words/surname-endings.txt`.
    static let surnameEndings: [String] = WordLists.entries(PackageResources.surname_endings_txt).map(\.entry)

    static func looksLikeSurname(_ token: String) -> Bool {
        let lower = token.lowercased()
        return lower.count > 4 && surnameEndings.contains { lower.hasSuffix($0) }
    }

    /// The entries of a word file, as a set.
    static func words(_ bytes: [UInt8]) -> Set<String> { Set(WordLists.entries(bytes).map(\.entry)) }

    /// The entries of a word file with their tags (the first line of an entry counts).
    static func tags(_ bytes: [UInt8]) -> [String: String] {
        Dictionary(WordLists.entries(bytes).map { ($0.entry, $0.tag) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The classes of `Words/document-words.txt`: the words the document readers (``Normaliser``,
/// ``DocumentHeader``) read in a title, a citation or a page header (the file's comments give each
/// class with an invented example). A class the file lacks traps at first use (``WordLists/wordClass(_:_:)``).
enum DocumentWords {
    static func words(_ wordClass: String) -> Set<String> { WordLists.wordClass(PackageResources.document_words_txt, wordClass) }
    static let titleDeterminers = words("title-determiner")
    static let countryLeads = words("country-lead")
    static let stateFormTies = words("state-form-tie")
    static let stateForms = words("state-form")
    static let notCountries = words("not-country")
    static let citedSubjectLeads = words("cited-subject-lead")
    static let resolutionWords = words("resolution-word")
    static let compoundHeads = words("compound-head")
    static let weekdays = words("weekday")
    static let citationLeads = words("citation-lead")
    static let recitalLeads = words("recital-lead")
    /// The first bytes of the ``citationLeads`` words, in lower case, as bits (byte `b` is bit `b % 64` of
    /// word `b / 64`), when every lead is ASCII (else nil).
    static let citationLeadFirstBytes: (UInt64, UInt64)? = {
        var firsts: (UInt64, UInt64) = (0, 0)
        for lead in citationLeads {
            guard let first = lead.utf8.first, lead.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            let byte = first &- 65 < 26 ? first | 0x20 : first
            if byte < 64 { firsts.0 |= 1 << UInt64(byte) } else { firsts.1 |= 1 << UInt64(byte - 64) }
        }
        return firsts
    }()
    /// Whether a word starting with `scalar` may be a ``citationLeads`` word once lower-cased, as
    /// ``FlattenedText/word(_:from:)`` reads it: false only for an ASCII scalar whose lower-case form starts
    /// no lead (a scalar beyond ASCII may lower-case to ASCII: the Kelvin sign to `k`).
    @inline(__always)
    static func mayStartCitationLead(_ scalar: Unicode.Scalar) -> Bool {
        guard let firsts = citationLeadFirstBytes, scalar.value < 0x80 else { return true }
        let value = scalar.value &- 65 < 26 ? scalar.value | 0x20 : scalar.value
        return (value < 64 ? firsts.0 >> UInt64(value) : firsts.1 >> UInt64(value - 64)) & 1 == 1
    }
    /// Whether a lower-case title holds a ``resolutionWords`` word.
    static func namesResolution(_ lowerCaseTitle: String) -> Bool { resolutionWords.contains { lowerCaseTitle.contains($0) } }
}
