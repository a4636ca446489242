@testable import CaseIngest
import Foundation
import Testing

/// Issue 19: the extractor's rules as tables keyed by rule id. Every rule of the persons,
/// organisations and provisions stages has a row; its own invented example (from the rule book) is
/// extracted, and the row says which claim must carry the rule's id, or which candidate the rule
/// weighs against or vetoes. Every rule of every stage has a description and an example, and ids are unique.
@Suite struct RuleTableTests {
    /// What a rule's example must show.
    enum Expect {
        /// A claim (person, organisation; provision as `ARTICLE of INSTRUMENT`) carries the rule's id.
        case claim(String)
        /// The rule weighed the candidate with these words (a rule weighing against a person).
        case weighed(String)
        /// The veto refused the candidate with these words: it is no person.
        case veto(String)
    }

    static let persons: [String: Expect] = [
        "person.title-before-name": .claim("Ana Ruiz"),
        "person.several-name-words": .claim("Tomas Berg"),
        "person.one-name-word": .claim("Berg"),
        "person.role-before": .claim("Ana Ruiz"),
        "person.kinship-before": .claim("Tomas Berg"),
        "person.verb-before": .claim("Ana Ruiz"),
        "person.official-head-of": .claim("Tomas Berg"),
        "person.event-of": .claim("Ana Ruiz"),
        "person.headed-by": .claim("Tomas Berg"),
        "person.loyal-to": .claim("Tomas Berg"),
        "person.place-word-before": .weighed("Tomas Berg"),
        "person.role-of-noun-before": .claim("Ana Ruiz"),
        "person.middle-initial": .claim("Ana M. de Souza"),
        "person.initials-before-name": .claim("A.B. Ruiz"),
        "person.title-takes-run": .claim("Son Tomas Berg"),
        "person.bracketed-title-before": .claim("Ana Ruiz"),
        "person.list-after-colon": .claim("Tomas Berg"),
        "person.spelling-variant": .claim("Ana Darvish"),
        "person.of-after-comma": .claim("Tomas Berg"),
        "person.comma-auxiliary-person-verb": .claim("Ana Ruiz"),
        "person.written-as-place": .veto("Porto Vila"),
        "person.article-before": .claim("Ana Ruiz"),
        "person.possessive-before": .claim("Ana Ruiz"),
        "person.indefinite-article-before": .weighed("Mercy Plea"),
        "person.role-phrase-before-comma": .claim("Ana Ruiz"),
        "person.office-phrase-before": .claim("Ana Ruiz"),
        "person.role-inside-run": .claim("Ana Ruiz"),
        "person.people-before-name": .claim("Ana Ruiz"),
        "person.place-before-name": .claim("Tomas Berg"),
        "person.who-after-comma": .claim("Ana Ruiz"),
        "person.participle-after-comma": .claim("Ana Ruiz"),
        "person.role-phrase-after-comma": .claim("Ana Ruiz"),
        "person.alias": .claim("Tomas Berg"),
        "person.acronym-in-brackets": .weighed("Nova Vida"),
        "person.bracket-after": .claim("Ana Ruiz"),
        "person.possessive-person-noun": .claim("Ana Ruiz"),
        "person.possessive-capitalised": .weighed("Ana Ruiz"),
        "person.auxiliary-person-verb": .claim("Ana Ruiz"),
        "person.person-word-after": .claim("Ana Ruiz"),
        "person.took-office": .claim("Tomas Berg"),
        "person.past-verb-after": .claim("Ana Ruiz"),
        "person.list-after-group-noun": .claim("Tomas Berg"),
        "person.list-subject-of-person-verb": .claim("Lina Holm"),
        "person.list-of-full-names": .claim("Lina Holm"),
        "person.listed-with-person": .claim("Tomas Berg"),
        "person.veto-common-word": .veto("Ana Ruiz Foundation"),
        "person.veto-common-word-after-title": .veto("President Parliament Ruiz"),
        "person.veto-sentence-word": .veto("Condemns"),
        "person.veto-too-many-words": .veto("Ana Bela Cora Dana Eva Fay Ruiz"),
        "person.veto-one-word": .veto("Ruiz"),
        "person.veto-people-adjectives": .veto("Freedonian Ruritanian"),
        "person.veto-plural-people": .veto("Ethnic Ruritanians"),
        "person.veto-nationality-office": .veto("Freedonian Prime Minister"),
        "person.veto-organisation-name": .veto("Nova Vida"),
        "person.veto-ambiguous-family-name": .veto("Mr Lin"),
    ]

    static let organisations: [String: String] = [
        "organisation.acronym-definition": "Freedonia Press Union",
        "organisation.head-word": "Green Dawn Party",
        "organisation.body-of-body": "Freedonia State Department",
        "organisation.list-after-group-noun": "River Watch",
        "organisation.group-noun-then-names": "River Front",
        "organisation.media-role-for": "Capital Voice",
        "organisation.media-role-after": "Capital Voice",
        "organisation.institution": "United Nations",
        "organisation.bracketed-body-name": "Kaptan",
        "organisation.quoted-after-noun": "Dawn",
        "organisation.quoted-after-head": "Union “For Free Elections”",
        "organisation.staff-of": "Radio Nova",
        "organisation.context-noun-before": "Freedom First",
        "organisation.name-before-noun": "Green Dawn",
        "organisation.listed-acronym": "FJA",
        "organisation.acronym-after-member-noun": "FDM",
        "organisation.acronym-staff": "FPU",
        "organisation.coordinated": "Sunrise",
        "organisation.appositive-list": "Dawn Daily",
        "organisation.possessive-role": "Lumen",
        "organisation.member-of-name": "Lumen",
        "organisation.town-possessive-court": "Criminal Court in Harbourtown",
        "organisation.staff-name-of": "Radio Nova",
        "organisation.broadcast-short-form": "Lumen TV",
        "organisation.title-word-court": "General Court in Harbourtown",
        "organisation.posting-to-place": "Delegation of the EU to Freedonia",
    ]

    static let provisions: [String: String] = [
        "provision.article-number": "12 of Public Order Act of Freedonia",
        "provision.article-list": "7 of Public Order Act of Freedonia",
        "provision.paragraph-of-article": "14.2 of Public Order Act of Freedonia",
        "provision.point-list": "21(2)(b) of Public Order Act of Freedonia",
        "provision.instrument-name": "12 of Public Order Act of Freedonia",
        "provision.numbered-act": "3 of Law No 94 of Freedonia",
        "provision.instrument-acronym": "8 of Public Order Act of Freedonia",
        "provision.rules-of-procedure": "144 of European Parliament Rules of Procedure",
        "provision.thereof": "9 of Public Order Act of Freedonia",
        "provision.article-named-before": "12 of Public Order Act of Freedonia",
        "provision.instrument-in-section": "12 of Public Order Act of Freedonia",
        "provision.last-instrument": "14 of Public Order Act of Freedonia",
        "provision.shorter-name-joins-fuller": "5 of European Convention on Human Rights",
    ]

    /// An invented resolution on Freedonia whose numbered paragraphs are the example's sentences.
    static func resolution(_ example: String) -> String {
        var sentences: [String] = []
        var current = ""
        let characters = Array(example)
        for (index, character) in characters.enumerated() {
            current.append(character)
            // A sentence ends at `. ` before a capital, but after an initial (`A.B. Ruiz`: a capital letter alone before the stop).
            let initial = index >= 1 && characters[index - 1].isUppercase && (index < 2 || characters[index - 2] == "." || characters[index - 2] == " ")
            if character == ".", !initial, index + 2 < characters.count, characters[index + 1] == " ", characters[index + 2].isUppercase {
                sentences.append(current)
                current = ""
            }
        }
        sentences.append(current.trimmingCharacters(in: .whitespaces))
        var text = "European Parliament resolution of 4 May 2023 on Freedonia (2023/9001(RSP))\n\nThe European Parliament,\n\n"
        text += "– having regard to its previous resolutions on Freedonia,\n\nA. whereas the situation is grave;\n\n"
        for (number, sentence) in sentences.enumerated() { text += "\(number + 1). \(sentence.trimmingCharacters(in: .whitespaces))\n\n" }
        text += "\(sentences.count + 1). Instructs its President to forward this resolution;\n"
        return text
    }

    static func explain(_ rule: Rule) throws -> ExtractionExplanation {
        try Extractor.explain(data: Data(resolution(rule.example).utf8), name: "\(rule.id).txt")
    }

    /// The rules of the persons, organisations and provisions stages tabled here: the entity-shape
    /// rules have their own table (`EntityShapeTests`, each on its example and a near miss).
    static func rules(_ prefix: String) -> [Rule] {
        let shapes = Set(RuleBook.entityShapeRules.map(\.id))
        return RuleBook.all.filter { $0.id.hasPrefix(prefix) && !shapes.contains($0.id) }
    }

    /// `person.indefinite-article-before` on paraphrases (another noun, `an`, another verb) and its near misses:
    /// an article before a role noun, or `the`, leaves the name a person.
    @Test func anIndefiniteArticleBeforeCapitalsNamesAThingNotAPerson() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas an Amparo Motion was rejected in June; whereas in May a Clemency Request was dismissed;\n\n"
            + "B. whereas a journalist Ana Ruiz was arrested in May; whereas the court sentenced Tomas Berg in June;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        #expect(Set(extraction.persons.map(\.name)) == ["Ana Ruiz", "Tomas Berg"])
    }

    /// `person.loyal-to` on a paraphrase (another adjective and noun) and its near misses: loyalty to a body, to a
    /// place the text writes after `in` elsewhere (`person.written-as-place`), and `to` after a verb make no person
    /// by this rule. (A two-word place named nowhere else after `in` would be taken for a person: the rule cannot tell.)
    @Test func theOneOthersAreLoyalToIsALeader() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas militias allied to Ana Ruiz attacked the town in May;\n\n"
            + "B. whereas units loyal to the Green Dawn Party fled; whereas the army remained faithful to Nova Terra; "
            + "whereas elections were held in Nova Terra in May; whereas the report was sent to Lina Holm;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        let loyal = extraction.persons.filter { $0.rules.contains { $0.id == "person.loyal-to" } }.map(\.name)
        #expect(loyal == ["Ana Ruiz"])
        #expect(!extraction.persons.contains { $0.name == "Nova Terra" || $0.name.contains("Green Dawn") })
    }

    /// `e.g.` opens a list of names after a group noun, as `including` does (`person.list-after-group-noun`).
    @Test func forExampleAbbreviatedOpensAListOfNames() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas threats against political opponents in Freedonia, e.g. Lina Holm and the former Minister of Justice, Piet Vos, have grown;\n"
        let extraction = try Extractor.extract(text: text, name: "list.txt")
        let listed = try #require(extraction.persons.first { $0.name == "Lina Holm" })
        #expect(listed.rules.contains { $0.id == "person.list-after-group-noun" })
    }

    /// `organisation.acronym-staff` on paraphrases (a modifier, a plural, another noun) and its near misses: an acronym
    /// before another lower-case noun, a state's or a kind of body's acronym, or one defined in brackets names no body.
    @Test func anAcronymBeforeABodysStaffOrForcesIsABody() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas gunmen fired on RWC armed fighters and on the FJA headquarters; whereas a TVN correspondent was beaten;\n\n"
            + "B. whereas the USA troops left; whereas NGO staff were detained; whereas the FLR provisions were repealed; "
            + "whereas the Freedonia Lawyers Union (FLU) staff were detained;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        let staffBodies = Set(extraction.organisations.filter { $0.rules.contains { $0.id == "organisation.acronym-staff" } }.map(\.name))
        #expect(staffBodies == ["RWC", "FJA", "TVN"])
    }

    /// `organisation.head-word` on the heads added for armed and civil bodies (Force, Brigade, Militia, Forum,
    /// Observatory, Confederation, Syndicate), and a near miss: a head word alone, lower-case, opens no name.
    @Test func armedAndCivilBodyHeadsEndANameLikeOtherHeads() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas the Lake Defence Force shelled the town; whereas the Red Dawn Brigade took hostages;\n\n"
            + "B. whereas the River Observatory for Human Rights and the Freedonian Confederation of Labour reported the killings;\n\n"
            + "C. whereas a force of soldiers entered the village; whereas the observatory was closed;\n"
        let extraction = try Extractor.extract(text: text, name: "heads.txt")
        let names = Set(extraction.organisations.map(\.name))
        #expect(names.isSuperset(of: ["Lake Defence Force", "Red Dawn Brigade", "River Observatory for Human Rights", "Freedonian Confederation of Labour"]))
        #expect(extraction.persons.isEmpty)
    }

    /// `organisation.institution` on the regional organisations: by acronym alone, by full name, and before a noun of its meetings.
    @Test func regionalOrganisationsAreKnownByNameOrAcronym() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas the coup was condemned by the African Union, SADC and the Economic Community of West African States;\n\n"
            + "B. having regard to the communiqué of the ECOWAS Summit of 2 May 2030;\n"
        let extraction = try Extractor.extract(text: text, name: "regional.txt")
        let names = Set(extraction.organisations.map(\.name))
        #expect(names.isSuperset(of: ["African Union", "Southern African Development Community", "Economic Community of West African States"]))
        #expect(extraction.organisations.first { $0.name == "Economic Community of West African States" }?.aliases.contains("ECOWAS") == true)
    }

    /// Near misses of `person.role-inside-run` and `person.people-before-name`: a role noun or a people's
    /// name before words the text also writes in lower case, or before a single name word, starts no name.
    @Test func aRoleOrPeopleBeforeCommonWordsOrOneNameWordStartsNoName() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas Reporters Without Borders condemned the raid; whereas the editor was held without charge;\n\n"
            + "B. whereas the Ruritanians Berg and Vos were detained;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        #expect(!extraction.persons.contains { $0.name == "Without Borders" })
        #expect(!extraction.persons.contains { $0.rules.contains { $0.id == "person.people-before-name" || $0.id == "person.role-inside-run" } })
    }

    /// Near misses of `person.veto-nationality-office`: a first name with a people's ending before a
    /// one-word title that is also a family name (`Julian Judge`) stays a person; the office-holder
    /// named after the office is found.
    @Test func aNationalityAndAnOfficeAreNoNameButAFirstNameAndATitleWordAre() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas the police detained the lawyer Julian Judge in May;\n\n"
            + "B. whereas the former Freedonian Foreign Minister, Tomas Berg, was shot in June;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        #expect(Set(extraction.persons.map(\.name)) == ["Julian Judge", "Tomas Berg"])
    }

    /// Near misses of `person.written-as-place`: a person whose family name is a place the text names, a name
    /// written after `in` as a possessive, and two words after `from` (a letter from a person) stay persons.
    @Test func aNameWrittenAsAPlaceElsewhereOnlyWhenThoseWordsFollowIn() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas the lawyer Ana Lisboa was detained in Lisboa; whereas the police searched the office in Tomas Berg’s home;\n\n"
            + "B. whereas the journalist Tomas Berg was arrested in May; whereas a letter from Lina Holm reached the court;\n\n"
            + "C. whereas the activist Lina Holm was detained;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        #expect(Set(extraction.persons.map(\.name)) == ["Ana Lisboa", "Tomas Berg", "Lina Holm"])
        #expect(!extraction.persons.contains { $0.rules.contains { $0.id == "person.written-as-place" } })
    }

    /// Near misses of `person.middle-initial`: a letter and a full stop that end a sentence, or stand before a word
    /// that is never a name, are not a middle initial.
    @Test func aCapitalLetterAndFullStopBeforeACommonWordIsNoInitial() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas the journalist Ana Ruiz was arrested under Plan B. Council members protested;\n\n"
            + "B. whereas the lawyer Tomas Berg spoke for Ana Ruiz B. Commission staff were not present;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        #expect(Set(extraction.persons.map(\.name)) == ["Ana Ruiz", "Tomas Berg"])
        #expect(!extraction.persons.contains { $0.rules.contains { $0.id == "person.middle-initial" } })
    }

    /// Near misses of `person.spelling-variant`: two names a vowel apart (`Maria`/`Mario`), a letter added
    /// (`Holm`/`Holms`), or a consonant apart but written together (relatives named in one list) stay two persons.
    @Test func namesSpeltApartStayTwoPersonsUnlessOneConsonantApartAndWrittenApart() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas the journalist Maria Holm was arrested in May;\n\n"
            + "B. whereas the court sentenced Mario Holm in June;\n\n"
            + "C. whereas the activists Karin Vossberg and Karim Vossberg were detained;\n\n"
            + "D. whereas the lawyer Lina Petrov was beaten; whereas the lawyer Lina Petrova was threatened in May;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        #expect(Set(extraction.persons.map(\.name)) == ["Maria Holm", "Mario Holm", "Karin Vossberg", "Karim Vossberg", "Lina Petrov", "Lina Petrova"])
        #expect(!extraction.persons.contains { $0.rules.contains { $0.id == "person.spelling-variant" } })
        // The same two spellings a consonant apart, in sections of their own, are one person.
        let apart = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas the activist Karin Vossberg was detained in May;\n\n"
            + "B. whereas the court sentenced Karim Vossberg in June;\n"
        let merged = try Extractor.extract(text: apart, name: "variant.txt")
        #expect(merged.persons.count == 1)
        #expect(merged.persons.first?.rules.contains { $0.id == "person.spelling-variant" } == true)
    }

    /// Near misses of `person.list-after-colon` and `person.initials-before-name`: a colon after a noun of
    /// bodies opens no list of persons, and one initial alone (`B. Council`) opens no name.
    @Test func aColonAfterBodiesAndOneInitialAloneNameNoPerson() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas the authorities closed two organisations: Nova Vida and River Watch;\n\n"
            + "B. whereas the journalist Ana Ruiz spoke under Plan B. Tomas Berg was not present;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        #expect(!extraction.persons.contains { $0.rules.contains { $0.id == "person.list-after-colon" || $0.id == "person.initials-before-name" } })
        #expect(!extraction.persons.contains { $0.name == "Nova Vida" || $0.name.hasPrefix("B.") })
    }

    /// Near miss of `person.title-takes-run`: without a title before it, a capitalised role noun still starts the name after it.
    @Test func withoutATitleARoleInsideTheRunStillStartsTheName() throws {
        let text = "European Parliament resolution of 4 May 2030 on Freedonia (2030/9001(RSP))\n\n"
            + "A. whereas Nova Vida Secretary Ana Ruiz was questioned;\n"
        let extraction = try Extractor.extract(text: text, name: "near-miss.txt")
        #expect(extraction.persons.contains { $0.name == "Ana Ruiz" })
        #expect(!extraction.persons.contains { $0.rules.contains { $0.id == "person.title-takes-run" } })
    }

    @Test func everyRuleHasADescriptionAnInventedExampleAndAUniqueId() {
        var seen: Set<String> = []
        for rule in RuleBook.all {
            #expect(!rule.doc.trimmingCharacters(in: .whitespaces).isEmpty, "\(rule.id) has no description")
            #expect(!rule.example.trimmingCharacters(in: .whitespaces).isEmpty, "\(rule.id) has no example")
            #expect(!rule.doc.contains("\n"), "\(rule.id): the description is one line")
            #expect(seen.insert(rule.id).inserted, "two rules are named \(rule.id)")
            #expect(rule.id.range(of: #"^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil,
                    "\(rule.id) is not `stage.short-name` in lower case with hyphens")
        }
    }

    @Test func everyRuleOfTheEntityStagesHasARow() {
        #expect(Set(Self.rules("person.").map(\.id)) == Set(Self.persons.keys))
        #expect(Set(Self.rules("organisation.").map(\.id)) == Set(Self.organisations.keys))
        #expect(Set(Self.rules("provision.").map(\.id)) == Set(Self.provisions.keys))
        #expect(Self.rules("person.").count + Self.rules("organisation.").count + Self.rules("provision.").count >= 60)
    }

    @Test(arguments: RuleTableTests.rules("person."))
    func personRuleExample(_ rule: Rule) throws {
        let expected = try #require(Self.persons[rule.id], "no row for \(rule.id)")
        let explanation = try Self.explain(rule)
        switch expected {
        case .claim(let name):
            let person = try #require(explanation.extraction.persons.first { $0.name == name },
                                      "\(rule.id): \(rule.example) gives \(explanation.extraction.persons.map(\.name))")
            #expect(person.rules.contains { $0.id == rule.id }, "\(rule.id) not on \(name): \(person.rules.map(\.id))")
        case .weighed(let text):
            let candidate = explanation.personCandidates.first { $0.text == text }
            #expect(candidate?.hits.contains { $0.hit.id == rule.id } == true, "\(rule.id) did not weigh \(text): \(candidate.map { $0.hits.map(\.hit.id) } ?? [])")
            #expect((rule.weight ?? 0) < 0, "\(rule.id): a rule weighing for a person must show on the claim")
        case .veto(let text):
            let candidate = try #require(explanation.personCandidates.first { $0.text == text && $0.veto?.id == rule.id },
                                         "\(rule.id) did not refuse \(text): \(explanation.personCandidates.map { ($0.text, $0.veto?.id ?? "-") })")
            #expect(candidate.person == nil)
            #expect(!explanation.extraction.persons.contains { $0.name == text })
        }
    }

    @Test(arguments: RuleTableTests.rules("organisation."))
    func organisationRuleExample(_ rule: Rule) throws {
        let name = try #require(Self.organisations[rule.id], "no row for \(rule.id)")
        let extraction = try Self.explain(rule).extraction
        let organisation = try #require(extraction.organisations.first { $0.name == name },
                                        "\(rule.id): \(rule.example) gives \(extraction.organisations.map(\.name))")
        #expect(organisation.rules.contains { $0.id == rule.id }, "\(rule.id) not on \(name): \(organisation.rules.map(\.id))")
    }

    @Test(arguments: RuleTableTests.rules("provision."))
    func provisionRuleExample(_ rule: Rule) throws {
        let expected = try #require(Self.provisions[rule.id], "no row for \(rule.id)")
        let extraction = try Self.explain(rule).extraction
        let provision = try #require(extraction.provisions.first { "\($0.article) of \($0.instrument)" == expected },
                                     "\(rule.id): \(rule.example) gives \(extraction.provisions.map { "\($0.article) of \($0.instrument)" })")
        #expect(provision.rules.contains { $0.id == rule.id }, "\(rule.id) not on \(expected): \(provision.rules.map(\.id))")
    }
}
