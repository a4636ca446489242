@testable import CaseIngest
import Testing

/// The story-step rules read their words from `Words/story-words.txt` by class: a class a rule
/// reads that the file lacks would silently match nothing, and a misspelt tag in the file would
/// put its word in no rule.
@Suite struct StoryWordsTests {
    @Test func everyClassARuleReadsHasWordsInTheFile() {
        for kind in StoryWords.classes {
            #expect(!StoryWords.words(kind).isEmpty, "Words/story-words.txt has no word of class '\(kind)'")
        }
    }

    @Test func everyTagInTheFileIsAClassARuleReads() {
        let unknown = Set(WordLists.storyWords.keys).subtracting(StoryWords.classes)
        #expect(unknown.isEmpty, "Words/story-words.txt tags no rule reads: \(unknown.sorted())")
    }

    /// An invented sentence for the present class: the situation holds as of the resolution.
    @Test func aWordOfThePresentClassMakesAPresentSituation() throws {
        let text = """
            European Parliament resolution of 4 May 2023 on Freedonia (2023/9002(RSP))

            A. whereas the journalist Ana Ruiz remains in detention;
            """
        let extraction = try Extractor.extract(text: text, name: "present.txt")
        let ruiz = extraction.statuses.filter { $0.person == "Ana Ruiz" }
        #expect(ruiz.contains { $0.status == "detained" && $0.present && $0.date == nil }, "\(ruiz)")
    }
}
