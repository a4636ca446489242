import CaseIngest
import Foundation

/// The key of a keyed audit chain: a file kept outside the database
/// (`--audit-key-file PATH`, else `$CASETRACK_AUDIT_KEY_FILE`), whose bytes
/// key an HMAC-SHA256 in place of the chain's plain SHA-256. Recomputing a
/// keyed chain after an edit then needs the key, not only the database.
///
/// Process-wide, read once: the CLI sets the environment variable for
/// `--audit-key-file`, so the workers an import starts use the same key.
public enum AuditKey {
    /// The environment variable naming the key file.
    public static let variable = "CASETRACK_AUDIT_KEY_FILE"
    /// Fewer bytes than this are refused as a key.
    public static let minimumLength = 16

    /// The key's bytes, nil when no key file is named; throws when the named file cannot serve as a key.
    public static func current() throws -> [UInt8]? {
        try loaded.get()
    }

    static let loaded: Result<[UInt8]?, CaseStoreError> = {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return .success(nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.auditKey(path: path, problem: "it cannot be read"))
        }
        guard data.count >= minimumLength else {
            return .failure(.auditKey(path: path, problem: "it holds \(data.count) bytes, fewer than \(minimumLength)"))
        }
        return .success(Array(data))
    }()

    /// HMAC-SHA256 (RFC 2104) of `message` under `key`.
    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? SHA256.digest(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + message)
        return SHA256.digest(block.map { $0 ^ 0x5C } + inner)
    }

    /// What a keyed chain value starts with.
    public static let prefix = "hmac:"
}
