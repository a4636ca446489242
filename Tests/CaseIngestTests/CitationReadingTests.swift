@testable import CaseIngest
import Testing

/// Titles and citations (issue 19): the steps they name by their nouns, on invented resolutions
/// (rules `event.cited-step-of` and `event.title-case-of-step`, `Extractor+Citations.swift`), and
/// the titles and citations that name a case, or ask for a step, and so say none.
@Suite struct CitationReadingTests {
    /// An invented resolution with this title subject and these citations.
    static func resolution(title: String, citations: [String]) -> String {
        var text = "European Parliament resolution of 4 May 2030 \(title) (2030/9002(RSP))\n\nThe European Parliament,\n\n"
        for citation in citations { text += "– \(citation)\n\n" }
        text += "A. whereas the repression in Freedonia has intensified;\n\n1. Condemns the repression;\n"
        return text
    }

    static func statuses(_ text: String) throws -> [String] {
        try Extractor.extract(text: text, name: "citations.txt").statuses.map { "\($0.person): \($0.status)" }.sorted()
    }

    @Test func aCitedStepIsReadWhateverTheCitedTextDoesWithIt() throws {
        let text = Self.resolution(title: "on Freedonia", citations: [
            "having regard to the declaration of the Presidency of 4 September 2029 on the verdict against the Freedonian journalist Lina Holm,",
            "having regard to the statement of its President condemning the arrest of the lawyer Tomas Berg,",
            "having regard to the statement of the Vice-President welcoming the release of the blogger Piet Vos,",
        ])
        let extraction = try Extractor.extract(text: text, name: "citations.txt")
        let found = extraction.statuses.map { "\($0.person): \($0.status)" }
        #expect(Set(found).isSuperset(of: ["Lina Holm: sentenced", "Tomas Berg: detained", "Piet Vos: released"]), "\(found)")
        // The cited text's date is not the verdict's.
        #expect(extraction.statuses.first { $0.person == "Lina Holm" }?.date == nil)
    }

    /// A name written with initials is found twice over the same words (`A.B. Cdefgh` and `Cdefgh`);
    /// the cited list passes the second mention by. It once crashed the extractor (a range whose start
    /// was past its end) when the two readers of this round met.
    @Test func anInitialsNameInACitationIsReadOnceAndNeverCrashes() throws {
        let text = Self.resolution(title: "on Freedonia", citations: [
            "having regard to the declaration of the Council of 4 September 2029 on the verdict against the Freedonian journalist A.B. Cdefgh,",
        ])
        let found = try Self.statuses(text)
        #expect(found.contains("A.B. Cdefgh: sentenced"), "\(found)")
    }

    @Test func aCitedListWithAsidesGivesEachNameTheStep() throws {
        let text = Self.resolution(title: "on Freedonia", citations: [
            "having regard to the statements of its spokesperson after the murder of the journalists: the reporter Ana Ruiz (issued on 3 May), the editor Lina Holm and the photographer Tomas Berg (issued on 1 May),",
        ])
        let found = try Self.statuses(text)
        #expect(found == ["Ana Ruiz: deceased", "Lina Holm: deceased", "Tomas Berg: deceased"], "\(found)")
    }

    @Test func aTitleNamingAStepAndItsCasesGivesEachTheStep() throws {
        let prosecution = try Self.statuses(Self.resolution(title: "on Freedonia: prosecution of minors, notably the case of Tomas Berg",
                                                            citations: ["having regard to its previous resolutions on Freedonia,"]))
        #expect(prosecution == ["Tomas Berg: charged"], "\(prosecution)")
        let penalty = try Self.statuses(Self.resolution(title: "on Freedonia, in particular the death penalty (notably the case of Ana Ruiz) and attacks against minorities",
                                                        citations: ["having regard to its previous resolutions on Freedonia,"]))
        // The bracket closes the case: `attacks against minorities` are no charges against her.
        #expect(penalty == ["Ana Ruiz: sentenced"], "\(penalty)")
        // Every step the title's subject names, far from the case or not; a penalty only risked is none.
        let detention = try Self.statuses(Self.resolution(
            title: "on continuing detention and risk of the death penalty for students in Freedonia accused of treason, notably the case of Lina Holm",
            citations: ["having regard to its previous resolutions on Freedonia,"]))
        #expect(detention == ["Lina Holm: detained"], "\(detention)")
    }

    /// Near misses: a title or citation naming a case, a call for a step, a step feared.
    @Test func aCaseNamedOrAStepAskedForIsNoStep() throws {
        let text = Self.resolution(title: "on freedom of expression in Freedonia, notably the case of Tomas Berg", citations: [
            "having regard to its resolution of 3 May 2029 calling for the release of Lina Holm,",
            "having regard to the statement of its President on the case of Piet Vos,",
            "having regard to the statement on the threat of prosecution of Ana Ruiz,",
            "having regard to the statement of its President on the imminent execution of the blogger Ana Ruiz,",
        ])
        let found = try Self.statuses(text)
        #expect(found.isEmpty, "\(found)")
    }
}
