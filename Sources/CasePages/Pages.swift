import Foundation
import Mustache

/// casetrack's HTML pages: Mustache templates compiled into the binary.
///
/// Every value reaches a page through `{{name}}`, which escapes `&`, `<`,
/// `>`, `"` and `'`; the templates never use the unescaped forms (`{{{x}}}`,
/// `{{& x}}`, a test checks) but for `{{{nameHTML}}}`: rows the web app wrote
/// with its `HTMLWriter`, which escapes every value the same way (and the model
/// passes nothing else under such a name). So no name, quote or note from a
/// resolution or a user can become markup.
public struct Pages: Sendable {
    let library: MustacheLibrary

    public init() throws {
        MustacheContentTypes.register(ByteEscapedHTML(), named: ByteEscapedHTML.name)
        var library = MustacheLibrary()
        for (name, bytes) in Self.templates {
            // Every template, partials included (a partial starts again from Mustache's own type),
            // escapes through ``ByteEscapedHTML``.
            try library.register(ByteEscapedHTML.pragma + String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
    }

    /// Renders the template `name` with `context` (a struct whose properties the template names).
    public func render(_ name: String, _ context: Any) throws -> String {
        guard let text = library.render(context, withTemplate: name) else { throw PagesError.noTemplate(name) }
        return text
    }

    /// Each template's name and text, as embedded by SwiftPM.
    public static let templates: [(name: String, text: [UInt8])] = [
        ("history", PackageResources.history_mustache), ("history_body", PackageResources.history_body_mustache),
        ("history_style", PackageResources.history_style_mustache), ("layout", PackageResources.layout_mustache),
        ("persons", PackageResources.persons_mustache), ("person", PackageResources.person_mustache),
        ("documents", PackageResources.documents_mustache), ("document", PackageResources.document_mustache),
        ("charged", PackageResources.charged_mustache), ("search", PackageResources.search_mustache),
        ("review", PackageResources.review_mustache), ("log", PackageResources.log_mustache),
        ("login", PackageResources.login_mustache), ("import", PackageResources.import_mustache),
        ("message", PackageResources.message_mustache), ("users", PackageResources.users_mustache),
        ("organisations", PackageResources.organisations_mustache),
        ("claim_review", PackageResources.claim_review_mustache),
        ("record_from_text", PackageResources.record_from_text_mustache),
    ]
}

/// HTML escaping by UTF-8 byte, for every `{{value}}` of every template.
///
/// Mustache's own HTML type escapes by Swift `Character`, and a quote followed by a combining
/// mark (`"` then U+0301) is one `Character` that is not a quote, so it went through unescaped,
/// while a browser still reads the quote and ends the attribute there: a search for
/// `x"\u{301} style=color:red` wrote `value="x"́ style=color:red"` into the page. Here every value
/// goes through ``HTMLEscape``, the escaping the web app's `HTMLWriter` uses too.
struct ByteEscapedHTML: MustacheContentType {
    static let name = "CASETRACK_HTML"
    /// Put before each template's text: no line, so nothing is added to a page.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    func escapeText(_ text: String) -> String { HTMLEscape.escaped(text) }
}

/// casetrack's one HTML escaping: each of `&`, `<`, `>`, `"` and `'` replaced by its entity
/// (the entities Mustache's `{{name}}` writes) wherever its byte stands, everything else as it
/// is. Byte by byte, so a quote carrying a combining mark is escaped too.
public enum HTMLEscape {
    /// `utf8` escaped, appended to `bytes`.
    public static func append(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var start = 0
        for index in 0..<utf8.count {
            let entity: StaticString
            switch utf8[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
    }

    /// `text` escaped; the text itself when it holds none of the five bytes.
    public static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var copy = text
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        copy.withUTF8 { append($0, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A page casetrack cannot render: a bug, named.
public enum PagesError: Error, CustomStringConvertible {
    case noTemplate(String)

    public var description: String { "casetrack has no page template named '\(name)'; this is a bug, please report it." }

    var name: String {
        switch self { case .noTemplate(let name): return name }
    }
}
