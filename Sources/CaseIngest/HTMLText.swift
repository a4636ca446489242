/// Plain text from HTML as the Parliament publishes it.
///
/// - Block elements (`p`, `div`, `br`, `tr`, `li`, headings) end a line.
/// - Page chrome is dropped with everything inside it: `head` (and its
///   `title`), `script`, `style`, `noscript`, `nav`, `header`, `footer`,
///   `form`, `button`, and any element whose `id` or `class` names a site
///   header, navigation, menu, skip link, language bar, cookie banner or
///   footer (`<div id="site-header">`, `<ul class="main_nav">`).
///   Other tags are removed.
/// - Character references (`&amp;`, `&#8211;`, `&#x2013;`) and the common
///   named entities are decoded.
///
/// Example: `<div id="site-header"><a>Skip to content</a></div><p>The European Parliament,</p>`
/// gives `The European Parliament,`.
public enum HTMLText {
    public static func looksLikeHTML(_ text: String) -> Bool {
        // Every tag looked for starts with `<`: a text without one is not read further.
        // (`memchr` reads many bytes an instruction.)
        guard text.withUTF8Bytes({ Normaliser.contains(UInt8(ascii: "<"), in: $0) }) else { return false }
        let head = text.prefix(4096).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
            || (head.contains("<p") && head.contains("</p>")) || head.contains("<div")
    }

    /// A document export's XML tags glued to its text, as a document mirror copies a word processor's export
    /// (`<Titre>on Freedonia</Titre><DocRef>(2031/2001(RSP))</DocRef>`): each tag (`<Name>` or `</Name>`, a letter
    /// and up to forty letters, digits, `-` or `_`, no attributes) becomes a line break, when the text holds three
    /// or more; nil otherwise. One pass over the bytes; a `<` that opens no such tag (`< 5 years`) stays.
    static func withoutExportTags(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard Normaliser.contains(UInt8(ascii: "<"), in: bytes) else { return nil }
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
            /// Where the tag opening at `start` ends (past its `>`), if one does.
            func tagEnd(_ start: Int) -> Int? {
                var index = start + 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
                guard index < bytes.count, isLetter(bytes[index]) else { return nil }
                let limit = min(bytes.count, index + 41)
                index += 1
                while index < limit {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: ">") { return index + 1 }
                    guard isLetter(byte) || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") else { return nil }
                    index += 1
                }
                return nil
            }
            var tags = 0
            var probe = 0
            while tags < 3, let found = Normaliser.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: probe, to: bytes.count) {
                if let end = tagEnd(found) { tags += 1; probe = end } else { probe = found + 1 }
            }
            guard tags >= 3 else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), let end = tagEnd(index) {
                    out.append(UInt8(ascii: "\n"))
                    index = end
                } else {
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static let blockTags: Set<String> = ["p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "td", "section", "article", "title"]

    /// Elements that hold page chrome, never text of the resolution.
    static let chromeTags: Set<String> = ["head", "script", "style", "noscript", "nav", "header", "footer", "form", "button", "select", "svg", "iframe"]

    /// Words in an `id` or `class` that mark chrome.
    static let chromeMarkers = ["website-header", "site-header", "nav", "menu", "skip", "lang", "cookie", "footer", "breadcrumb"]

    /// Elements that never have a closing tag.
    static let voidTags: Set<String> = ["br", "img", "meta", "link", "input", "hr", "wbr", "source", "col", "area", "base", "embed"]

    public static func plainText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in ByteReader(bytes).plainText() } ?? characterPlainText(html)
    }

    /// ``plainText(_:)`` read character by character: the definition, which ``ByteReader``
    /// follows byte by byte where every character it compares is one byte.
    static func characterPlainText(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        // The chrome element being skipped, and how deep inside elements of its name we are.
        var skipping: (name: String, depth: Int)?
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let closing = tag.hasPrefix("/")
                let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
                let selfClosing = tag.hasSuffix("/") || voidTags.contains(name)
                index = html.index(after: close)
                if let skipped = skipping {
                    if name == skipped.name, !selfClosing {
                        let depth = skipped.depth + (closing ? -1 : 1)
                        skipping = depth == 0 ? nil : (skipped.name, depth)
                        // Raw text elements: their content is not markup.
                    }
                    continue
                }
                if !closing, !selfClosing, !name.isEmpty, chromeTags.contains(name) || isMarkedChrome(tag) {
                    skipping = (name, 1)
                    if name == "script" || name == "style", let end = html[index...].range(of: "</\(name)", options: .caseInsensitive) {
                        index = end.lowerBound
                    }
                    continue
                }
                if blockTags.contains(name) { out += name == "td" ? " " : "\n\n" }
                continue
            }
            if skipping == nil { out.append(character) }
            index = html.index(after: index)
        }
        return decodeEntities(out)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            .joined(separator: "\n")
    }

    /// Whether a start tag's `id` or `class` marks it as chrome.
    static func isMarkedChrome(_ tag: String) -> Bool {
        for attribute in ["id=", "class="] {
            guard let range = tag.range(of: attribute) else { continue }
            let rest = tag[range.upperBound...]
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            let value = rest.dropFirst().prefix { $0 != quote }
            let words = value.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).map(String.init)
            for marker in chromeMarkers {
                if marker.contains("-") ? value.contains(marker) : words.contains(marker) { return true }
            }
        }
        return false
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "hellip": "…", "eacute": "é", "egrave": "è",
        "aacute": "á", "oacute": "ó", "uacute": "ú", "iacute": "í", "ouml": "ö", "uuml": "ü", "auml": "ä",
        "ccedil": "ç", "scaron": "š", "zcaron": "ž", "laquo": "«", "raquo": "»", "shy": "",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                if let replacement = entity(String(text[text.index(after: index)..<semicolon])) {
                    out += replacement
                    index = text.index(after: semicolon)
                    continue
                }
            }
            out.append(text[index])
            index = text.index(after: index)
        }
        return out
    }

    /// ``characterPlainText(_:)`` over UTF-8 bytes: about a hundred times cheaper than walking
    /// characters, and the same text wherever each delimiter it looks for (`<`, `>`, `&`, `;`,
    /// a line break, a space) is a character of its own. A scalar beyond ASCII can join one into
    /// a larger character (`<` followed by a combining accent is not `<`): where one might, or a
    /// chrome script holds such scalars, `plainText()` gives nil and the characters are read.
    struct ByteReader {
        let bytes: UnsafeBufferPointer<UInt8>

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func plainText() -> String? {
            guard delimitersStandAlone(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count / 2)
            var index = 0
            // The chrome element being skipped, and how deep inside elements of its name we are.
            var skipping: (name: String, depth: Int)?
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<"), let close = find(UInt8(ascii: ">"), from: index + 1) {
                    let tag = Tag(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]))
                    index = close + 1
                    if let skipped = skipping {
                        if tag.name == skipped.name, !tag.selfClosing {
                            let depth = skipped.depth + (tag.closing ? -1 : 1)
                            skipping = depth == 0 ? nil : (skipped.name, depth)
                        }
                        continue
                    }
                    if !tag.closing, !tag.selfClosing, !tag.name.isEmpty, chromeTags.contains(tag.name) || tag.isMarkedChrome {
                        skipping = (tag.name, 1)
                        // Raw text elements: their content is not markup.
                        if tag.name == "script" || tag.name == "style" {
                            guard let end = rawTextEnd(of: tag.name, from: index) else { return nil }
                            index = end
                        }
                        continue
                    }
                    if blockTags.contains(tag.name) {
                        if tag.name == "td" { out.append(UInt8(ascii: " ")) } else { out.append(10); out.append(10) }
                    }
                    continue
                }
                if skipping == nil { out.append(byte) }
                index += 1
            }
            return out.withUnsafeBufferPointer { decoded in
                var lines: [UInt8] = []
                lines.reserveCapacity(decoded.count)
                var plain = true
                decodeEntities(decoded, into: &lines, plain: &plain)
                guard plain else {
                    // A decoded entity put a scalar beyond ASCII next to a space or a line break: read as characters.
                    return Self.collapseCharacters(String(decoding: lines, as: UTF8.self))
                }
                return lines.withUnsafeBufferPointer { Self.collapseSpaces($0) }
            }
        }

        /// The first `byte` at or after `start`, or nil.
        func find(_ byte: UInt8, from start: Int) -> Int? {
            var index = start
            while index < bytes.count {
                if bytes[index] == byte { return index }
                index += 1
            }
            return nil
        }

        /// Where `</name` starts (ASCII letters in any case) at or after `start`; nil, so that the
        /// characters are read, when there is no such end and the rest holds a scalar beyond ASCII,
        /// or a scalar beyond ASCII comes before it (a case-insensitive search of characters could
        /// match a letter such as `ſ` there). Without an end, the rest of the text is skipped.
        func rawTextEnd(of name: String, from start: Int) -> Int? {
            let pattern = Array(("</" + name).utf8)
            var index = start
            while index + pattern.count <= bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "<"), (0..<pattern.count).allSatisfy({ offset in
                    let candidate = bytes[index + offset]
                    return (candidate &- 65 < 26 ? candidate | 0x20 : candidate) == pattern[offset]
                }) {
                    return index
                }
                index += 1
            }
            while index < bytes.count {
                if bytes[index] >= 0x80 { return nil }
                index += 1
            }
            return bytes.count
        }

        /// ``decodeEntities(_:)`` of the bytes, appended to `out`; `plain` turns false if an entity
        /// decodes to a scalar that might join a space or line break next to it (a combining accent).
        func decodeEntities(_ text: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], plain: inout Bool) {
            var index = 0
            let count = text.count
            while index < count {
                let byte = text[index]
                guard byte == UInt8(ascii: "&") else { out.append(byte); index += 1; continue }
                // The `;` within the next eleven bytes, all ASCII: the twelve characters the definition reads.
                var semicolon = -1
                var position = index + 1
                while position < min(count, index + 12) {
                    let next = text[position]
                    if next >= 0x80 { break }
                    if next == UInt8(ascii: ";") { semicolon = position; break }
                    position += 1
                }
                if semicolon > 0, let replacement = HTMLText.entity(String(decoding: UnsafeBufferPointer(rebasing: text[(index + 1)..<semicolon]), as: UTF8.self)) {
                    out.append(contentsOf: replacement.utf8)
                    if replacement.unicodeScalars.contains(where: { $0.value >= 0x80 && !Self.neverJoins($0) }) { plain = false }
                    index = semicolon + 1
                    continue
                }
                out.append(byte)
                index += 1
            }
        }

        /// Lines at `\n` (not the `\r\n` pair, one character), each with its runs of spaces made one and
        /// trimmed: the definition's last step, over bytes.
        static func collapseSpaces(_ text: UnsafeBufferPointer<UInt8>) -> String {
            var result: [UInt8] = []
            result.reserveCapacity(text.count)
            var pendingSpace = false, lineStarted = false
            for (index, byte) in text.enumerated() {
                if byte == 10, index == 0 || text[index - 1] != 13 {
                    result.append(10)
                    pendingSpace = false
                    lineStarted = false
                } else if byte == UInt8(ascii: " ") {
                    pendingSpace = lineStarted
                } else {
                    if pendingSpace { result.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    lineStarted = true
                    result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }

        /// The definition's last step, over characters.
        static func collapseCharacters(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
                .joined(separator: "\n")
        }

        /// Whether every `<`, `>`, `&`, `;`, space and line break is a character of its own: the
        /// scalar beyond ASCII before or after it, if any, does not join it (tested as a pair of
        /// characters, which decides a break next to an ASCII character). Letters of the common
        /// scripts and the usual punctuation never join and are not tested.
        func delimitersStandAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 { index += 1; continue }
                // A scalar beyond ASCII: its extent, then its neighbours.
                var end = index + 1
                while end < count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                let before: UInt8? = index > 0 ? bytes[index - 1] : nil
                let after: UInt8? = end < count ? bytes[end] : nil
                func isDelimiter(_ neighbour: UInt8?) -> Bool {
                    guard let neighbour else { return false }
                    return neighbour == UInt8(ascii: "<") || neighbour == UInt8(ascii: ">") || neighbour == UInt8(ascii: "&")
                        || neighbour == UInt8(ascii: ";") || neighbour == UInt8(ascii: " ") || neighbour == 10 || neighbour == 13
                }
                if isDelimiter(before) || isDelimiter(after) {
                    let scalarText = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    guard let scalar = scalarText.unicodeScalars.first, scalarText.unicodeScalars.count == 1 else { return false }
                    if !Self.neverJoins(scalar) {
                        if let before, isDelimiter(before), (String(Unicode.Scalar(before)) + scalarText).count != 2 { return false }
                        if let after, isDelimiter(after), (scalarText + String(Unicode.Scalar(after))).count != 2 { return false }
                    }
                }
                index = end
            }
            return true
        }

        /// Latin, Greek and Cyrillic letters and the usual dashes, quotes and spaces: never part of
        /// a character with an ASCII neighbour.
        static func neverJoins(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0xA0...0x2FF, 0x370...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E: return true
            default: return false
            }
        }
    }

    /// What a tag's bytes (between `<` and `>`) say, as ``characterPlainText(_:)`` reads them.
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var isMarkedChrome: Bool

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                // Beyond ASCII: the characters decide, as in the definition.
                let tag = String(decoding: bytes, as: UTF8.self).lowercased()
                closing = tag.hasPrefix("/")
                name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
                selfClosing = tag.hasSuffix("/") || HTMLText.voidTags.contains(name)
                isMarkedChrome = !closing && HTMLText.isMarkedChrome(tag)
                return
            }
            var lower = [UInt8](bytes)
            for index in lower.indices where lower[index] &- 65 < 26 { lower[index] |= 0x20 }
            closing = lower.first == UInt8(ascii: "/")
            var start = 0
            while start < lower.count, lower[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < lower.count, lower[end] &- 97 < 26 || lower[end] &- 48 < 10 { end += 1 }
            name = String(decoding: lower[start..<end], as: UTF8.self)
            selfClosing = lower.last == UInt8(ascii: "/") || HTMLText.voidTags.contains(name)
            // Only a tag with `id=` or `class=` can be marked; the definition's search decides then.
            func has(_ needle: String) -> Bool {
                let pattern = Array(needle.utf8)
                guard lower.count >= pattern.count else { return false }
                return (0...(lower.count - pattern.count)).contains { offset in
                    (0..<pattern.count).allSatisfy { lower[offset + $0] == pattern[$0] }
                }
            }
            isMarkedChrome = !closing && (has("id=") || has("class=")) && HTMLText.isMarkedChrome(String(decoding: lower, as: UTF8.self))
        }
    }

    /// The text an entity's name stands for (`amp`, `#8211`, `#x2013`), or nil.
    static func entity(_ entity: String) -> String? {
        if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
            return UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        } else if entity.hasPrefix("#") {
            return UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        return named[entity]
    }
}
