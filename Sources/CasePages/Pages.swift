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
        var library = MustacheLibrary()
        for (name, bytes) in Self.templates {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
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

/// A page casetrack cannot render: a bug, named.
public enum PagesError: Error, CustomStringConvertible {
    case noTemplate(String)

    public var description: String { "casetrack has no page template named '\(name)'; this is a bug, please report it." }

    var name: String {
        switch self { case .noTemplate(let name): return name }
    }
}
