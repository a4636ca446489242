import Foundation
import GRDB
import HummingbirdBcrypt

/// What a user of the web app may do: readers read, editors also record,
/// admins also manage the accounts from the web.
public enum AccountRole: String, Sendable, CaseIterable, Codable {
    case admin, editor, reader

    /// Reads a role as a user types it, or throws a sentence naming the roles.
    public init(parsing text: String) throws {
        guard let role = AccountRole(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw CaseStoreError.unknownRole(text)
        }
        self = role
    }

    /// Whether this role may do what `needed` may: an admin may record, an editor may not manage accounts.
    public func allows(_ needed: AccountRole) -> Bool { rank >= needed.rank }

    private var rank: Int {
        switch self {
        case .reader: return 0
        case .editor: return 1
        case .admin: return 2
        }
    }
}

/// An account together with the session key its web sessions must carry.
public struct AccountSession: Sendable, Equatable {
    public var account: Account
    /// Replaced when the account's password or role changes: a session holding an older key has ended.
    public var key: String
}

/// A web-app account, without its password hash.
public struct Account: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var role: AccountRole
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, name, role
        case createdAt = "created_at"
    }
}

/// Password hashing for accounts: bcrypt, at a cost chosen for production.
public enum PasswordHashing {
    /// bcrypt reads at most this many bytes of a password.
    public static let maximumBytes = 72
    public static let minimumCharacters = 10

    /// The bcrypt cost: 12, unless `CASETRACK_TEST_BCRYPT_COST` (4-12) asks
    /// for a cheaper one, which only test suites should do.
    public static var cost: UInt8 {
        if let text = ProcessInfo.processInfo.environment["CASETRACK_TEST_BCRYPT_COST"], let value = UInt8(text), (4...12).contains(value) {
            return value
        }
        return 12
    }

    /// A hash of a password nobody has, verified when a name is unknown, so
    /// that a failed login takes as long whether or not the name exists.
    static let unknownUserHash = Bcrypt.hash(UUID().uuidString, cost: cost)

    static func checked(_ password: String) throws -> String {
        if password.count < minimumCharacters { throw CaseStoreError.shortPassword(minimum: minimumCharacters) }
        if password.utf8.count > maximumBytes { throw CaseStoreError.longPassword(maximum: maximumBytes) }
        return password
    }
}

extension CaseDatabase {
    /// Creates an account; the password is stored only as a bcrypt hash. Its
    /// id is new (never a removed account's), and so is its session key.
    public func addAccount(name: String, role: AccountRole, password: String, by recorder: Recorder) throws -> Account {
        let name = try Self.validAccountName(name)
        let hash = Bcrypt.hash(try PasswordHashing.checked(password), cost: PasswordHashing.cost)
        return try audited("user add", by: recorder) { db in
            if try Self.accountRow(named: name, in: db) != nil { throw CaseStoreError.accountExists(name) }
            let now = Timestamp.now()
            try db.execute(sql: "INSERT INTO account (name, role, password_hash, created_at, session_key) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, role.rawValue, hash, now, Self.newSessionKey()])
            let account = Account(id: db.lastInsertedRowID, name: name, role: role, createdAt: now)
            return (account, "added user \(name) (\(role.rawValue))")
        }
    }

    /// Removes an account, which ends its sessions. Records the user made
    /// stay, under their name. The last admin is kept.
    public func removeAccount(name: String, by recorder: Recorder) throws -> Account {
        try audited("user remove", by: recorder) { db in
            guard let account = try Self.accountRow(named: name, in: db)?.account else { throw CaseStoreError.unknownAccount(name) }
            try Self.keepAnAdmin(losing: account, in: db)
            try db.execute(sql: "DELETE FROM account WHERE id = ?", arguments: [account.id])
            return (account, "removed user \(account.name) (\(account.role.rawValue)); their sessions ended")
        }
    }

    /// Replaces an account's password and its session key: every session of
    /// the account ends. The new key is returned, for the one session that
    /// may go on (the web's own password change).
    @discardableResult
    public func setPassword(name: String, password: String, by recorder: Recorder) throws -> AccountSession {
        let hash = Bcrypt.hash(try PasswordHashing.checked(password), cost: PasswordHashing.cost)
        return try audited("user passwd", by: recorder) { db in
            guard let account = try Self.accountRow(named: name, in: db)?.account else { throw CaseStoreError.unknownAccount(name) }
            let key = Self.newSessionKey()
            try db.execute(sql: "UPDATE account SET password_hash = ?, session_key = ? WHERE id = ?", arguments: [hash, key, account.id])
            return (AccountSession(account: account, key: key), "changed the password of user \(account.name); their sessions ended")
        }
    }

    /// Changes an account's role, which ends its sessions. The last admin
    /// keeps the role; the same role again changes nothing.
    @discardableResult
    public func setRole(name: String, role: AccountRole, by recorder: Recorder) throws -> AccountSession {
        try auditedIfChanged("user role", by: recorder) { db in
            guard let found = try Self.accountRow(named: name, in: db) else { throw CaseStoreError.unknownAccount(name) }
            var account = found.account
            if account.role == role { return (AccountSession(account: account, key: found.key), nil) }
            if role != .admin { try Self.keepAnAdmin(losing: account, in: db) }
            let key = Self.newSessionKey(), before = account.role
            try db.execute(sql: "UPDATE account SET role = ?, session_key = ? WHERE id = ?", arguments: [role.rawValue, key, account.id])
            account.role = role
            return (AccountSession(account: account, key: key),
                    "changed the role of user \(account.name) from \(before.rawValue) to \(role.rawValue); their sessions ended")
        }
    }

    /// Every account, by name.
    public func accounts() throws -> [Account] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, created_at FROM account ORDER BY name COLLATE NOCASE").map(Self.account)
        }
    }

    /// The account `id`, if it still exists.
    public func account(id: Int64) throws -> Account? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, role, created_at FROM account WHERE id = ?", arguments: [id]).map(Self.account)
        }
    }

    /// The account a web session names, if the session is still good: the
    /// account exists and the session's key is its current one. A removed
    /// account, a changed password or role, or an id given to nobody else
    /// (ids are never reused) all end the session here, on its next request.
    public func account(id: Int64, sessionKey: String) throws -> Account? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, name, role, created_at, session_key FROM account WHERE id = ?", arguments: [id]),
                  Self.sameKey(row["session_key"], sessionKey) else { return nil }
            return try Self.account(row)
        }
    }

    /// How many accounts have the admin role.
    public func adminCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE role = 'admin'") ?? 0 }
    }

    /// The account whose name and password these are, or nil. An unknown
    /// name costs one bcrypt verification too, so the time taken does not
    /// tell whether the name exists.
    public func verifyLogin(name: String, password: String) throws -> Account? {
        try login(name: name, password: password)?.account
    }

    /// Like ``verifyLogin(name:password:)``, with the session key a new
    /// session carries, read in the same row as the hash it was checked
    /// against: a password changed meanwhile leaves this session ended.
    public func login(name: String, password: String) throws -> AccountSession? {
        let found = try writer.read { db in try Self.accountRow(named: name, in: db) }
        guard let found else {
            _ = Bcrypt.verify(password, hash: PasswordHashing.unknownUserHash)
            return nil
        }
        return Bcrypt.verify(password, hash: found.hash) ? AccountSession(account: found.account, key: found.key) : nil
    }

    /// A user name as typed, the way the store compares it: surrounding
    /// spaces dropped, ASCII letters in lower case (names are ASCII; the
    /// column compares them NOCASE). The web's login limit counts this form,
    /// so " Anna " and "anna" are one name there as here.
    public static func accountKey(_ name: String) -> String {
        String(String.UnicodeScalarView(name.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars.map { scalar in
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
    }

    static func accountRow(named name: String, in db: Database) throws -> (account: Account, hash: String, key: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, name, role, created_at, password_hash, session_key FROM account WHERE name = ? COLLATE NOCASE",
                                         arguments: [accountKey(name)]) else { return nil }
        return (try account(row), row["password_hash"], row["session_key"])
    }

    /// Refuses to remove or demote `account` when it is the only admin.
    static func keepAnAdmin(losing account: Account, in db: Database) throws {
        guard account.role == .admin else { return }
        let admins = try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE role = 'admin'") ?? 0
        if admins <= 1 { throw CaseStoreError.lastAdmin(account.name) }
    }

    static func account(_ row: Row) throws -> Account {
        let role: String = row["role"]
        return Account(id: row["id"], name: row["name"], role: try AccountRole(parsing: role), createdAt: row["created_at"])
    }

    /// 32 hex digits from the system's random generator.
    static func newSessionKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Compares two keys in time that does not depend on where they differ.
    static func sameKey(_ a: String?, _ b: String) -> Bool {
        guard let a else { return false }
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// 1-64 letters, digits, dots, dashes or underscores: a name that reads the same in a log, a URL and a shell.
    static func validAccountName(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard (1...64).contains(name.count), name.unicodeScalars.allSatisfy({ allowed.contains($0) && $0.isASCII }) else {
            throw CaseStoreError.badAccountName(raw)
        }
        return name
    }
}
