import Foundation

/// A submitted form: its text fields, and the file of an upload form.
struct FormFields: Sendable {
    struct File: Sendable {
        /// The file's own name, without any folder: a label, never a path the app writes to.
        var name: String
        var data: Data
    }

    /// Fields (parts) a form may have: casetrack's forms have a dozen at most.
    static let maximumFields = 200

    var values: [String: String] = [:]
    var file: File?

    /// A field's text, trimmed; nil when it is missing or blank.
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// `application/x-www-form-urlencoded`: `a=1&b=two+words`, for a query
    /// string (what is read is never stored: a value that is not UTF-8 reads as empty).
    static func urlEncoded(_ body: String) -> FormFields {
        (try? urlEncoded(Data(body.utf8), strict: false)) ?? FormFields()
    }

    /// A posted URL-encoded form. Text that is not UTF-8, raw or
    /// percent-encoded (`%FF`), is refused with a sentence naming the field,
    /// never stored as replacement characters or dropped.
    static func urlEncoded(_ body: Data, strict: Bool = true) throws -> FormFields {
        var form = FormFields()
        var count = 0
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            count += 1
            if strict, count > maximumFields { throw WebError.tooManyFields(maximumFields) }
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else {
                if strict { throw WebError.notText(field: nil) }
                continue
            }
            guard let value = parts.count > 1 ? decode(parts[1]) : "" else {
                if strict { throw WebError.notText(field: name) }
                continue
            }
            // The first value of a field counts: a repeated field cannot override it.
            if form.values[name] == nil { form.values[name] = value }
        }
        return form
    }

    /// `+` is a space, `%XX` a byte; nil when the bytes are not UTF-8 text or a `%` is not followed by two hex digits.
    static func decode(_ encoded: Data.SubSequence) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard encoded.distance(from: index, to: encoded.endIndex) >= 3,
                      let high = hexValue(encoded[index + 1]), let low = hexValue(encoded[index + 2]) else { return nil }
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// `multipart/form-data` with `boundary`: text fields and at most one file.
    /// One pass over the body (each delimiter found with Knuth-Morris-Pratt,
    /// so no byte is compared more than twice), at most ``maximumFields`` parts.
    /// nil when the body is not such a form.
    static func multipart(_ body: Data, boundary: String) throws -> FormFields? {
        var work = 0
        return try multipart(body, boundary: boundary, work: &work)
    }

    /// As ``multipart(_:boundary:)``, counting the byte comparisons made in `work` (tests check it stays linear).
    static func multipart(_ body: Data, boundary: String, work: inout Int) throws -> FormFields? {
        guard (1...70).contains(boundary.utf8.count) else { return nil }
        let bytes = [UInt8](body)
        let delimiter = ByteSearch(Array(("\r\n--" + boundary).utf8))
        let headerEnd = ByteSearch(Array("\r\n\r\n".utf8))
        var form = FormFields()
        // The body starts with "--boundary" (the delimiter less its line break), or a preamble then the delimiter.
        var position: Int
        if bytes.starts(with: delimiter.pattern.dropFirst(2)) {
            position = delimiter.pattern.count - 2
        } else {
            guard let first = delimiter.first(in: bytes, from: 0, work: &work) else { return nil }
            position = first + delimiter.pattern.count
        }
        var parts = 0
        while position < bytes.count {
            // "--" after a delimiter ends the form.
            if bytes[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { break }
            parts += 1
            if parts > maximumFields { throw WebError.tooManyFields(maximumFields) }
            guard let headersEnd = headerEnd.first(in: bytes, from: position, work: &work),
                  let next = delimiter.first(in: bytes, from: headersEnd + 4, work: &work) else { return nil }
            let head = String(decoding: bytes[position..<headersEnd], as: UTF8.self)
            let content = bytes[(headersEnd + 4)..<next]
            position = next + delimiter.pattern.count
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: String(disposition)) else { continue }
            if let filename = parameter("filename", in: String(disposition)) {
                if form.file == nil {
                    let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload"
                    form.file = File(name: base.isEmpty ? "upload" : base, data: Data(content))
                }
            } else if form.values[name] == nil {
                guard let text = String(validating: content, as: UTF8.self) else { throw WebError.notText(field: name) }
                form.values[name] = text
            }
        }
        return form
    }

    /// A quoted parameter of a header line: `name="file"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
            var value = String(trimmed.dropFirst(key.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// Finds a byte pattern in linear time (Knuth-Morris-Pratt): each byte of
/// the text is compared at most twice, whatever the text holds.
struct ByteSearch {
    let pattern: [UInt8]
    private let failure: [Int]

    init(_ pattern: [UInt8]) {
        self.pattern = pattern
        var failure = [Int](repeating: 0, count: pattern.count)
        var matched = 0
        for index in pattern.indices.dropFirst() {
            while matched > 0, pattern[index] != pattern[matched] { matched = failure[matched - 1] }
            if pattern[index] == pattern[matched] { matched += 1 }
            failure[index] = matched
        }
        self.failure = failure
    }

    /// Where the pattern first starts in `text` at or after `start`.
    func first(in text: [UInt8], from start: Int, work: inout Int) -> Int? {
        guard !pattern.isEmpty, start <= text.count else { return nil }
        var matched = 0
        var index = start
        while index < text.count {
            work += 1
            if text[index] == pattern[matched] {
                matched += 1
                index += 1
                if matched == pattern.count { return index - matched }
            } else if matched > 0 {
                matched = failure[matched - 1]
            } else {
                index += 1
            }
        }
        return nil
    }
}
