import CaseIngest
import Foundation
import Testing

/// A person's story as steps (issue 18), on invented resolutions: one event per step, in the order
/// the events happened, a present situation as a step of its own, and an undated past step placed by
/// the dated steps around it rather than dated by the resolution.
@Suite struct StoryStepTests {
    /// `status date|-|after..before|present` for each of the person's steps, in the order printed,
    /// with `step` checked to count them in that order.
    static func story(_ extraction: Extraction, _ person: String) -> [String] {
        let steps = extraction.statuses.filter { $0.person == person }
        #expect(steps.map(\.step) == steps.indices.map { $0 + 1 }, "\(person): steps numbered in story order")
        return steps.map { status in
            let when: String
            if let date = status.date {
                when = date.description
            } else if status.present {
                when = "present"
            } else if status.dateAfter != nil || status.dateBefore != nil {
                when = "\(status.dateAfter?.description ?? "")..\(status.dateBefore?.description ?? "")"
            } else {
                when = "-"
            }
            return "\(status.status) \(when)"
        }
    }

    @Test func arrestReleaseReArrestAndRemainsAreFourSteps() throws {
        let extraction = try RecogniserTests.extract([
            "Tomas Vell, a folk singer, was arrested on 2 March 2021, released on bail on 9 June 2021 and re-arrested on 1 July 2021 after giving an interview",
            "Mr Vell remains in detention in the capital",
        ], paragraphs: ["Calls on the authorities to release Tomas Vell and to drop all charges against him;"])
        #expect(Self.story(extraction, "Tomas Vell") == [
            "detained 2021-03-02", "released 2021-06-09", "detained 2021-07-01", "detained present",
        ])
        // The re-arrest is a step of its own, not a note of the first arrest.
        let reArrest = try #require(extraction.statuses.first { $0.person == "Tomas Vell" && $0.date?.description == "2021-07-01" })
        #expect(reArrest.cue.contains("re-arrested") && reArrest.note == nil)
        // A call to drop the charges against him is no step, nor a note of one.
        #expect(!extraction.statuses.contains { $0.person == "Tomas Vell" && ($0.note ?? "").contains("charges") })
        #expect(extraction.releaseCalls.map(\.person) == ["Tomas Vell"])
    }

    @Test func anArrestAndADeathOnOneDayPutTheDeathLast() throws {
        let extraction = try RecogniserTests.extract([
            "on 3 April 2022 Lia Morrow, a student, died in police custody after being arrested at a checkpoint",
        ])
        // The arrest came first; the text dates only the death, so the arrest is before it.
        #expect(Self.story(extraction, "Lia Morrow") == ["detained ..2022-04-03", "deceased 2022-04-03"])
    }

    @Test func aReleaseTiedToADatedReArrestTakesItsDate() throws {
        let extraction = try RecogniserTests.extract([
            "Dana Quill, a trade unionist, was re-arrested on 5 May 2023 only hours after her release from Marsh prison",
        ])
        #expect(Self.story(extraction, "Dana Quill") == ["released 2023-05-05", "detained 2023-05-05"])
    }

    @Test func aReleaseToldRightAfterADatedEndOfProceedingsTakesItsDate() throws {
        let extraction = try RecogniserTests.extract([
            "the charges against Rosa Lind, a blogger, were dropped in March 2024 and she was released",
            "Ivo Marr, a poet, was acquitted on 4 June 2024 and was released",
        ])
        #expect(Self.story(extraction, "Rosa Lind") == ["charges dropped 2024-03", "released 2024-03"])
        #expect(Self.story(extraction, "Ivo Marr") == ["acquitted 2024-06-04", "released 2024-06-04"])
        // Near miss: a sentence does not end the proceedings; a release told after it is only bounded by it.
        let sentenced = try RecogniserTests.extract([
            "Tove Dahl, a journalist, was sentenced in March 2024 and was later released",
        ])
        #expect(Self.story(sentenced, "Tove Dahl") == ["sentenced 2024-03", "released 2024-03.."])
    }

    @Test func aNameInsideAnObjectsDescriptionTakesNoSentence() throws {
        let extraction = try RecogniserTests.extract([
            "on 5 March 2024 the court sentenced Rosa Lind, daughter of the opposition leader Ivo Marr, to ten years in prison",
        ])
        #expect(extraction.statuses.contains { $0.person == "Rosa Lind" && $0.status == "sentenced" })
        #expect(!extraction.statuses.contains { $0.person == "Ivo Marr" })
    }

    @Test func aGeneralManagerIsNoOfficialAndKeepsTheGroupsSteps() throws {
        let extraction = try RecogniserTests.extract([
            "on 4 May 2024 the government released 30 political prisoners, including Rosa Lind and Ivo Marr, general manager of the newspaper The Daily",
        ])
        #expect(Self.story(extraction, "Ivo Marr") == ["released 2024-05-04"])
        #expect(Self.story(extraction, "Rosa Lind") == ["released 2024-05-04"])
    }

    @Test func anUndatedStepBetweenTwoDatedStepsIsBounded() throws {
        let extraction = try RecogniserTests.extract([
            "Piet Oram was detained on 10 January 2022, was subsequently sentenced to eight years in prison and was released on 2 February 2024",
        ])
        #expect(Self.story(extraction, "Piet Oram") == [
            "detained 2022-01-10", "sentenced 2022-01-10..2024-02-02", "released 2024-02-02",
        ])
        // Not dated by the resolution, and not folded into another step.
        let sentence = try #require(extraction.statuses.first { $0.person == "Piet Oram" && $0.status == "sentenced" })
        #expect(sentence.date == nil && sentence.supersededBy == nil && sentence.sentence == "8 years imprisonment")
    }

    @Test func aPresentSituationAfterADatedSentenceIsItsOwnStep() throws {
        let extraction = try RecogniserTests.extract([
            "Ruth Haldane was sentenced on 12 October 2020 to six years in prison; whereas she is still held in solitary confinement",
        ])
        #expect(Self.story(extraction, "Ruth Haldane") == ["sentenced 2020-10-12", "detained present"])
        let situation = try #require(extraction.statuses.last { $0.person == "Ruth Haldane" })
        #expect(situation.present && situation.date == nil && situation.dateAfter == nil && situation.dateBefore == nil)
    }

    @Test func aSinceDateStartsTheSituationItDoesNotRepeatIt() throws {
        let extraction = try RecogniserTests.extract([
            "Ada Brint has been imprisoned since March 2019 and is serving a sentence of twelve years",
        ])
        // One situation, dated by its start: `is serving` words it again.
        #expect(Self.story(extraction, "Ada Brint") == ["imprisoned 2019-03"])
    }

    @Test func theSameStepToldTwiceStaysOneStep() throws {
        let extraction = try RecogniserTests.extract([
            "Ivo Marek was arrested on 14 May 2022 at his home",
            "the arrest of Ivo Marek was condemned by the bar association",
        ])
        #expect(Self.story(extraction, "Ivo Marek") == ["detained 2022-05-14"])
    }

    @Test func aSentenceIncreasedOnAppealIsASecondSentence() throws {
        let extraction = try RecogniserTests.extract([
            "Olga Renn was sentenced in May 2021 to five years in prison; whereas on 3 March 2022 an appeal court increased her sentence to nine years in prison",
        ])
        #expect(Self.story(extraction, "Olga Renn") == ["sentenced 2021-05", "sentenced 2022-03-03"])
    }

    @Test func theDateOfAnotherSubjectsVerbIsNotTheSituationsStart() throws {
        let extraction = try RecogniserTests.extract([
            "Emil Tarkan was sentenced on 23 September 2014 to life imprisonment",
            "Emil Tarkan founded a newspaper in 2006; whereas he remains imprisoned and his family has had no contact with him since 2017",
        ])
        #expect(Self.story(extraction, "Emil Tarkan") == ["sentenced 2014-09-23", "imprisoned present"])
    }

    @Test func theEndOfASituationIsNotItsDate() throws {
        let extraction = try RecogniserTests.extract([
            "Ivo Kant was arrested in July 2023 and remained in detention until 22 April 2024",
        ])
        #expect(Self.story(extraction, "Ivo Kant") == ["detained 2023-07"])
    }

    @Test func whatATextLeavesUndatedAroundADeathCameBeforeIt() throws {
        let extraction = try RecogniserTests.extract([
            "Lev Sarin died on 16 February 2024 in a penal colony in the north, where he was serving a 19-year sentence",
        ])
        #expect(Self.story(extraction, "Lev Sarin") == ["imprisoned ..2024-02-16", "deceased 2024-02-16"])
    }

    @Test func aDayAndMonthWithoutAYearTakeTheResolutionsYear() throws {
        // The invented resolution is of 4 May 2023 (procedure 2023/9001(RSP)).
        let extraction = try RecogniserTests.extract([
            "Nika Palm was arrested on 13 March, a few days before the local elections",
            "between 15 and 19 November 2020 the authorities arrested Teo Varn",
        ])
        #expect(Self.story(extraction, "Nika Palm") == ["detained 2023-03-13"])
        // A range of days gives the month, not its last day.
        #expect(Self.story(extraction, "Teo Varn") == ["detained 2020-11"])
    }

    @Test func aMonthBeforeItsDayIsADate() throws {
        let extraction = try RecogniserTests.extract([
            "Rafe Oduya was arrested on January 20, days after his radio aired reports into the September 2014 murder of three nuns",
            "Lina Oduya was detained on March 2, 2021",
        ])
        // The year is the resolution's; `the September 2014 murder` names a murder, not the arrest's date.
        #expect(Self.story(extraction, "Rafe Oduya") == ["detained 2023-01-20"])
        #expect(Self.story(extraction, "Lina Oduya") == ["detained 2021-03-02"])
    }

    @Test func aPronounPastALongOpeningPhraseIsStillTheSubject() throws {
        let extraction = try RecogniserTests.extract([
            "Emil Brandt, an economist, was arrested on 23 July 2023; whereas, despite Mr Brandt’s serious health condition, he was held in pre-trial detention for nine months before being transferred to house arrest on 22 April 2024",
        ])
        #expect(Self.story(extraction, "Emil Brandt") == [
            "detained 2023-07-23", "pre-trial detention 2023-07-23..2024-04-22", "house arrest 2024-04-22",
        ])
    }

    @Test func aCountedGroupAfterANameIsItsOwnSubject() throws {
        let extraction = try RecogniserTests.extract([
            "dozens of activists are in danger of imminent arrest, such as the activist Sara Ilves, and 11 activists were put under house arrest",
        ])
        #expect(Self.story(extraction, "Sara Ilves") == ["at risk present"])
    }

    @Test func aDateOfAnEventAStepHappenedDuringDatesIt() throws {
        let extraction = try RecogniserTests.extract([
            "Oskar Lind was detained during the mass protests of June 2019 and sentenced to ten years' imprisonment",
            "Mara Vell was detained after a report on the protests of June 2019",
        ])
        // The sentence is a step of its own: the date is the detention's, not the sentence's.
        #expect(Self.story(extraction, "Oskar Lind") == ["detained 2019-06", "sentenced 2019-06.."])
        // Near miss: without `during`, `of June 2019` names the protests, not the detention's date.
        #expect(Self.story(extraction, "Mara Vell").first == "detained -")
    }

    @Test func aNightOverTwoDaysDatesAStepByItsFirstDay() throws {
        // The invented resolution is of 4 May 2023.
        let extraction = try RecogniserTests.extract([
            "Ines Roth was detained on the night of 11-12 January and placed in pre-trial detention on 14 January",
            "Jon Roth was detained on the night of 3 March 2021",
            "Eli Roth was detained after the storm of 11-12 January",
        ])
        #expect(Self.story(extraction, "Ines Roth") == ["detained 2023-01-11", "pre-trial detention 2023-01-14"])
        #expect(Self.story(extraction, "Jon Roth") == ["detained 2021-03-03"])
        // Near miss: a span of days after a noun that is no time of day dates nothing.
        #expect(Self.story(extraction, "Eli Roth") == ["detained -"])
    }

    @Test func aPersonHeldSinceADateIsDetainedFromIt() throws {
        let extraction = try RecogniserTests.extract([
            "the former ministers Aron Falk, Bela Stern and Cato Wirth have been held in Ostia since early October 2022",
            "Dina Falk held a press conference on 3 May 2022 and has since left the country",
            "Ola Brun had been held under house arrest since 2 June 2021",
        ])
        for name in ["Aron Falk", "Bela Stern", "Cato Wirth"] {
            #expect(Self.story(extraction, name) == ["detained 2022-10"], "\(name)")
        }
        // Near misses: `held` a press conference is no detention, even with `since` after it; held under
        // house arrest since a date is house arrest, no detention beside it.
        #expect(Self.story(extraction, "Dina Falk").isEmpty)
        #expect(Self.story(extraction, "Ola Brun") == ["house arrest 2021-06-02"])
    }

    @Test func aNewCaseAfterClosedCasesIsTheLaterStep() throws {
        let extraction = try RecogniserTests.extract([
            "the charges against the blogger Tor Vik were dropped",
        ], paragraphs: [
            "Welcomes the steps taken to close the politically motivated cases against the activists Rune Dahl and Siv Moen, but is concerned about the fabrication of a new criminal case on grounds of extremism against the latter;",
        ])
        // `a new … case`: a step of its own after the cases were closed, not a note of them.
        #expect(Self.story(extraction, "Siv Moen") == ["charges dropped -", "charged -"])
        #expect(Self.story(extraction, "Rune Dahl") == ["charges dropped -"])
        // Near miss: `against` only starts like `again`: dropping the charges is no repetition.
        let dropped = try #require(extraction.statuses.first { $0.person == "Tor Vik" })
        #expect(!dropped.rules.contains { $0.id == "event.step-again" })
    }
}
