@testable import CaseQuery
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

    /// The rule as it reads (``StatusRule/ordered(_:document:)``, then the latest step no earlier
    /// death outranks), written the plain way: ``StatusRule/current(_:document:)`` orders positions
    /// with each step's day worked out once, and must answer exactly this.
    static func plainCurrent(_ steps: [StatusStep], document: (Int64?) throws -> Int64?) throws -> StatusStep? {
        let sorted = try StatusRule.ordered(steps, document: document)
        let deaths = sorted.indices.filter { sorted[$0].status == "deceased" }
        for index in sorted.indices.reversed() {
            var stands = true
            for death in deaths where death < index {
                let later = sorted[index], dead = sorted[death]
                let overrides: Bool
                if later.inferred {
                    overrides = false
                } else if try document(later.section) != document(dead.section) {
                    overrides = true
                } else if later.tense == "present" {
                    overrides = false
                } else {
                    overrides = (later.step != nil && dead.step != nil) || (later.ownDate && later.effectiveStart > dead.effectiveStart)
                }
                if !overrides { stands = false; break }
            }
            if stands { return sorted[index] }
        }
        return nil
    }

    @Test func currentAndLatestAnswerAsThePlainRuleWithBounds() throws {
        var generator = Generator(state: 7)
        let documentOf: [Int64: Int64] = [1: 10, 2: 10, 3: 11, 4: 11, 5: 12, 6: 12]
        var asked = 0
        func document(_ section: Int64?) -> Int64? { asked += 1; return section.flatMap { documentOf[$0] } }
        let afters: [String?] = [nil, nil, "2021", "2021-03", "2022-07-15", "2023"]
        var deathCases = 0, liftedCases = 0
        for _ in 0..<20_000 {
            let count = 1 + generator.next(5)
            var steps: [StatusStep] = []
            for index in 0..<count {
                let section = generator.next(4) == 0 ? nil : Int64(1 + generator.next(6))
                let dated = generator.next(2) == 0
                let day = Self.days[generator.next(Self.days.count)]
                let after = dated ? nil : afters[generator.next(afters.count)]
                let before = dated || generator.next(4) != 0 ? nil : "2023-01-01"
                steps.append(StatusStep(
                    id: Int64(100 + generator.next(50) * 10 + index), status: Self.statuses[generator.next(Self.statuses.count)],
                    effectiveStart: day, effectiveDate: day == "0000" ? nil : day, section: section,
                    step: generator.next(3) == 0 ? nil : 1 + generator.next(3), ownDate: dated,
                    tense: [nil, "present", "past"][generator.next(3)], after: after, before: before, inferred: generator.next(5) == 0))
            }
            if steps.contains(where: { $0.status == "deceased" }) { deathCases += 1 }
            if steps.contains(where: { $0.orderStart != $0.effectiveStart }) { liftedCases += 1 }
            let expected = try Self.plainCurrent(steps, document: document)
            #expect(try StatusRule.current(steps, document: document) == expected, "steps \(steps)")
            #expect(try StatusRule.current(steps.reversed(), document: document) == expected, "steps \(steps)")
            let indexOrder = steps.sorted { ($0.effectiveStart, $0.id) < ($1.effectiveStart, $1.id) }
            #expect(try StatusRule.latest(indexOrder, document: document) == expected, "steps \(indexOrder)")
            #expect(try StatusRule.latestIndex(indexOrder, document: document).map { indexOrder[$0] } == expected)
        }
        #expect(deathCases > 1000 && liftedCases > 1000 && asked > 0)
    }

    /// A list row's basis (kept as a code) is the step's own ``StatusStep/listBasis`` for every
    /// combination of the fields that decide it.
    @Test func standingKeepsTheStepsBasis() {
        for ownDate in [false, true] {
            for after in [nil, "2023-03"] as [String?] {
                for before in [nil, "2023-06-15"] as [String?] {
                    for tense in [nil, "present", "past", "Past"] as [String?] {
                        let step = StatusStep(id: 1, status: "detained", effectiveStart: "2023-01-01", effectiveDate: "2023-01-01",
                                              section: 1, step: 1, ownDate: ownDate, tense: tense, after: after, before: before, inferred: false)
                        let standing = Standing(step)
                        #expect(standing.basis == step.listBasis, "\(step)")
                        #expect(standing.listDate == step.listDate, "\(step)")
                    }
                }
            }
        }
    }
}
