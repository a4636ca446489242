import CaseStore
import Foundation

/// Limits password guessing. Names arrive normalised (``CaseDatabase/accountKey(_:)``),
/// the form the store looks them up in, so " Anna " and "anna" are one name here too.
///
/// - Per name: at most `failuresPerName` failed guesses in `nameWindow`
///   (10 an hour), counted from all addresses together. Guesses under way
///   count as failures until they end, so a burst of parallel guesses cannot
///   slip past the limit.
/// - Yet the real user is not locked out by someone else's guessing: once the
///   name's guesses are used up, an address this name has logged in from
///   before, and that has not failed for it since, may still try (one guess
///   at a time; a failure there locks that address too).
/// - Per address: at most `perAddress` attempts in `addressWindow`, whatever
///   the name, so one client cannot try many names quickly.
///
/// A name that does not exist is limited exactly like one that does: the
/// limit tells nothing about which names exist. Everything here is kept in
/// memory, bounded in size, and forgotten when the server stops.
actor LoginThrottle {
    let perAddress: Int
    let addressWindow: Duration
    let failuresPerName: Int
    let nameWindow: Duration
    /// How long a successful login makes its address known for its name.
    let rememberSuccess: Duration = .seconds(30 * 24 * 60 * 60)
    /// Entries kept at most in each table, oldest forgotten first.
    let capacity = 10_000

    private var addressAttempts: [String: [ContinuousClock.Instant]] = [:]
    private var nameFailures: [String: [(at: ContinuousClock.Instant, address: String)]] = [:]
    /// Guesses under way, per name and per name and address.
    private var pending: [String: Int] = [:]
    /// Addresses each name has logged in from: name → address → when.
    private var knownAddresses: [String: [String: ContinuousClock.Instant]] = [:]

    init(perAddress: Int = 20, addressWindow: Duration = .seconds(60), failuresPerName: Int = 10, nameWindow: Duration = .seconds(60 * 60)) {
        self.perAddress = perAddress
        self.addressWindow = addressWindow
        self.failuresPerName = failuresPerName
        self.nameWindow = nameWindow
    }

    /// Whether a guess for `name` from `address` may be checked now. When it
    /// may, the caller must report its outcome with ``finished(address:name:succeeded:)``.
    func begin(address: String, name: String) -> Bool {
        let now = ContinuousClock.now
        forgetOld(now: now)
        let recent = (addressAttempts[address] ?? []).filter { now - $0 < addressWindow }
        guard recent.count < perAddress else { addressAttempts[address] = recent; return false }
        let failures = (nameFailures[name] ?? []).filter { now - $0.at < nameWindow }
        nameFailures[name] = failures.isEmpty ? nil : failures
        let pair = name + "\u{0}" + address
        if failures.count + (pending[name] ?? 0) >= failuresPerName {
            // The name's guesses are used up: only a known address that has not failed since, one guess at a time.
            guard let known = knownAddresses[name]?[address], now - known < rememberSuccess,
                  !failures.contains(where: { $0.address == address && $0.at > known }),
                  (pending[pair] ?? 0) == 0 else {
                addressAttempts[address] = recent
                return false
            }
        }
        addressAttempts[address] = recent + [now]
        pending[name, default: 0] += 1
        pending[pair, default: 0] += 1
        return true
    }

    /// The outcome of a guess ``begin(address:name:)`` allowed: `nil` when it could not be checked.
    func finished(address: String, name: String, succeeded: Bool?) {
        let now = ContinuousClock.now
        let pair = name + "\u{0}" + address
        for key in [name, pair] {
            let left = (pending[key] ?? 1) - 1
            pending[key] = left > 0 ? left : nil
        }
        switch succeeded {
        case true?: knownAddresses[name, default: [:]][address] = now
        case false?: nameFailures[name, default: []].append((now, address))
        case nil: break
        }
    }

    /// Failed guesses for `name` in the last window (for tests and the benchmark).
    func failures(name: String) -> Int {
        let now = ContinuousClock.now
        return (nameFailures[name] ?? []).filter { now - $0.at < nameWindow }.count
    }

    /// Keeps the tables bounded: entries past their window go, then the oldest.
    private func forgetOld(now: ContinuousClock.Instant) {
        if addressAttempts.count > capacity {
            addressAttempts = addressAttempts.filter { $0.value.contains { now - $0 < addressWindow } }
            while addressAttempts.count > capacity, let key = addressAttempts.min(by: { ($0.value.last ?? now) < ($1.value.last ?? now) })?.key {
                addressAttempts[key] = nil
            }
        }
        if nameFailures.count > capacity {
            nameFailures = nameFailures.filter { $0.value.contains { now - $0.at < nameWindow } }
            while nameFailures.count > capacity, let key = nameFailures.min(by: { ($0.value.last?.at ?? now) < ($1.value.last?.at ?? now) })?.key {
                nameFailures[key] = nil
            }
        }
        if knownAddresses.count > capacity {
            knownAddresses = knownAddresses.compactMapValues { addresses in
                let kept = addresses.filter { now - $0.value < rememberSuccess }
                return kept.isEmpty ? nil : kept
            }
            while knownAddresses.count > capacity, let key = knownAddresses.min(by: { ($0.value.values.max() ?? now) < ($1.value.values.max() ?? now) })?.key {
                knownAddresses[key] = nil
            }
        }
    }
}

/// Bounds how much heavy work runs at once: bcrypt checks (each about a
/// quarter of a second of one core), uploads being read. Work past
/// `maxRunning` waits in order; past `maxWaiting` more it is refused at
/// once with `busy`, costing nothing. Other requests keep their share of the processor.
actor WorkLimiter {
    let maxRunning: Int
    let maxWaiting: Int
    let busy: WebError
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// The most run at once, and how many ran in all (for tests and the benchmark).
    private(set) var peak = 0
    private(set) var total = 0

    /// By default one fewer than the cores (at least one): a core stays free for pages.
    init(maxRunning: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1), maxWaiting: Int = 64, busy: WebError = .busy) {
        self.maxRunning = maxRunning
        self.maxWaiting = maxWaiting
        self.busy = busy
    }

    /// Runs `check` when a place is free; throws `busy` when too many already wait.
    nonisolated func run<T: Sendable>(_ check: @escaping @Sendable () throws -> T) async throws -> T {
        try await acquire()
        do {
            let result = try await Blocking.run(check)
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async throws {
        if running < maxRunning {
            running += 1
        } else {
            guard waiting.count < maxWaiting else { throw busy }
            // release() hands its place straight to the first waiter.
            await withCheckedContinuation { waiting.append($0) }
        }
        peak = max(peak, running)
        total += 1
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
