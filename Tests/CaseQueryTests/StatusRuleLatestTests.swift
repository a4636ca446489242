import CaseQuery
import Testing

/// `StatusRule.latest` is the shortcut the whole-list answers (`status list`, `person list`)
/// take; it must pick exactly the step `StatusRule.current` picks, whatever the steps: ties on
/// one day across and within documents, steps placed in a story, undated records, deaths
/// before and after other steps, calls for release, present-tense situations.
@Suite struct StatusRuleLatestTests {
    /// A small deterministic generator (the same cases every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let statuses = ["detained", "released", "sentenced", "deceased", "on trial", "in exile"]
    static let days = ["2021-03-01", "2021-03-01", "2022-07-15", "2023-01-01", "0000"]

    @Test func latestPicksTheStepTheWholeRulePicks() throws {
        var generator = Generator(state: 42)
        // Sections 1-6 in documents 10-12; nil: a user's record with a free-text source.
        let documentOf: [Int64: Int64] = [1: 10, 2: 10, 3: 11, 4: 11, 5: 12, 6: 12]
        func document(_ section: Int64?) -> Int64? { section.flatMap { documentOf[$0] } }
        var deathCases = 0, tieCases = 0
        for _ in 0..<20_000 {
            let count = 1 + generator.next(5)
            var steps: [StatusStep] = []
            for index in 0..<count {
                let section = generator.next(4) == 0 ? nil : Int64(1 + generator.next(6))
                let dated = generator.next(2) == 0
                let day = Self.days[generator.next(Self.days.count)]
                steps.append(StatusStep(
                    id: Int64(100 + index), status: Self.statuses[generator.next(Self.statuses.count)], effectiveStart: day,
                    effectiveDate: day == "0000" ? nil : day, section: section, step: generator.next(3) == 0 ? nil : 1 + generator.next(3),
                    ownDate: dated, tense: [nil, "present", "past"][generator.next(3)], after: nil, before: nil,
                    inferred: generator.next(5) == 0))
            }
            if steps.contains(where: { $0.status == "deceased" }) { deathCases += 1 }
            if Set(steps.map(\.effectiveStart)).count < steps.count { tieCases += 1 }
            let expected = try StatusRule.current(steps, document: document)
            // In the order the status index reads them (day, then id), and in any other order.
            let indexOrder = steps.sorted { ($0.effectiveStart, $0.id) < ($1.effectiveStart, $1.id) }
            #expect(try StatusRule.latest(indexOrder, document: document) == expected, "steps \(indexOrder)")
            #expect(try StatusRule.latest(steps.reversed(), document: document) == expected, "steps \(steps)")
        }
        // The cases that take the rule's harder paths were generated.
        #expect(deathCases > 1000 && tieCases > 1000)
        #expect(try StatusRule.latest([], document: document) == nil)
    }
}
