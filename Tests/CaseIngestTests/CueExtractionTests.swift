import CaseIngest
import Foundation
import Testing

/// What each sample says happened to whom, against `cases.json`: statuses
/// with their wording, release calls, stated and inferred charges, memberships.
@Suite struct CueExtractionTests {
    static let samples = ["2021/2544(RSP)": "ep-2021-2544-kazakhstan", "2022/2505(RSP)": "ep-2022-2505-kazakhstan"]

    struct Cases: Decodable {
        struct Status: Decodable { var name: String; var status: String; var section: String; var sentence: String? }
        var statuses: [Status]
        var release_calls: [String: [String]]
    }

    static func cases() throws -> Cases {
        let url = try #require(Bundle.module.url(forResource: "cases", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Cases.self, from: Data(contentsOf: url))
    }

    /// `2021/2544(RSP) L` → the extraction of that sample and the label `L`.
    static func place(_ reference: String) throws -> (Extraction, String) {
        let parts = reference.split(separator: " ")
        let stem = try #require(samples[String(parts[0])])
        return (try Samples.extraction(stem), String(parts[1]))
    }

    static func key(_ name: String) -> String { NameKey.matchKey(name) }

    @Test func everyGoldStatusIsFoundWithItsSection() throws {
        for expected in try Self.cases().statuses {
            let (extraction, section) = try Self.place(expected.section)
            // One event per status a document states; the gold's is among them.
            let all = extraction.statuses.filter { Self.key($0.person) == Self.key(expected.name) }
            let found = all.first { $0.status == expected.status } ?? all.last
            #expect(found?.status == expected.status, "\(expected.name): \(String(describing: found))")
            #expect(found?.section == section, "\(expected.name): \(String(describing: found?.section))")
            if let sentence = expected.sentence { #expect(found?.sentence == sentence, "\(expected.name)") }
        }
    }

    @Test func specificCuesOutrankReleaseCalls() throws {
        let later = try Samples.extraction("ep-2022-2505-kazakhstan")
        let raigul = try #require(later.statuses.first { $0.person == "Raigul Sadyrbayeva" })
        #expect(raigul.status == "pre-trial detention")
        #expect(raigul.cue == "has been placed in pre-trial detention")
        // A person only asked to be released is detained, no more.
        let called = try #require(later.statuses.first { $0.person == "Erulan Amirov" })
        #expect(called.status == "detained" && called.section == "4")
        // `detained or harassed` is not a detention: the journalists named after it are at risk (event.group-hedged).
        #expect(!later.statuses.contains { $0.person == "Makhambet Abzhan" && $0.status == "detained" })
        #expect(later.statuses.contains { $0.person == "Makhambet Abzhan" && $0.status == "at risk" })
    }

    @Test func releaseCallsAreExactlyTheGoldLists() throws {
        let calls = try Self.cases().release_calls
        for (reference, names) in calls where reference.contains("(RSP)") {
            let (extraction, section) = try Self.place(reference)
            let found = Set(extraction.releaseCalls.filter { $0.section == section }.map { Self.key($0.person) })
            #expect(found == Set(names.map(Self.key)), "\(reference)")
        }
    }

    @Test func statedAndInferredChargesFollowTheGold() throws {
        let first = try Samples.extraction("ep-2021-2544-kazakhstan")
        let stated = first.charges.filter { $0.evidence == "stated" }
        for article in ["405", "182"] {
            #expect(stated.contains { $0.subject.organisation == "Koshe Partiyasy" && $0.article == article && $0.section == "F"
                && $0.instrument == "Criminal Code of Kazakhstan" })
        }
        let group = try #require(stated.first { $0.article == "460-1" })
        #expect(group.subject.count == 15 && group.section == "O")
        let inferred = first.charges.filter { $0.evidence == "inferred" && $0.article == "405" }
        let expected = ["Almat Zhumagulov", "Aset Abishev", "Kenzhebek Abishev", "Askhat Zheksebayev", "Kairat Klyshev",
                        "Yerbol Yeskhozin", "Abai Begimbetov", "Asel Onlabekkyzy", "Yerkin Sabanshiyev", "Zhanat Zhamaliyev",
                        "Diana Baimagambetova", "Noyan Rakhimzhanov", "Askar Kayyrbek"]
        #expect(Set(inferred.compactMap(\.subject.person)) == Set(expected))
        #expect(inferred.allSatisfy { $0.via == "Koshe Partiyasy" && $0.because?.contains("Article 405") == true })
        for name in ["Dametkan Aspandiyarova", "Raigul Sadyrbayeva", "Lukpan Akhmedyarov"] {
            #expect(!first.charges.contains { $0.subject.person == name && $0.article == "405" })
        }
    }

    @Test func membershipsNameTheirRole() throws {
        let first = try Samples.extraction("ep-2021-2544-kazakhstan")
        #expect(first.memberships.contains { $0.person == "Lukpan Akhmedyarov" && $0.organisation == "Uralskaya Nedelya" && $0.role == "editor-in-chief" })
        #expect(first.memberships.contains { $0.person == "Mukhtar Ablyazov" && $0.organisation == "Democratic Choice of Kazakhstan" && $0.role == "founder" })
        #expect(first.memberships.filter { $0.role == "supporter" && $0.organisation == "Koshe Partiyasy" }.count == 13)
        let second = try Samples.extraction("ep-2022-2505-kazakhstan")
        #expect(second.memberships.contains { $0.person == "Kairat Klyshev" && $0.organisation == "Koshe Partiyasy" })
    }

    /// The rules read structure, so they work on invented text too.
    @Test func cuesReadStructureNotNames() throws {
        let text = """
        European Parliament resolution of 3 March 2030 on Freedonia (2030/2001(RSP))
        A. whereas journalist Ivan Petrenko was sentenced to seven years in prison on 2 May 2029; whereas the activists Olga Marchenko and Pavel Sidorenko were shot dead by police;
        B. whereas the Freedonian Workers Movement and the Liberty Front, which are opposition movements, were banned under Article 12 of the Freedonian Criminal Code; whereas 9 political prisoners, including Anna Kovalenko, were prosecuted for their support for these movements;
        1. Calls for the immediate release of Ivan Petrenko and Anna Kovalenko;
        """
        let extraction = try Extractor.extract(text: text, name: "invented")
        let status = Dictionary(extraction.statuses.map { ($0.person, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(status["Ivan Petrenko"]?.status == "sentenced")
        #expect(status["Ivan Petrenko"]?.sentence == "7 years imprisonment")
        #expect(status["Olga Marchenko"]?.status == "deceased")
        #expect(status["Pavel Sidorenko"]?.status == "deceased")
        #expect(Set(extraction.releaseCalls.map(\.person)) == ["Ivan Petrenko", "Anna Kovalenko"])
        #expect(extraction.charges.contains { $0.subject.person == "Anna Kovalenko" && $0.evidence == "inferred" && $0.article == "12" })
    }
}
