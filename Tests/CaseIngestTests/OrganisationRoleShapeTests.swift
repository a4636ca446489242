@testable import CaseIngest
import Testing

/// Near misses of the organisation and provision rules added for issue 19's real shapes
/// (`organisation.appositive-list`, `.possessive-role`, `.member-of-name`, `provision.point-list`,
/// the `the Article 23 law` veto): each rule's example is in `RuleTableTests`; here, what each
/// must leave alone. Every sentence is invented.
@Suite struct OrganisationRoleShapeTests {
    static func organisations(_ sentences: String) throws -> Set<String> {
        Set(try EntityShapeTests.extract(sentences).organisations.map(\.name))
    }

    static func provisions(_ sentences: String) throws -> Set<String> {
        Set(try EntityShapeTests.extract(sentences).provisions.map { "\($0.article) of \($0.instrument)" })
    }

    /// Near misses of `organisation.staff-name-of`: a country after the person's name, or one name word.
    @Test func staffNameOfNeedsANameThatIsNoCountry() throws {
        #expect(try Self.organisations("whereas the journalist Ana Ruiz of Radio Nova was convicted").contains("Radio Nova"))
        let country = try Self.organisations("whereas the journalist Ana Ruiz of Freedonia was convicted")
        #expect(!country.contains("Freedonia"))
        let workingFor = try Self.organisations("whereas the reporter Ana Ruiz for years covered the war")
        #expect(workingFor.isEmpty)
    }

    /// Near misses of `organisation.title-word-court`: a title word before an office or before `of` stays an office.
    @Test func titleWordOpensACourtOnlyBeforeACourtsHead() throws {
        let found = try Self.organisations("whereas the High Court of Freedonia upheld the sentence; whereas the High Representative of the Union condemned it")
        #expect(found.contains("High Court of Freedonia"))
        #expect(!found.contains { $0.hasPrefix("High Representative") })
        #expect(try !Self.organisations("whereas the Special Rapporteur on Freedonia visited the prison").contains { $0.hasPrefix("Special") })
    }

    /// Near miss of `organisation.broadcast-short-form`: the short form is an alias only where the text writes it.
    @Test func broadcastShortFormOnlyWhereWritten() throws {
        let extraction = try EntityShapeTests.extract("whereas Ana Ruiz, a journalist of Lumen TV, was detained")
        let outlet = try #require(extraction.organisations.first { $0.name == "Lumen TV" })
        #expect(!outlet.aliases.contains("Lumen"))
    }

    @Test func appositiveListSplitsAtAnd() throws {
        let found = try Self.organisations("whereas his media outlets, Dawn Daily and River News, were shut down by the government")
        #expect(found.isSuperset(of: ["Dawn Daily", "River News"]))
        #expect(!found.contains("Dawn Daily and River News"))
    }

    @Test func appositiveListLeavesPersonsAndCountries() throws {
        let found = try Self.organisations("whereas the NGOs, Freedonia and Ruritania signed the accord")
        #expect(!found.contains("Freedonia") && !found.contains("Ruritania"))
    }

    @Test func listStopsAtAPersonsTitle() throws {
        let found = try Self.organisations("whereas the opposition parties, including the Green Dawn Party and Dr. Ana Ruiz, signed the accord")
        #expect(found.contains("Green Dawn Party"))
        #expect(!found.contains("Dr") && !found.contains("Dr."))
    }

    @Test func possessiveRoleNeedsAOneWordNameThatIsNoCountry() throws {
        #expect(try Self.organisations("whereas Lumen’s Secretary Ana Ruiz was arrested").contains("Lumen"))
        // A person's own secretary, a country's director: no organisation.
        #expect(try !Self.organisations("whereas Ana Ruiz’s secretary was arrested").contains("Ruiz"))
        #expect(try !Self.organisations("whereas Freedonia’s director of prisons refused the visit").contains("Freedonia"))
    }

    @Test func memberOfNameLeavesCountriesAndInstitutions() throws {
        #expect(try Self.organisations("whereas the leaders of Lumen, Ana Ruiz and Tomas Berg, face trial").contains("Lumen"))
        #expect(try !Self.organisations("whereas the leader of Freedonia, Ana Ruiz, faces trial").contains("Freedonia"))
        #expect(try !Self.organisations("whereas Ana Ruiz, a member of Parliament, faces trial").contains("Parliament"))
        // Part of a longer name: the rule takes no single word of it.
        #expect(try !Self.organisations("whereas the leaders of Lumen Watch face trial").contains("Lumen"))
    }

    @Test func memberOfTheAcronym() throws {
        #expect(try Self.organisations("whereas Ana Ruiz, the former head of the FDMX, is in exile").contains("FDMX"))
    }

    @Test func pointListSplitsOnlyRunningLetters() throws {
        let listed = try Self.provisions("whereas Ana Ruiz was charged under Article 21(2)(a) (b) of the Public Order Act")
        #expect(listed.isSuperset(of: ["21(2)(a) of Public Order Act of Freedonia", "21(2)(b) of Public Order Act of Freedonia"]))
        // A point and its sub-point are one article.
        let nested = try Self.provisions("whereas Ana Ruiz was charged under Article 5(a)(i) of the Public Order Act")
        #expect(nested == ["5(a)(i) of Public Order Act of Freedonia"])
        #expect(OrganisationStage.pointLabels("3(1)(c)") == ["3(1)(c)"])
    }

    @Test func capitalisedWhereasAndOnInANameAsWritten() throws {
        let found = try Self.organisations("Whereas the Lumen Commission On Human Rights granted protective measures to Ana Ruiz")
        #expect(found.contains("Lumen Commission On Human Rights"))
        #expect(!found.contains { $0.hasPrefix("Whereas") })
    }

    @Test func staffAppositiveEndsAtItsComma() throws {
        let found = try Self.organisations("whereas Ana Ruiz, a former journalist of Lumen News, and Tomas Berg were among those sentenced")
        #expect(found.contains("Lumen News"))
        #expect(!found.contains("Tomas Berg"))
        // Outside an appositive a list after a staff noun runs on.
        let listed = try Self.organisations("whereas journalists working for Lumen Media, Vox TV and Kanal 13 were arrested")
        #expect(listed.isSuperset(of: ["Lumen Media", "Vox TV", "Kanal 13"]))
        #expect(!listed.contains("Kanal"))
    }

    @Test func anAllCapitalsWordInANameIsNoGroupNoun() throws {
        let found = try Self.organisations("whereas journalists of Lumen TV, including Ana Ruiz, have been sentenced")
        #expect(!found.contains("Ana Ruiz"))
    }

    @Test func anIEndingIsANationalityOnlyAsNationalitiesWriteIt() throws {
        let found = try Self.organisations("whereas Ana Ruiz, director of the independent media outlets Lumeneti and Voxebi, was detained")
        #expect(found.isSuperset(of: ["Lumeneti", "Voxebi"]))
        #expect(try !Self.organisations("whereas the outlet Pakistani reported the arrest").contains("Pakistani"))
    }

    @Test func townPossessiveCourtLeavesTheCountry() throws {
        let found = try Self.organisations("whereas Freedonia’s Criminal Court sentenced Ana Ruiz in May")
        #expect(!found.contains("Criminal Court in Freedonia"))
    }

    @Test func aLawNamedAfterAnArticleIsNoProvision() throws {
        let found = try Self.provisions("whereas Ana Ruiz was charged under Article 12 of the Public Order Act; whereas the Article 23 law came into force in March")
        #expect(found == ["12 of Public Order Act of Freedonia"])
    }
}
