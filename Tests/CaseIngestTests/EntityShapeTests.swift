@testable import CaseIngest
import Testing

/// The entity-shape rules (`Rules+EntityShapes.swift`), each on its invented example and on an
/// invented near miss it must leave alone.
@Suite struct EntityShapeTests {
    /// A resolution on `country` whose citation and recital hold `sentences` (`;`-separated; a
    /// first part opening `having regard` becomes a citation).
    static func extract(_ sentences: String, country: String = "Freedonia") throws -> Extraction {
        var parts = sentences.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var text = "European Parliament resolution of 3 March 2030 on the situation in \(country) (2030/2001(RSP))\n\nThe European Parliament,\n\n"
        if let first = parts.first, first.hasPrefix("having regard") {
            text += "– \(first),\n\n"
            parts.removeFirst()
        }
        text += "A. " + parts.joined(separator: "; ") + ";\n\n1. Calls for the release of all those detained;\n"
        return try Extractor.extract(text: text, name: "invented")
    }

    static func hits(_ id: String, in extraction: Extraction) -> [RuleHit] {
        (extraction.provisions.flatMap(\.rules) + extraction.charges.flatMap(\.rules)).filter { $0.id == id }
    }

    static func example(_ id: String) throws -> String {
        try #require(RuleBook.all.first { $0.id == id }).example
    }

    static func charged(_ extraction: Extraction) -> Set<String> {
        Set(extraction.charges.compactMap { charge in charge.subject.person.map { "\($0) \(charge.article)" } })
    }

    @Test func everyShapeRuleHasAnExampleAndATest() {
        let tested: Set<String> = [
            "provision.full-name-written", "provision.country-possessive", "provision.list-then-phrase", "charge.same-article",
            "charge.pair-subject", "charge.list-after-article", "charge.against-after-article",
            "person.title-case-of", "person.title-alias", "person.demonym-not-name",
            "organisation.generic-then-name", "organisation.state-not-organisation", "organisation.office-not-organisation",
            "organisation.in-country", "organisation.web-name", "person.country-not-person", "provision.lower-case-code",
            "organisation.generic-then-name-after-role",
            "organisation.line-ends-name", "organisation.instrument-title-part", "organisation.nationality-not-outlet",
            "organisation.slashed-office", "organisation.visit-not-body", "organisation.person-then-institution", "organisation.head-first-common-phrase",
            "organisation.case-name-initials", "organisation.plural-possessive-acronym", "organisation.acronym-agent",
            "organisation.broadcaster-name", "organisation.title-word-body", "organisation.acronym-parties",
            "organisation.inside-institution-name", "person.cut-name",
        ]
        let declared = RuleBook.all.filter { rule in tested.contains(rule.id) }
        #expect(declared.count == tested.count)
        // Every rule of the shapes table has its test here (EventRuleTableTests and RuleTableTests leave them to this suite).
        #expect(Set(RuleBook.entityShapeRules.map(\.id)) == tested)
        #expect(declared.allSatisfy { !$0.example.isEmpty && !$0.doc.isEmpty })
    }

    @Test func fullNameWrittenOnceNamesTheShortenedInstrument() throws {
        let extraction = try Self.extract(Self.example("provision.full-name-written"))
        #expect(extraction.provisions.map(\.instrument) == ["Penal Code of the Freedonian Republic"])
        #expect(extraction.charges.first?.instrument == "Penal Code of the Freedonian Republic")
        #expect(!Self.hits("provision.full-name-written", in: extraction).isEmpty)
        // Another state's code is another instrument.
        let other = try Self.extract("having regard to the Penal Code of the Ruritanian Republic; whereas Ana Ruiz was charged under Article 12 of the Freedonian Penal Code;")
        #expect(other.provisions.map(\.instrument) == ["Penal Code of Freedonia"])
        #expect(Self.hits("provision.full-name-written", in: other).isEmpty)
    }

    @Test func twoWordCountryBeforePossessive() throws {
        let extraction = try Self.extract(Self.example("provision.country-possessive"), country: "Nova Terra")
        #expect(extraction.provisions.map(\.instrument) == ["Penal Code of Nova Terra"])
        #expect(!Self.hits("provision.country-possessive", in: extraction).isEmpty)
        let single = try Self.extract("whereas Ana Ruiz was sentenced under Article 40 of Freedonia’s Penal Code;")
        #expect(single.provisions.map(\.instrument) == ["Penal Code of Freedonia"])
        #expect(Self.hits("provision.country-possessive", in: single).isEmpty)
    }

    @Test func articleListThenAnotherPhrase() throws {
        let extraction = try Self.extract(Self.example("provision.list-then-phrase"))
        #expect(Set(extraction.provisions.map(\.article)) == ["4", "9", "11"])
        #expect(Set(extraction.provisions.map(\.instrument)) == ["Penal Code of Freedonia"])
        #expect(!Self.hits("provision.list-then-phrase", in: extraction).isEmpty)
        let plain = try Self.extract("whereas Ana Ruiz was charged under Articles 4, 9 and 11 of the Media Law;")
        #expect(Set(plain.provisions.map(\.article)) == ["4", "9", "11"])
        #expect(Self.hits("provision.list-then-phrase", in: plain).isEmpty)
    }

    @Test func sameArticleRefersBack() throws {
        let extraction = try Self.extract(Self.example("charge.same-article"))
        #expect(Self.charged(extraction) == ["Ana Ruiz 12", "Tomas Berg 12"])
        let berg = try #require(extraction.charges.first { $0.subject.person == "Tomas Berg" })
        #expect(berg.evidence == "inferred" && berg.because?.contains("Article 12") == true)
        #expect(berg.rules.map(\.id) == ["charge.same-article"])
        // Naming the article is not being charged under it.
        let cited = try Self.extract("whereas Ana Ruiz was sentenced under Article 12 of the Penal Code; whereas Tomas Berg criticised the same article in a speech;")
        #expect(Self.charged(cited) == ["Ana Ruiz 12"])
    }

    @Test func bothStandsForTheTwoNamedLast() throws {
        let extraction = try Self.extract(Self.example("charge.pair-subject"))
        #expect(Self.charged(extraction) == ["Ana Ruiz 9", "Tomas Berg 9"])
        #expect(!Self.hits("charge.pair-subject", in: extraction).isEmpty)
        // One person named before: `both` stands for no pair the text gave.
        let one = try Self.extract("whereas Ana Ruiz was arrested in May; whereas both were convicted under Article 9 of the Penal Code;")
        #expect(Self.charged(one).isEmpty)
    }

    @Test func listAfterTheArticle() throws {
        let extraction = try Self.extract(Self.example("charge.list-after-article"))
        #expect(Self.charged(extraction) == ["Ana Ruiz 7", "Tomas Berg 7"])
        #expect(!Self.hits("charge.list-after-article", in: extraction).isEmpty)
        // The subject is named before the article: the list after it is not charged.
        let subject = try Self.extract("whereas Ana Ruiz was detained under Article 7 of the Penal Code, including after meeting Tomas Berg and Lina Holm;")
        #expect(!Self.charged(subject).contains("Tomas Berg 7") && !Self.charged(subject).contains("Lina Holm 7"))
    }

    @Test func chargesAgainstAfterTheArticle() throws {
        let extraction = try Self.extract(Self.example("charge.against-after-article"))
        let charge = try #require(extraction.charges.first { $0.subject.person == "Ana Ruiz" })
        #expect(charge.article == "5" && charge.stage == "dropped")
        #expect(charge.rules.map(\.id) == ["charge.against-after-article"])
        // A complaint against someone is not a charge against them.
        let complaint = try Self.extract("whereas Tomas Berg filed a complaint under Article 5 of the Penal Code against the journalist Ana Ruiz;")
        #expect(!Self.charged(complaint).contains("Ana Ruiz 5"))
    }

    /// A resolution titled `title` with `body` as its one recital.
    static func extract(title: String, body: String) throws -> Extraction {
        let text = "European Parliament resolution of 3 March 2030 on \(title) (2030/2001(RSP))\n\nThe European Parliament,\n\nA. \(body)\n\n1. Calls for the release of all those detained;\n"
        return try Extractor.extract(text: text, name: "invented")
    }

    static func personRules(_ extraction: Extraction, _ name: String) -> [String] {
        extraction.persons.first { $0.name == name }?.rules.map(\.id) ?? []
    }

    @Test func titleNamesTheCase() throws {
        let title = try #require(Self.example("person.title-case-of").components(separatedBy: "resolution on ").last)
        let extraction = try Self.extract(title: title, body: "whereas the authorities have closed the border;")
        #expect(Set(extraction.persons.map(\.name)) == ["Ana Ruiz", "Tomas Berg"])
        #expect(Self.personRules(extraction, "Tomas Berg").contains("person.title-case-of"))
        // A title before the name is not part of it, and a family name alone is no case name.
        let titled = try Self.extract(title: "Freedonia, notably the case of Mr Ruiz", body: "whereas the authorities have closed the border;")
        #expect(titled.persons.allSatisfy { !$0.rules.contains { $0.id == "person.title-case-of" } })
        let group = try Self.extract(title: "Freedonia, notably the case of the Freedonian Writers Union", body: "whereas the authorities have closed the border;")
        #expect(group.persons.isEmpty)
    }

    @Test func titleTiedToThePersonIsAnAlias() throws {
        let body = try Self.example("person.title-alias") + " whereas the Grand Abbess has not been seen since;"
        let extraction = try Self.extract(title: "Freedonia", body: body)
        #expect(extraction.persons.map(\.name) == ["Ana Ruiz"])
        #expect(extraction.persons.first?.aliases.contains("Grand Abbess") == true)
        #expect(Self.personRules(extraction, "Ana Ruiz").contains("person.title-alias"))
        #expect(!extraction.statuses.contains { $0.person == "Grand Abbess" })
        // Without the tie, two names stay two persons.
        let untied = try Self.extract(title: "Freedonia", body: "whereas Ana Ruiz disappeared in 2001; whereas Tomas Berg, a lawyer, was detained;")
        #expect(Set(untied.persons.map(\.name)) == ["Ana Ruiz", "Tomas Berg"])
        #expect(untied.persons.allSatisfy { !$0.rules.contains { $0.id == "person.title-alias" } })
    }

    @Test func pluralDemonymIsNotPartOfTheName() throws {
        let extraction = try Self.extract(title: "Freedonia", body: try Self.example("person.demonym-not-name"))
        #expect(extraction.persons.map(\.name).contains("Ana Ruiz"))
        #expect(!extraction.persons.contains { $0.name.hasPrefix("Freedonians") })
        #expect(Self.personRules(extraction, "Ana Ruiz").contains("person.demonym-not-name"))
        let mention = try #require(extraction.persons.first { $0.name == "Ana Ruiz" }?.mentions.first)
        #expect(mention.text == "Ana Ruiz")
        // Another country's people: not this document's demonym, the rule leaves the name alone.
        let other = try Self.extract(title: "Ruritania", body: "whereas two ethnic Freedonians Ana Ruiz and Tomas Berg were detained at the border;")
        #expect(other.persons.allSatisfy { !$0.rules.contains { $0.id == "person.demonym-not-name" } })
    }

    @Test func genericNameThenItsOwn() throws {
        let extraction = try Self.extract(Self.example("organisation.generic-then-name"))
        let centre = try #require(extraction.organisations.first { $0.name == "Press Freedom Centre Lumen" })
        #expect(centre.rules.map(\.id).contains("organisation.generic-then-name"))
        #expect(!extraction.organisations.contains { $0.name == "Press Freedom Centre" })
        // Unquoted and never written alone, the word after the generic name is not taken for a name.
        let plain = try Self.extract("whereas Ana Ruiz, co-chair of the Press Freedom Centre Lumen, was detained;")
        #expect(!plain.organisations.contains { $0.name == "Press Freedom Centre Lumen" })
    }

    @Test func genericNameThenItsOwnAfterARole() throws {
        let extraction = try Self.extract(Self.example("organisation.generic-then-name-after-role"))
        let centre = try #require(extraction.organisations.first { $0.name == "Press Freedom Centre Lumen" })
        #expect(centre.rules.map(\.id).contains("organisation.generic-then-name-after-role"))
        // Not after an office's `of`: the word after the generic name is not taken for its name.
        let plain = try Self.extract("whereas Ana Ruiz was detained in the Press Freedom Centre Lumen building; whereas she is ill;")
        #expect(!plain.organisations.contains { $0.name == "Press Freedom Centre Lumen" })
    }

    @Test func stateIsNoOrganisation() throws {
        let extraction = try Self.extract(Self.example("organisation.state-not-organisation"))
        #expect(!extraction.organisations.contains { $0.name == "Freedonian Federation" })
        // An organisation named after the state keeps its name.
        let union = try Self.extract("whereas the Freedonian Federation of Journalists has protested;")
        #expect(union.organisations.contains { $0.name == "Freedonian Federation of Journalists" })
    }

    @Test func officeIsNoOrganisation() throws {
        let extraction = try Self.extract(Self.example("organisation.office-not-organisation"))
        #expect(!extraction.organisations.contains { $0.name.hasPrefix("Vice-President") })
        let council = try Self.extract("whereas the Council of Europe condemned the arrest;")
        #expect(council.organisations.contains { $0.name == "Council of Europe" })
    }

    @Test func aNameEndsAtALineBreak() throws {
        let example = try Self.example("organisation.line-ends-name")
        let text = example + " (2030/2001(RSP))\n\nThe European Parliament,\n\n– having regard to its previous resolutions,\n\n"
            + "A. whereas the journalist Ana Ruiz was detained;\n\n1. Calls for her release;\n"
        let extraction = try Extractor.extract(text: text, name: "invented")
        #expect(!extraction.organisations.contains { $0.name.contains("Ana Ruiz") })
        // A name on one line stays whole.
        let whole = try Self.extract("whereas the Freedonian Press Union was dissolved;")
        #expect(whole.organisations.contains { $0.name == "Freedonian Press Union" })
    }

    @Test func aPersonRunIntoAnInstitutionIsNoBody() throws {
        let text = try Self.example("organisation.person-then-institution") + " (2030/2001(RSP))\n\nThe European Parliament,\n\n"
            + "– having regard to its previous resolutions,\n\nA. whereas the journalist Ana Ruiz was detained;\n\n1. Calls for her release;\n"
        let extraction = try Extractor.extract(text: text, name: "invented")
        #expect(extraction.persons.contains { $0.name == "Ana Ruiz" })
        #expect(!extraction.organisations.contains { $0.name.contains("Ana Ruiz") })
        // A body named after a person keeps its name.
        let foundation = try Self.extract("whereas the journalist Ana Ruiz was detained; whereas the Ana Ruiz Foundation was closed;")
        #expect(foundation.organisations.contains { $0.name == "Ana Ruiz Foundation" })
    }

    @Test func aHeadFirstNameWrittenInLowerCaseIsACommonPhrase() throws {
        let text = "European Parliament resolution of 3 March 2030 on Press Freedom in Freedonia (2030/2001(RSP))\n\nThe European Parliament,\n\n"
            + "– having regard to its previous resolutions,\n\nA. whereas press freedom has declined; whereas Radio Dawn was closed;\n\n1. Calls for her release;\n"
        let extraction = try Extractor.extract(text: text, name: "invented")
        #expect(!extraction.organisations.contains { $0.name == "Press Freedom" })
        // Written only with capitals, the name stands.
        let outlet = try Self.extract("whereas the broadcaster Radio Dawn was closed; whereas Radio Dawn staff were detained;")
        #expect(outlet.organisations.contains { $0.name == "Radio Dawn" })
    }

    @Test func namesListedIntoAnInstrumentAreItsTitle() throws {
        let extraction = try Self.extract(Self.example("organisation.instrument-title-part"))
        #expect(!extraction.organisations.contains { $0.name == "Political Union" })
        // Parties listed with commas and `and`, ending in no instrument, stay organisations.
        let parties = try Self.extract("whereas the Green Dawn Party, the River Union and the Labour Party were banned;")
        #expect(parties.organisations.contains { $0.name == "Green Dawn Party" })
    }

    @Test func aNationalityBeforeAMediaRoleIsNoOutlet() throws {
        let extraction = try Self.extract(Self.example("organisation.nationality-not-outlet"), country: "Nova Terra")
        #expect(!extraction.organisations.contains { $0.name == "Nova Terran" })
        let outlet = try Self.extract("whereas Ana Ruiz, a Capital Voice journalist, was detained;", country: "Nova Terra")
        #expect(outlet.organisations.contains { $0.name == "Capital Voice" })
        // One word, the adjective of a place the text names after `on` (a title that names no country).
        let text = "European Parliament resolution of 3 March 2030 on the case of the Freedon journalist Ana Ruiz\n\n"
            + "The European Parliament,\n\n– having regard to its previous resolutions on Freedonia,\n\n"
            + "A. whereas the Lumen journalist Tomas Berg was detained with the Freedon journalist Ana Ruiz;\n\n1. Calls for their release;\n"
        let place = try Extractor.extract(text: text, name: "invented")
        #expect(!place.organisations.contains { $0.name == "Freedon" })
        // A word that is no place's adjective stays an outlet.
        #expect(place.organisations.contains { $0.name == "Lumen" })
    }

    @Test func aSlashedOfficeIsNoBody() throws {
        let extraction = try Self.extract(Self.example("organisation.slashed-office"))
        #expect(!extraction.organisations.contains { $0.name.hasPrefix("Union for") || $0.name.hasPrefix("Vice-President") })
        let council = try Self.extract("having regard to the statement by the Council of Europe of 2 May 2030;")
        #expect(council.organisations.contains { $0.name == "Council of Europe" })
    }

    @Test func aMissionNamedByWhereItGoesIsNoBody() throws {
        let extraction = try Self.extract(Self.example("organisation.visit-not-body"))
        #expect(!extraction.organisations.contains { $0.name.hasPrefix("Mission") })
        let delegation = try Self.extract("whereas the EU Delegation to Freedonia observed the trial;")
        #expect(delegation.organisations.contains { $0.name == "EU Delegation to Freedonia" })
    }

    @Test func nameEndsInTheCountryWhereverWritten() throws {
        let extraction = try Self.extract(Self.example("organisation.in-country"))
        let union = try #require(extraction.organisations.first { $0.name == "Union of Ruritanian Writers in Freedonia" })
        #expect(union.mentions.count == 2 && union.rules.map(\.id).contains("organisation.in-country"))
        // Written once without the country: the place is not part of the name.
        let once = try Self.extract("whereas Ana Ruiz leads the Union of Ruritanian Writers in Freedonia; whereas the Union of Ruritanian Writers was dissolved;")
        #expect(once.organisations.map(\.name) == ["Union of Ruritanian Writers"])
    }

    @Test func webDomainIsPartOfTheName() throws {
        let extraction = try Self.extract(Self.example("organisation.web-name"))
        let outlet = try #require(extraction.organisations.first { $0.name == "Vox.info" })
        #expect(outlet.mentions.map(\.text) == ["Vox.info"] && outlet.rules.map(\.id).contains("organisation.web-name"))
        let plain = try Self.extract("whereas the authorities designated independent media such as Lumen TV and Vox as ‘extremist formations’;")
        #expect(plain.organisations.contains { $0.name == "Vox" } && !plain.organisations.contains { $0.name.hasPrefix("Vox.") })
    }

    /// A resolution whose title names `titleCase` as its case, with `recital` as recital A.
    static func extract(titleCase: String, recital: String) throws -> Extraction {
        let text = "European Parliament resolution of 3 March 2030 on Freedonia, notably the case of \(titleCase) (2030/2001(RSP))\n\n"
            + "The European Parliament,\n\nA. \(recital)\n\n1. Calls for the release of all those detained;\n"
        return try Extractor.extract(text: text, name: "invented")
    }

    @Test func caseNameWithInitialsIsAPerson() throws {
        let extraction = try Self.extract(titleCase: "Ana Ruiz",
                                          recital: "whereas in the elections Ana Ruiz (AR) of the Green Dawn Party won 40% of the vote;")
        #expect(extraction.persons.map(\.name) == ["Ana Ruiz"])
        #expect(!extraction.organisations.contains { $0.name == "Ana Ruiz" })
        #expect(extraction.organisations.contains { $0.name == "Green Dawn Party" })
        // A body without an organisation word, its initials in brackets, that the title does not name as the case stays a body.
        let body = try Self.extract(titleCase: "Ana Ruiz", recital: "whereas the Green Dawn (GD) of Ana Ruiz was banned in May;")
        #expect(body.organisations.contains { $0.name == "Green Dawn" })
    }

    @Test func pluralPossessiveNameBeforeItsAcronymIsABody() throws {
        let extraction = try Self.extract(Self.example("organisation.plural-possessive-acronym"))
        let body = try #require(extraction.organisations.first { $0.name == "Catholic Bishops’ Conference of Freedonia" })
        #expect(body.aliases.contains("FCBC"))
        #expect(body.rules.contains { $0.id == "organisation.plural-possessive-acronym" })
        // Written with a typewriter apostrophe, the initials spell the acronym: the whole name, by its definition.
        let typewriter = try Self.extract("whereas a delegation of the Freedonian Independent Writers' Association (FIWA) met the minister;")
        #expect(typewriter.organisations.map(\.name) == ["Freedonian Independent Writers' Association"])
        // A singular possessive is a place's body, not a plural possessive: the rule leaves it.
        let singular = try Self.extract("whereas the Harbourtown’s Press Union (PU) was banned;")
        #expect(!singular.organisations.contains { $0.rules.contains { $0.id == "organisation.plural-possessive-acronym" } })
    }

    @Test func anAcronymActingAsABodyIsABody() throws {
        let extraction = try Self.extract(Self.example("organisation.acronym-agent"))
        for acronym in ["FPU", "RWC"] {
            let body = try #require(extraction.organisations.first { $0.name == acronym })
            #expect(body.rules.contains { $0.id == "organisation.acronym-agent" })
        }
        // A state, a kind of body, an acronym defined in brackets as a person's initials, a roman numeral, or an
        // acronym that does not act (after `of`, before a noun) is none.
        let near = try Self.extract("whereas the USA has imposed sanctions; whereas the NGO has documented abuses; "
            + "whereas Ana Ruiz (AR) was arrested after a statement issued by AR; whereas the plan was rejected by Part IV; "
            + "whereas the members of FPU were arrested; whereas the RWC delegation condemned the arrests;")
        #expect(near.organisations.allSatisfy { !$0.rules.contains { $0.id == "organisation.acronym-agent" } })
    }

    @Test func twoAcronymsBetweenWhichADealIsAgreedAreBodies() throws {
        let extraction = try Self.extract(Self.example("organisation.acronym-parties"))
        #expect(Set(extraction.organisations.map(\.name)).isSuperset(of: ["FPU-D", "RWC"]))
        // Two states are no bodies, and a procedure's acronym is none either.
        let states = try Self.extract("whereas talks were held between the USA and the UK in May; whereas Article IV was agreed between the FPU and the Union;")
        #expect(states.organisations.allSatisfy { !$0.rules.contains { $0.id == "organisation.acronym-parties" } })
    }

    /// `person.cut-name`: a text cut off inside a name at its end (a stored opening) names the person named in full
    /// before; the same fragment before the end, or one that begins no known person's word, is left alone.
    @Test func aNameCutOffAtTheTextsEndIsThePersonItBegins() throws {
        let header = "European Parliament resolution of 3 March 2030 on the situation in Freedonia (2030/2001(RSP))\n\nThe European Parliament,\n\n"
        let cut = try Extractor.extract(text: header + "A. " + Self.example("person.cut-name"), name: "cut.txt")
        #expect(cut.persons.count == 1)
        let person = try #require(cut.persons.first)
        #expect(person.name == "Tomas Bergman Ruiz")
        #expect(person.rules.contains { $0.id == "person.cut-name" })
        // A paraphrase: another verb, the fragment after a title and a longer given name.
        let other = try Extractor.extract(text: header + "A. whereas the court jailed the lawyer Lina Maria Holmberg in May;\n\n"
            + "1. Calls for the release of Ms Lina Maria Ho", name: "cut2.txt")
        #expect(other.persons.map(\.name) == ["Lina Maria Holmberg"])
        // Near miss: the same two names with the text going on after the shorter one are two persons.
        let whole = try Extractor.extract(text: header + "A. whereas the journalist Tomas Bergman Ruiz was sentenced in May;\n\n"
            + "B. whereas the journalist Tomas Berg was arrested in June;\n\n1. Calls for the release of all those detained;\n", name: "whole.txt")
        #expect(Set(whole.persons.map(\.name)) == ["Tomas Bergman Ruiz", "Tomas Berg"])
    }

    @Test func aPieceOfAWellKnownInstitutionsNameIsNoBody() throws {
        let extraction = try Self.extract(Self.example("organisation.inside-institution-name"))
        let names = Set(extraction.organisations.map(\.name))
        #expect(names.contains("Common Market for Eastern and Southern Africa"))
        #expect(!names.contains("Common Market for Eastern") && !names.contains("Southern Africa"))
        // Another order and verb: the institution's name first, then another body.
        let paraphrase = try Self.extract("whereas the Common Market for Eastern and Southern Africa and the River Union suspended Freedonia;")
        let other = Set(paraphrase.organisations.map(\.name))
        #expect(other.contains("Common Market for Eastern and Southern Africa"))
        #expect(!other.contains("Common Market for Eastern") && !other.contains("Southern Africa"))
        // Near miss: a body whose name holds the same words, outside any institution's name, stays.
        let near = try Self.extract("whereas bodies such as the River Union and the Eastern Africa Lawyers Union condemned the coup;")
        #expect(Set(near.organisations.map(\.name)).contains("Eastern Africa Lawyers Union"))
    }

    @Test func aNameAndABroadcastersLastWordIsABroadcaster() throws {
        let extraction = try Self.extract(Self.example("organisation.broadcaster-name"))
        let outlet = try #require(extraction.organisations.first { $0.name == "Lumen FM" })
        #expect(outlet.rules.contains { $0.id == "organisation.broadcaster-name" })
        #expect(!extraction.organisations.contains { $0.name.contains("Ana Ruiz") })
        // The country's adjective before TV is the country's television, not an outlet's name.
        let state = try Self.extract("whereas Ana Ruiz was interviewed on Freedonian TV in May;")
        #expect(!state.organisations.contains { $0.name.hasSuffix("TV") })
    }

    @Test func aTitleWordBeforeQualifiedBodyOpensItsName() throws {
        let extraction = try Self.extract(Self.example("organisation.title-word-body"))
        let names = Set(extraction.organisations.map(\.name))
        #expect(names.isSuperset(of: ["High Judicial Council", "Special Electoral Commission"]))
        // A title word right before the head, or before another title, names an office or the body it was.
        let offices = try Self.extract("whereas the High Representative and the High Commissioner for Human Rights condemned the arrest of Ana Ruiz;")
        #expect(!offices.organisations.contains { $0.name.hasPrefix("High") })
    }

    @Test func countryIsNoPerson() throws {
        let extraction = try Self.extract(Self.example("person.country-not-person"), country: "Nova Terra")
        #expect(extraction.persons.map(\.name) == ["Ana Ruiz"])
        // A person whose name shares a word with the country is a person.
        let namesake = try Self.extract("whereas Nova Terra has detained the journalist Ana Terra since May;", country: "Nova Terra")
        #expect(namesake.persons.map(\.name) == ["Ana Terra"])
    }

    /// `Ordinance` names an instrument (Lexicon.instrumentHeads): a plural list of sections of one is read.
    @Test func sectionsOfAnOrdinance() throws {
        let extraction = try Self.extract("whereas Ana Ruiz was charged under sections 4 and 7 of the Public Order Ordinance;")
        #expect(Set(extraction.provisions.map { "\($0.instrument) \($0.article)" }) == ["Public Order Ordinance 4", "Public Order Ordinance 7"])
        #expect(Self.charged(extraction) == ["Ana Ruiz 4", "Ana Ruiz 7"])
        #expect(!extraction.organisations.contains { $0.name.contains("Ordinance") })
    }

    @Test func codeWrittenInLowerCase() throws {
        let extraction = try Self.extract(Self.example("provision.lower-case-code"))
        let provision = try #require(extraction.provisions.first)
        #expect(provision.instrument == "Penal Code of Freedonia" && provision.article == "87 bis")
        #expect(provision.rules.map(\.id) == ["provision.lower-case-code"])
        // A code of conduct is no national code.
        let conduct = try Self.extract("whereas Ana Ruiz breached article 8 of the press code of conduct;")
        #expect(conduct.provisions.isEmpty)
    }
}
