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
/// `x"\u{301} style=color:red` wrote `value="x"́ style=color:red"` into the page. Here each of
/// `&`, `<`, `>`, `"` and `'` is replaced wherever its byte stands, with the same entities the
/// web app's `HTMLWriter` writes (a test holds the two to the same bytes).
struct ByteEscapedHTML: MustacheContentType {
    static let name = "CASETRACK_HTML"
    /// Put before each template's text: no line, so nothing is added to a page.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    func escapeText(_ text: String) -> String { Self.escaped(text) }

    static func escaped(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
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
