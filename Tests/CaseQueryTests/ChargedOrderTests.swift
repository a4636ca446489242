@testable import CaseQuery
import Foundation
import Testing

/// `charged` lists persons by name as `localizedStandardCompare` orders them; `sortedByName`
/// finds each one's place by binary search (fewer comparisons), and must give exactly what
/// `sorted(by:)` gives: the same order, equal names kept in the order given.
@Suite struct ChargedOrderTests {
    static func subject(_ name: String, id: Int64) -> ChargedAnswer.Subject {
        .init(id: id, name: name, evidence: "stated", stage: "charged", because: nil, via: nil, count: nil, cue: nil, sources: [], otherEvidence: [])
    }

    @Test func sortedByNameIsWhatSortedGives() {
        let names = ["Mira Tal", "arlen Vost", "Arlen Vost", "Émile Dorr", "Emile Dorr", "emile dorr", "Zoë Kell", "Zoe Kell", "Item 10", "Item 9",
                     "Item 100", "O’Hara Lin", "O'Hara Lin", "van der Berg", "Van Der Berg", "Ａｂｅｌ Ward", "Abel Ward", "Mira Tal", "", " Mira",
                     "Ştefan Rusu", "Stefan Rusu", "Łukasz Bem", "Lukasz Bem", "Nguyễn Văn An", "Nguyen Van An", "Arlen Vost"]
        for round in 0..<(2 * names.count) {
            // The same names in many orders and counts, duplicates included (ids tell equal names apart):
            // each rotation, forwards and backwards, cut at a different length.
            let rotated = Array(names[(round % names.count)...] + names[..<(round % names.count)])
            let order = round < names.count ? rotated : rotated.reversed()
            let subjects = order.prefix(names.count - round % 7).enumerated().map { Self.subject($0.element, id: Int64($0.offset)) }
            let expected = subjects.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            let found = CaseQueries.sortedByName(subjects)
            #expect(found.map(\.id) == expected.map(\.id), "\(subjects.map(\.name))")
        }
    }
}
