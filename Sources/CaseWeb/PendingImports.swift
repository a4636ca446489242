import CaseIngest
import Foundation

/// Uploaded resolutions between their preview and the user's confirmation,
/// kept in memory only (never written to disk), for at most half an hour.
/// The file's bytes are kept: the confirmation reads them again, in a
/// worker like the preview, and the extractor gives the same answer for the same bytes.
actor PendingImports {
    struct Upload: Sendable {
        /// The session that uploaded it: a preview is confirmed from the session that saw it.
        var owner: String
        var fileName: String
        var data: Data
        var adopted: PartialDate?
        var expires: ContinuousClock.Instant
    }

    private var uploads: [String: Upload] = [:]
    /// Previews kept at once: a bound on the memory uploads can take (5 MB each at most).
    let capacity = 20

    /// Keeps an upload and returns the token that confirms it.
    func keep(_ data: Data, fileName: String, adopted: PartialDate?, owner: String) -> String {
        let now = ContinuousClock.now
        uploads = uploads.filter { $0.value.expires > now }
        // The oldest previews make room for a new one.
        while uploads.count >= capacity, let oldest = uploads.min(by: { $0.value.expires < $1.value.expires })?.key { uploads[oldest] = nil }
        let token = Tokens.random()
        uploads[token] = Upload(owner: owner, fileName: fileName, data: data, adopted: adopted,
                                expires: now + .seconds(30 * 60))
        return token
    }

    /// The upload `token` names, if it is this session's and not expired; it is taken (a second confirmation finds nothing).
    func take(_ token: String, owner: String) -> Upload? {
        guard let upload = uploads[token], Tokens.equal(upload.owner, owner), upload.expires > ContinuousClock.now else { return nil }
        uploads[token] = nil
        return upload
    }
}

/// Random tokens for sessions' CSRF checks and upload confirmations.
enum Tokens {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Compares in time that does not depend on where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
