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

    static let blockTags: Set<String> = ["p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "td", "section", "article", "title"]

    /// Elements that hold page chrome, never text of the resolution.
    static let chromeTags: Set<String> = ["head", "script", "style", "noscript", "nav", "header", "footer", "form", "button", "select", "svg", "iframe"]

    /// Words in an `id` or `class` that mark chrome.
    static let chromeMarkers = ["website-header", "site-header", "nav", "menu", "skip", "lang", "cookie", "footer", "breadcrumb"]

    /// Elements that never have a closing tag.
    static let voidTags: Set<String> = ["br", "img", "meta", "link", "input", "hr", "wbr", "source", "col", "area", "base", "embed"]

    public static func plainText(_ html: String) -> String {
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
