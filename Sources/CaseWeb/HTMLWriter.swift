import CasePages
import Mustache

/// HTML written in Swift for the rows of the hot pages (search results, the charged answer), where
/// the Mustache renderer's per-name lookups cost more than the database answer they show.
///
/// Markup comes only from string literals (`StaticString`: nothing read or typed can reach it);
/// every value goes through ``text(_:)``, which escapes `&`, `<`, `>`, `"` and `'` as the
/// templates' `{{name}}` does, so a value is safe in an element and in a quoted attribute alike.
/// The result is an ``HTMLFragment``, the one type a template may show unescaped.
struct HTMLWriter {
    private var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Markup, as written in the source.
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A value, escaped by ``HTMLEscape``, as every template's `{{name}}` is.
    mutating func text(_ value: some StringProtocol) {
        if value.utf8.withContiguousStorageIfAvailable({ HTMLEscape.append($0, to: &bytes) }) != nil { return }
        var copy = String(value)
        copy.withUTF8 { HTMLEscape.append($0, to: &bytes) }
    }

    /// A number, as the templates show one.
    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    var fragment: HTMLFragment { HTMLFragment(String(decoding: bytes, as: UTF8.self)) }

    /// `value` escaped as ``text(_:)`` writes it.
    static func escaped(_ value: String) -> String {
        var writer = HTMLWriter(capacity: value.utf8.count + 16)
        writer.text(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// HTML an ``HTMLWriter`` wrote: markup from the source, every value escaped. A template shows it
/// with `{{{nameHTML}}}`, the only unescaped form the templates use (a test holds them to it), and
/// ``TemplateModel`` passes nothing else under a name ending in `HTML`.
struct HTMLFragment: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let html: String

    fileprivate init(_ html: String) { self.html = html }

    /// No fields: a name looked up inside a section over it climbs the stack, as past a string.
    func child(named name: String) -> Any? { nil }
    var renderText: String { html }
    var isNull: Bool { false }
    var description: String { html }
}
