import Foundation

/// Limits login attempts per client address and per user name, so that
/// passwords cannot be guessed at speed. A name that does not exist is
/// limited exactly like one that does: the limit tells nothing about which
/// names exist.
actor LoginThrottle {
    /// Attempts allowed in one window, per address and per name.
    let perAddress: Int
    let perName: Int
    let window: Duration
    private var attempts: [String: [ContinuousClock.Instant]] = [:]

    init(perAddress: Int = 20, perName: Int = 5, window: Duration = .seconds(60)) {
        self.perAddress = perAddress
        self.perName = perName
        self.window = window
    }

    /// Records an attempt and says whether it may go ahead.
    func allow(address: String, name: String) -> Bool {
        let now = ContinuousClock.now
        let addressKey = "address:" + address, nameKey = "name:" + name.lowercased()
        for key in [addressKey, nameKey] { attempts[key] = (attempts[key] ?? []).filter { now - $0 < window } }
        // Forget keys with no recent attempt, so the table stays small.
        if attempts.count > 10_000 { attempts = attempts.filter { !$0.value.isEmpty } }
        guard (attempts[addressKey]?.count ?? 0) < perAddress, (attempts[nameKey]?.count ?? 0) < perName else { return false }
        attempts[addressKey, default: []].append(now)
        attempts[nameKey, default: []].append(now)
        return true
    }

    /// A successful login clears its name's count (not its address's).
    func succeeded(name: String) {
        attempts["name:" + name.lowercased()] = nil
    }
}
