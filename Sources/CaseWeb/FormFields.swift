import Foundation

/// A submitted form: its text fields, and the file of an upload form.
struct FormFields: Sendable {
    struct File: Sendable {
        /// The file's own name, without any folder: a label, never a path the app writes to.
        var name: String
        var data: Data
    }

    var values: [String: String] = [:]
    var file: File?

    /// A field's text, trimmed; nil when it is missing or blank.
    subscript(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// `application/x-www-form-urlencoded`: `a=1&b=two+words`.
    static func urlEncoded(_ body: String) -> FormFields {
        var form = FormFields()
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            // The first value of a field counts: a repeated field cannot override it.
            if form.values[name] == nil { form.values[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return form
    }

    /// `multipart/form-data` with `boundary`: text fields and at most one file.
    static func multipart(_ body: Data, boundary: String) -> FormFields? {
        var form = FormFields()
        let delimiter = Data(("--" + boundary).utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var position = body.startIndex
        guard let first = body.range(of: delimiter, in: position..<body.endIndex) else { return nil }
        position = first.upperBound
        while position < body.endIndex {
            // "--" after a delimiter ends the form.
            if body[position...].starts(with: Data("--".utf8)) { break }
            guard let headers = body.range(of: headerEnd, in: position..<body.endIndex),
                  let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headers.upperBound..<body.endIndex) else { return nil }
            let head = String(decoding: body[position..<headers.lowerBound], as: UTF8.self)
            let content = body[headers.upperBound..<next.lowerBound]
            position = next.upperBound
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                  let name = parameter("name", in: String(disposition)) else { continue }
            if let filename = parameter("filename", in: String(disposition)) {
                if form.file == nil {
                    let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "upload"
                    form.file = File(name: base.isEmpty ? "upload" : base, data: Data(content))
                }
            } else if form.values[name] == nil {
                form.values[name] = String(decoding: content, as: UTF8.self)
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
