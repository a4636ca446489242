import Dispatch

/// Runs database work off Swift's cooperative threads: queries and writes
/// block on SQLite (and on another process's write lock, up to the busy
/// timeout), which must not stall the server's other requests.
enum Blocking {
    private static let queue = DispatchQueue(label: "casetrack.web.database", attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
