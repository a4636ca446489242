@testable import CaseQuery
import Testing

/// `casetrack serve`'s read connections: a read takes one no other read is using, while there is one.
@Suite struct LeastBusyTests {
    @Test func aReadTakesAnIdleConnectionWhileOneIsBusy() {
        let pool = LeastBusy(["first", "second", "third"])
        var taken: [String] = []
        pool.with { outer in
            taken.append(outer)
            pool.with { middle in
                taken.append(middle)
                pool.with { inner in
                    taken.append(inner)
                    #expect(pool.usesUnderWay == [1, 1, 1])
                    // Every connection busy: the fourth waits on the first (the least busy, first on a tie).
                    pool.with { taken.append($0) }
                }
            }
        }
        #expect(taken == ["first", "second", "third", "first"])
        #expect(pool.usesUnderWay == [0, 0, 0])
    }

    @Test func aFailedReadGivesItsConnectionBack() {
        struct Failure: Error {}
        let pool = LeastBusy([1, 2])
        #expect(throws: Failure.self) { try pool.with { _ in throw Failure() } }
        #expect(pool.usesUnderWay == [0, 0])
        #expect(pool.with { $0 } == 1)
    }
}
