/// Words that tell what kind of thing a name is. General English and EU
/// vocabulary only: no names from any particular resolution.
enum Lexicon {
    /// Nouns for groups of people: a list after them names persons.
    static let personNouns: Set<String> = [
        "prisoner", "prisoners", "defender", "defenders", "activist", "activists", "journalist", "journalists",
        "blogger", "bloggers", "lawyer", "lawyers", "victim", "victims", "protester", "protesters", "demonstrators",
        "people", "persons", "person", "individuals", "civilians", "members", "leaders", "leader", "opponents",
        "critics", "dissidents", "students", "student", "detainees", "politicians", "candidates", "photographer",
        "reporter", "reporters", "priest", "priests", "writer", "writers", "poet", "artist", "artists", "monks",
        "philanthropist", "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister",
        "relatives", "unionists", "trade-unionists", "workers", "opposition", "figures", "founder",
        "editor", "editor-in-chief", "economist", "academic", "professor", "doctor", "nurse", "businessman",
        "businesswoman", "entrepreneur", "researcher", "scholar", "pastor", "imam", "bishop", "cleric", "singer",
        "musician", "filmmaker", "director", "chairman", "chairwoman", "chair", "head", "deputy", "mp", "mps",
        "mayor", "governor", "minister", "presidential", "candidate", "others", "citizens", "citizen", "nationals",
        "national", "refugee", "refugees", "migrants", "teenager", "children", "minors", "women", "men",
    ]

    /// Capitalised titles that open a person's name, not an organisation's
    /// (`Judge X of the Y Court`): what organisation recognition steps over.
    /// Persons use the fuller `Words/titles.txt`, which also holds courtesy
    /// titles such as `Daw` that may open a foundation's name.
    static let honorifics: Set<String> = [
        "President", "Prime", "Mr", "Mrs", "Ms", "Dr", "Judge", "Minister", "General", "Patriarch", "Archbishop",
        "Bishop", "Father", "Sheikh", "Imam",
    ]

    /// Role phrases as shown in mentions, from the role word found.
    static func roleName(_ word: String, previous: String?) -> String? {
        switch word {
        case "prisoner", "prisoners": return previous == "political" ? "political prisoner" : "prisoner"
        case "defender", "defenders": return "human rights defender"
        case "activist", "activists": return "activist"
        case "journalist", "journalists", "reporter", "correspondent", "photographer", "editor", "editor-in-chief": return "journalist"
        case "blogger", "bloggers": return "blogger"
        case "lawyer", "lawyers": return "lawyer"
        case "philanthropist": return "philanthropist"
        case "founder": return "founder"
        case "leader", "leaders": return "leader"
        case "protesters", "demonstrators": return "protester"
        case "civilians": return "civilian"
        case "victim", "victims": return "victim"
        default: return nil
        }
    }

    /// Nouns for groups of organisations: a list after them names organisations.
    static let organisationNouns: Set<String> = [
        "organisations", "organizations", "organisation", "organization", "ngos", "ngo", "groups", "group",
        "movements", "movement", "parties", "party", "unions", "union", "associations", "association",
        "charities", "charity", "companies", "company", "media", "outlets", "outlet", "newspapers", "newspaper",
        "channels", "channel", "agencies", "agency", "institutions", "bodies", "foundations", "foundation",
        "networks", "coalitions", "alliances", "initiatives", "websites", "broadcasters", "broadcaster",
        "magazine", "magazines", "radio", "television", "tv", "portal", "portals",
    ]

    /// Organisation kinds implied by a group noun.
    static func organisationKind(_ noun: String) -> String? {
        switch noun {
        case "movements", "movement": return "movement"
        case "parties", "party": return "party"
        case "ngos", "ngo", "charities", "charity", "associations", "association", "foundations", "foundation": return "ngo"
        case "unions", "union": return "trade-union"
        case "media", "outlets", "outlet", "newspapers", "newspaper", "channels", "channel", "websites",
             "broadcasters", "broadcaster", "magazine", "magazines", "radio", "television", "tv", "portal", "portals":
            return "media"
        case "companies", "company": return "company"
        default: return nil
        }
    }

    /// Final words of organisation names, with the kind they suggest.
    static let organisationHeads: [String: String?] = [
        "Party": "party", "Movement": "movement", "Union": "trade-union", "Association": "ngo", "Bureau": "ngo",
        "Court": "court", "Tribunal": "court", "Committee": nil, "Council": nil, "Ministry": "state-body",
        "Organisation": nil, "Organization": nil, "Initiative": "ngo", "Coalition": "ngo", "Service": nil,
        "Fund": nil, "Bank": "international", "Agency": "state-body", "Foundation": "ngo", "Institute": nil,
        "Centre": "ngo", "Center": "ngo", "Network": "ngo", "Front": "movement", "Alliance": nil, "Group": nil,
        "Federation": nil, "Office": nil, "Commission": nil, "Assembly": nil, "Parliament": "state-body",
        "Government": "state-body", "Mission": nil, "Delegation": "international", "Society": "ngo",
        "Club": "ngo", "Watch": "ngo", "League": "ngo", "Congress": nil, "Church": nil, "Prosecutor": "state-body",
        "Police": "state-body", "Army": "state-body", "Guard": "state-body", "Agency’s": nil, "Platform": "ngo",
        "Borders": "ngo", "Mechanism": nil, "Procuracy": "state-body", "Directorate": "state-body",
        "Inspectorate": "state-body", "Academy": nil, "University": nil, "Radio": "media", "Television": "media",
        "Times": "media", "News": "media", "Post": "media", "Press": "media",
    ]

    /// Final words of legal instruments: a name ending so is not an organisation.
    static let instrumentHeads: Set<String> = [
        "Code", "Law", "Act", "Treaty", "Agreement", "Convention", "Covenant", "Declaration", "Protocol",
        "Charter", "Constitution", "Procedure", "Regulation", "Directive", "Decree", "Statute", "Principles", "Ordinance",
        "Guidelines", "Regime", "Strategy", "Report", "Review", "Index", "Dialogue", "Conclusions", "Resolution",
    ]

    /// Capitalised words that are never part of a person's name.
    static let nonNameWords: Set<String> = [
        "European", "Union", "Parliament", "Council", "Commission", "Court", "Code", "Article", "Articles",
        "Government", "Ministry", "Republic", "Human", "Rights", "State", "States", "Member", "Central", "Asia",
        "United", "Nations", "International", "National", "Democratic", "Special", "Representative", "Rapporteur",
        "Office", "Organization", "Organisation", "Association", "Party", "Movement", "Fund", "Bank", "Service",
        "Mission", "Committee", "Agreement", "Treaty", "Convention", "Law", "Rule", "Rules", "Procedure",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Whereas", "The", "This", "That", "These", "Those", "Calls", "Urges", "Welcomes", "Notes", "Condemns",
        "Recalls", "Stresses", "Expresses", "Instructs", "Demands", "Reiterates", "Deplores", "Insists",
        "Encourages", "Advises", "Reaffirms", "Deeply", "Strongly", "Regrets", "Stands", "Underlines",
        "Red", "Notice", "Notices", "Legal", "Assistance", "Mutual", "City", "Hall", "Delegation", "Vice-President",
        "High", "Foreign", "Affairs", "Security", "Policy", "Global", "Sanctions", "Regime", "Index", "Freedom",
        "World", "Press", "Annual", "Report", "Democracy", "Dialogue", "Cooperation", "Partnership", "Enhanced",
        "Universal", "Periodic", "Review", "Declaration", "Covenant", "Protocol", "Optional", "Second", "Civil",
        "Political", "Working", "Group", "Arbitrary", "Detention", "Torture", "Against", "Without", "Borders",
        "Mechanism", "Preventive", "Ombudsperson", "Trade", "Industrial", "Energy", "Workers", "Fuel", "Economic",
        "Fund", "People", "Russian", "Chinese",
        "Interpol", "COVID-19", "Internet", "Facebook", "Twitter", "Telegram", "YouTube", "Instagram", "TV",
        "Collective", "Organization", "Treaty", "Military", "Army", "Police", "Prosecutor", "General", "Office",
        "Executive", "Agency", "Institute", "University", "Academy", "Church", "Orthodox", "Catholic", "Muslim",
        "Christian", "Islamic", "Jewish", "Buddhist", "English", "French", "German", "Day", "Week", "Year",
        "Brussels", "Strasbourg", "Geneva", "Vienna",
        "Treasury", "Coalition", "Initiative", "Bureau", "Service", "Choice", "Front", "Alliance", "Platform",
        "Network", "Centre", "Center", "Society", "Foundation", "Federation", "Council", "Assembly", "Congress",
    ]

    /// Words that open the list of names after a group noun.
    static let listIntroducers: [[String]] = [
        ["including"], ["such", "as"], ["namely"], ["in", "particular"], ["among", "them"], ["among", "whom"],
        ["notably"], ["especially"], ["for", "example"], ["like"],
    ]

    /// The first word of every list introducer, to skip most words at once.
    static let listIntroducerFirstWords: Set<String> = Set(listIntroducers.compactMap(\.first))

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
    ]

    /// Family-name endings common in transliterated names: a token ending so is
    /// likely a surname (used to tell `Petrov Ivan` from `Ivan Petrov`).
    static let surnameEndings = [
        "ov", "ova", "ev", "eva", "yev", "yeva", "iev", "ieva", "in", "ina", "yn", "yna", "uly", "kyzy", "qyzy",
        "enko", "ski", "sky", "ska", "skaya", "skiy", "ic", "ić", "vich", "dze", "shvili", "yan", "ian", "zade",
        "oglu", "oğlu", "ova", "aev", "aeva", "iyev", "iyeva", "ovich", "ovna", "evna", "chuk", "uk", "ko",
    ]

    static func looksLikeSurname(_ token: String) -> Bool {
        let lower = token.lowercased()
        return lower.count > 4 && surnameEndings.contains { lower.hasSuffix($0) }
    }
}
