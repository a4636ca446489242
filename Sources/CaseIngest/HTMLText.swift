/// Plain text from HTML as the Parliament publishes it.
///
/// - Block elements (`p`, `div`, `br`, `tr`, `li`, headings) end a line.
/// - `script` and `style` contents are dropped; other tags are removed.
/// - Character references (`&amp;`, `&#8211;`, `&#x2013;`) and the common
///   named entities are decoded.
public enum HTMLText {
    public static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(4096).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
            || (head.contains("<p") && head.contains("</p>")) || head.contains("<div")
    }

    static let blockTags: Set<String> = ["p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "td", "section", "article", "title"]

    public static func plainText(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        var skipUntil: String?
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
                if let waiting = skipUntil {
                    if tag.hasPrefix("/") && name == waiting { skipUntil = nil }
                } else if (name == "script" || name == "style") && !tag.hasPrefix("/") {
                    skipUntil = name
                } else if blockTags.contains(name) {
                    out += name == "td" ? " " : "\n\n"
                }
                index = html.index(after: close)
                continue
            }
            if skipUntil == nil { out.append(character) }
            index = html.index(after: index)
        }
        return decodeEntities(out)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            .joined(separator: "\n")
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
                let entity = String(text[text.index(after: index)..<semicolon])
                var replacement: String?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[entity]
                }
                if let replacement {
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
}
