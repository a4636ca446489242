import CaseCorpus
import CaseIngest
import Foundation
import Testing

/// Development texts in every form a copy breaks them into (``CopyForm``: flattened, labels and
/// bullets glued or lost, no-break spaces, table cells, XML tags, PDF furniture, a news or archive
/// introduction, another language's frame, recitals numbered or led by dashes): each form keeps at
/// least 90% of the persons and status steps the clean texts yield, and refuses none of them. A
/// fixed sample of texts keeps this to seconds; `casetrack-bench forms` runs the whole corpus.
@Suite struct FormRobustnessTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("dev")

    /// Two composed full texts, three real openings of different terms and forms, a sample.
    static let sample: [(name: String, text: String)] = {
        guard let fixtures else { return [] }
        let files = ["composed/04-egypt.txt", "composed/09-belarus.txt", "real/X07-bahrain-2014-2553.txt",
                     "real/E06-belarus-2024-2804-B10-0052-Renew.txt", "real/X17-pakistan-2021-2647.txt"]
        var texts = files.compactMap { file in
            (try? String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)).map { (file, $0) }
        }
        if let text = try? String(contentsOf: Samples.directory.appendingPathComponent("ep-2022-2505-kazakhstan.txt"), encoding: .utf8) {
            texts.append(("ep-2022-2505-kazakhstan.txt", text))
        }
        return texts
    }()

    static func facts(_ text: String, _ name: String) -> FormRobustness.Facts? {
        guard let extraction = try? Extractor.extract(data: Data(text.utf8), name: name) else { return nil }
        return FormRobustness.Facts(persons: Set(extraction.persons.map(\.name)),
                                    steps: Set(extraction.statuses.map { "\($0.person)|\($0.status)" }))
    }

    @Test func theSampleIsThere() {
        #expect(Self.sample.count == 6)
        #expect(Self.sample.allSatisfy { Self.facts($0.text, $0.name).map { !$0.persons.isEmpty } == true })
    }

    @Test(arguments: CopyForm.allCases)
    func everyFormKeepsWhatTheCleanTextYields(form: CopyForm) throws {
        let score = try #require(FormRobustness.measure(texts: Self.sample, forms: [form], read: Self.facts).first)
        #expect(score.refused.isEmpty, "\(form) refused \(score.refused)")
        #expect(score.personShare >= 0.9, "\(form) kept \(score.personsKept)/\(score.persons) persons: \(score.losses.map { "\($0.text): \($0.lost)" })")
        #expect(score.stepShare >= 0.9, "\(form) kept \(score.stepsKept)/\(score.steps) steps: \(score.losses.map { "\($0.text): \($0.lost)" })")
    }

    /// The forms change how a text is laid out, never its words: flattening a text and reading it
    /// back gives the words in their order.
    @Test func formsKeepTheWords() throws {
        let (_, text) = try #require(Self.sample.first)
        func words(_ text: String) -> [Substring] { text.split { $0 == " " || $0 == "\n" || $0 == "\u{A0}" } }
        #expect(words(CopyForm.flattened.apply(text)) == words(text))
        // The lettered recitals of the second text (the first leads its recitals with dashes already).
        let lettered = Self.sample[1].text
        #expect(lettered.contains("\nA. whereas"))
        #expect(CopyForm.gluedLabels.apply(lettered).contains("\nA.whereas"))
        #expect(CopyForm.dashRecitals.apply(lettered).contains("\n- whereas"))
        #expect(CopyForm.numberedRecitals.apply(lettered).contains("\n1. whereas"))
    }

    /// Near misses: what is not a resolution is refused in any form, with the same error.
    @Test(arguments: [
        // A news article quoting one `whereas` of a resolution.
        "Lawmakers in Strasbourg voted on Thursday.\nThe text says, whereas the situation has worsened, that talks must resume.\nCritics called it symbolic.\n",
        // A list of a document export's tags with no text.
        "<NoDocSe></NoDocSe><Date></Date><TitreType></TitreType><Titre></Titre><DocRef></DocRef><Commission></Commission>",
        // A page of tags around prose.
        "<Titre>Weather report</Titre><Date>1.3.2031</Date><Texte>Rain in the north, A. sun in the south.</Texte>",
    ])
    func aTextThatIsNotAResolutionIsStillRefused(text: String) {
        for form in [nil] + CopyForm.allCases {
            let broken = form?.apply(text) ?? text
            #expect(throws: IngestError.notAResolution("near-miss")) { try Normaliser.normalise(broken, name: "near-miss") }
        }
    }
}
