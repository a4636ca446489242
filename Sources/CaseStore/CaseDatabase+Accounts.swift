import Foundation
import GRDB
import HummingbirdBcrypt

/// What a user of the web app may do: readers read, editors also record.
public enum AccountRole: String, Sendable, CaseIterable, Codable {
    case editor, reader

    /// Reads a role as a user types it, or throws a sentence naming the two roles.
    public init(parsing text: String) throws {
        guard let role = AccountRole(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw CaseStoreError.unknownRole(text)
        }
        self = role
    }
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
    /// Creates an account; the password is stored only as a bcrypt hash.
    public func addAccount(name: String, role: AccountRole, password: String, by recorder: Recorder) throws -> Account {
        let name = try Self.validAccountName(name)
        let hash = Bcrypt.hash(try PasswordHashing.checked(password), cost: PasswordHashing.cost)
        return try audited("user add", by: recorder) { db in
            if try Self.accountRow(named: name, in: db) != nil { throw CaseStoreError.accountExists(name) }
            let now = Timestamp.now()
            try db.execute(sql: "INSERT INTO account (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, role.rawValue, hash, now])
            let account = Account(id: db.lastInsertedRowID, name: name, role: role, createdAt: now)
            return (account, "added user \(name) (\(role.rawValue))")
        }
    }

    /// Removes an account. Records the user made stay, under their name.
    public func removeAccount(name: String, by recorder: Recorder) throws -> Account {
        try audited("user remove", by: recorder) { db in
            guard let account = try Self.accountRow(named: name, in: db)?.account else { throw CaseStoreError.unknownAccount(name) }
            try db.execute(sql: "DELETE FROM account WHERE id = ?", arguments: [account.id])
            return (account, "removed user \(account.name) (\(account.role.rawValue))")
        }
    }

    /// Replaces an account's password.
    public func setPassword(name: String, password: String, by recorder: Recorder) throws -> Account {
        let hash = Bcrypt.hash(try PasswordHashing.checked(password), cost: PasswordHashing.cost)
        return try audited("user passwd", by: recorder) { db in
            guard let account = try Self.accountRow(named: name, in: db)?.account else { throw CaseStoreError.unknownAccount(name) }
            try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [hash, account.id])
            return (account, "changed the password of user \(account.name)")
        }
    }

    /// Every account, by name.
    public func accounts() throws -> [Account] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, created_at FROM account ORDER BY name COLLATE NOCASE").map(Self.account)
        }
    }

    /// The account `id`, if it still exists (a session outlives a removed account only until its next request).
    public func account(id: Int64) throws -> Account? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, role, created_at FROM account WHERE id = ?", arguments: [id]).map(Self.account)
        }
    }

    /// The account whose name and password these are, or nil. An unknown
    /// name costs one bcrypt verification too, so the time taken does not
    /// tell whether the name exists.
    public func verifyLogin(name: String, password: String) throws -> Account? {
        let found = try writer.read { db in try Self.accountRow(named: name, in: db) }
        guard let found else {
            _ = Bcrypt.verify(password, hash: PasswordHashing.unknownUserHash)
            return nil
        }
        return Bcrypt.verify(password, hash: found.hash) ? found.account : nil
    }

    static func accountRow(named name: String, in db: Database) throws -> (account: Account, hash: String)? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let row = try Row.fetchOne(db, sql: "SELECT id, name, role, created_at, password_hash FROM account WHERE name = ? COLLATE NOCASE",
                                         arguments: [trimmed]) else { return nil }
        return (try account(row), row["password_hash"])
    }

    static func account(_ row: Row) throws -> Account {
        let role: String = row["role"]
        return Account(id: row["id"], name: row["name"], role: try AccountRole(parsing: role), createdAt: row["created_at"])
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
