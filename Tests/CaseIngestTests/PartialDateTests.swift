import CaseIngest
import Testing

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2022", "2022", "2022-01-01", "2022-12-31"),
        ("2022-02", "2022-02", "2022-02-01", "2022-02-28"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
        ("2022-06-15", "2022-06-15", "2022-06-15", "2022-06-15"),
        (" 2021-02-11 ", "2021-02-11", "2021-02-11", "2021-02-11"),
    ])
    func parsesAtThePrecisionGiven(input: String, printed: String, start: String, end: String) throws {
        let date = try PartialDate(parsing: input)
        #expect(date.description == printed)
        #expect(date.start.description == start)
        #expect(date.end.description == end)
    }

    @Test(arguments: ["2022-13-40", "2022-02-30", "2023-02-29", "0000-00-00", "2022-00", "tomorrow", "", "22-01-01", "2022/01/01", "2022-1-5", "２０２２"])
    func refusesMalformedOrImpossibleDates(input: String) {
        #expect(throws: DateError.self) { try PartialDate(parsing: input) }
    }

    @Test func errorMessagesSayHowToWriteADate() {
        #expect(DateError.malformed("tomorrow").description.contains("YYYY-MM-DD"))
        #expect(DateError.impossible("2022-02-30").description.contains("not a real calendar date"))
    }

    @Test func readsEnglishDatesAsResolutionsWriteThem() {
        #expect(PartialDate(english: "11 February 2021")?.description == "2021-02-11")
        #expect(PartialDate(english: "31 February 2021") == nil)
        #expect(PartialDate(english: "Article 5 2021") == nil)
    }
}

@Suite struct CaseStatusTests {
    @Test(arguments: [("house arrest", CaseStatus.houseArrest), ("House-Arrest", .houseArrest),
                      ("pre-trial detention", .preTrialDetention), ("pre trial detention", .preTrialDetention),
                      ("charges_dropped", .chargesDropped), ("deceased", .deceased)])
    func acceptsTheVocabularyAsUsersTypeIt(input: String, expected: CaseStatus) throws {
        #expect(try CaseStatus(parsing: input) == expected)
    }

    @Test func anUnknownStatusListsTheVocabulary() {
        #expect(throws: UnknownStatusError.self) { try CaseStatus(parsing: "house arest") }
        let message = UnknownStatusError(given: "jailed").description
        #expect(message.contains("'jailed'") && message.contains("pre-trial detention") && message.contains("disappeared"))
    }
}

@Suite struct NameKeyTests {
    @Test func anyOrderCaseAndDiacriticsGiveOneKey() {
        #expect(NameKey.matchKey("Askhat Zheksebayev") == NameKey.matchKey("zheksebayev  ASKHAT"))
        #expect(NameKey.matchKey("Lukáš Novák") == NameKey.matchKey("lukas novak"))
        #expect(NameKey.matchKey("RFE/RL’s") == NameKey.matchKey("rfe rl's"))
    }

    @Test func differentPeopleKeepDifferentKeys() {
        #expect(NameKey.matchKey("Daniyar Khassenov") != NameKey.matchKey("Daryn Khassenov"))
    }

    @Test func editDistance() {
        #expect(NameKey.editDistance("zheksebaev", "zheksebayev") == 1)
        #expect(NameKey.editDistance("", "abc") == 3)
    }
}
