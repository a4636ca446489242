import Foundation

/// Turns the bytes of a file into text.
///
/// - UTF-8, with or without a byte-order mark.
/// - UTF-16 with a byte-order mark.
/// - Anything else that is not valid UTF-8 is read as Windows-1252 (a
///   superset of Latin-1), with a warning.
/// - Empty files, binary files (NUL bytes, many control characters) and files
///   over ``maximumBytes`` are refused.
public enum TextDecoding {
    /// Resolutions are tens of kilobytes; 5 MB leaves ample room.
    public static let maximumBytes = 5 * 1024 * 1024

    public struct Decoded: Sendable {
        public var text: String
        public var warnings: [String]
    }

    public static func decode(_ data: Data, name: String) throws(IngestError) -> Decoded {
        if data.isEmpty { throw .empty(name) }
        if data.count > maximumBytes { throw .tooLarge(name, bytes: data.count, limit: maximumBytes) }
        // The common case, UTF-8 that passes the checks, read from the data's own bytes; any other
        // text takes the way below from the start.
        if let text = plainUTF8(data), let decoded = try? checked(Decoded(text: text, warnings: []), name: name) { return decoded }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(Array(bytes.dropFirst(3)), name: name)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw .undecodable(name) }
            return try checked(Decoded(text: text.replacingOccurrences(of: "\u{FEFF}", with: ""), warnings: []), name: name)
        }
        // `memchr` reads many bytes an instruction.
        if bytes.withUnsafeBufferPointer({ Normaliser.contains(0, in: $0) }) { throw .binary(name) }
        if let decoded = try? utf8(bytes, name: name) { return decoded }
        // UTF-8 cut off in the middle of its last character (a truncated download):
        // keep the text, drop the partial character, and say so.
        if let cut = trailingPartialCharacter(bytes), let decoded = try? utf8(Array(bytes[..<cut]), name: name) {
            return Decoded(text: decoded.text, warnings: [
                "\(name) ends in the middle of a character (the file looks truncated); the last \(bytes.count - cut) byte(s) were dropped.",
            ])
        }
        // The scalars' UTF-8 written out in one pass (the same text as joining each as a character).
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 { utf8.append(byte); continue }
            if let encoded = UTF8.encode(windows1252[Int(byte)]) { utf8.append(contentsOf: encoded) }
        }
        let text = String(decoding: utf8, as: UTF8.self)
        return try checked(Decoded(text: text, warnings: [
            "\(name) is not UTF-8; it was read as Windows-1252/Latin-1. Check names with accents in the result.",
        ]), name: name)
    }

    /// The text of `data` when it is valid UTF-8 without a byte-order mark (of UTF-8 or UTF-16) and
    /// without a NUL byte, validated in the data's bytes without copying them into an array first.
    static func plainUTF8(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let first = bytes.first, first != 0xEF, first != 0xFF, first != 0xFE else { return nil }
            if Normaliser.contains(0, in: bytes) { return nil }
            return String(validating: bytes, as: UTF8.self)
        }
    }

    /// Where an incomplete UTF-8 sequence at the very end starts, if the text ends with one.
    static func trailingPartialCharacter(_ bytes: [UInt8]) -> Int? {
        var start = bytes.count - 1
        var continuation = 0
        while start >= 0, bytes[start] & 0xC0 == 0x80, continuation < 3 { start -= 1; continuation += 1 }
        guard start >= 0 else { return nil }
        let lead = bytes[start]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return length > continuation + 1 ? start : nil
    }

    private static func utf8(_ bytes: [UInt8], name: String) throws(IngestError) -> Decoded {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .undecodable(name) }
        return try checked(Decoded(text: text, warnings: []), name: name)
    }

    /// Refuses text that is mostly control characters: a binary file that
    /// happened to decode.
    private static func checked(_ decoded: Decoded, name: String) throws(IngestError) -> Decoded {
        // Counted over the first 20,000 scalars, in the UTF-8 bytes: a scalar starts at each byte
        // that does not continue one, a control character is a byte below 0x20, and U+FFFD is EF BF BD.
        var control = 0, total = 0
        var text = decoded.text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes of 0x20 or more at once: eight scalars, no control character.
                // (Adding 0x60 to a byte below 0x80 sets its high bit exactly when it is 0x20 or
                // more, and carries into no other byte.)
                if total + 8 <= 20_000, index + 8 <= bytes.count, let base = bytes.baseAddress {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    if word & high == 0, (word &+ 0x6060_6060_6060_6060) & high == high {
                        total += 8
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte & 0xC0 != 0x80 {
                    if total == 20_000 { break }
                    total += 1
                    if byte < 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09, byte != 0x0C { control += 1 }
                    if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD { control += 1 }
                }
                index += 1
            }
        }
        if total == 0 || decoded.text.allSatisfy(\.isWhitespace) { throw .empty(name) }
        if control * 20 > total { throw .binary(name) }
        return decoded
    }

    /// Windows-1252 code points; bytes 0x80-0x9F are its printable extras.
    private static let windows1252: [Unicode.Scalar] = (0...255).map { byte -> Unicode.Scalar in
        let extras: [Int: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        return Unicode.Scalar(extras[byte] ?? UInt32(byte)) ?? " "
    }
}
