import Synchronization

/// Connections that each serve one read at a time (a `casetrack serve` reader), shared by
/// many requests: each use takes the one with the fewest uses under way (the first of them
/// on a tie), so a read waits behind another only when every connection is busy. (Picking
/// one at random queued a read behind a slow one while another connection sat idle.)
public final class LeastBusy<Element: Sendable>: Sendable {
    public let elements: [Element]
    private let busy: Mutex<[Int]>

    /// `elements` must not be empty.
    public init(_ elements: [Element]) {
        precondition(!elements.isEmpty, "LeastBusy needs at least one element")
        self.elements = elements
        busy = Mutex(Array(repeating: 0, count: elements.count))
    }

    /// Runs `body` with the least busy element, counted as busy until `body` returns.
    public func with<T>(_ body: (Element) throws -> T) rethrows -> T {
        let index = busy.withLock { counts in
            var best = 0
            for candidate in counts.indices where counts[candidate] < counts[best] { best = candidate }
            counts[best] += 1
            return best
        }
        defer { busy.withLock { $0[index] -= 1 } }
        return try body(elements[index])
    }

    /// How many uses are under way on each element (for tests).
    var usesUnderWay: [Int] { busy.withLock { $0 } }
}
