import Mustache
import Synchronization

/// A page's model read once into a tree of field tables, for the templates.
///
/// The Mustache renderer looks each `{{name}}` up by reflection: it mirrors the
/// object on top of its context stack (and, when the name is not there, each
/// object below it) for every name it meets, so a person page of a few dozen
/// events mirrored the same structs thousands of times (two thirds of the
/// server's processor time under `casetrack-bench serve-load`). Here each struct
/// is mirrored once and its fields kept by name (``TemplateObject`` answers the
/// renderer's `child(named:)`); what the renderer reads is unchanged: a missing
/// or nil field is absent (the lookup climbs the stack, as before), optionals are
/// unwrapped, arrays stay arrays (of wrapped elements), strings are ``TemplateText``s
/// (rendered as themselves), and numbers, booleans, enums and anything with its own
/// description are passed as they are.
enum TemplateModel {
    static func wrap(_ value: Any) -> Any {
        wrapped(value, depth: 0) ?? value
    }

    /// What a struct type was found to be the first time (none of the cases below but the last):
    /// its values go straight to the mirror, or to their own ``TemplateFields`` list. A struct's
    /// type decides every test below (an optional's does not: `is String` looks inside it), so
    /// only structs are kept.
    private enum StructKind { case mirrored, listed }
    private static let structTypes = Mutex<[ObjectIdentifier: StructKind]>([:])

    /// `value` as the templates read it; nil for a nil optional.
    /// `mirrorOnly`: every struct through its mirror, nothing kept (what the tests compare the lists with).
    static func wrapped(_ value: Any, depth: Int, mirrorOnly: Bool = false) -> Any? {
        let type = ObjectIdentifier(Swift.type(of: value))
        switch mirrorOnly ? nil : structTypes.withLock({ $0[type] }) {
        case .mirrored?: return fields(of: Mirror(reflecting: value), depth: depth) ?? value
        case .listed?: return listed(value as! any TemplateFields, depth: depth) ?? value
        case nil: break
        }
        switch value {
        case let text as String:
            // A string (or an optional holding one) renders as itself; see ``TemplateText``.
            return TemplateText(text)
        case is Bool, is Int, is Int64, is Double, is Substring:
            return value
        case let fragment as HTMLFragment:
            // Written HTML (an optional holding some unwrapped, as a string is), shown as it is.
            return fragment
        case let array as [Any]:
            // Before the next case: an array is CustomStringConvertible too, and passed as it was, its
            // elements (a page's rows, events, hits) were mirrored again for every name looked up in them.
            guard depth < 32 else { return value }
            return array.map { wrapped($0, depth: depth + 1, mirrorOnly: mirrorOnly) ?? $0 }
        case is any MustacheParent, is MustacheLambda, is MustacheTemplate, is any MustacheCustomRenderable,
             is any MustacheCustomRepresentation, is any CustomStringConvertible:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            guard let some = mirror.children.first?.value else { return nil }
            return wrapped(some, depth: depth, mirrorOnly: mirrorOnly)
        case .collection? where value is [Any]:
            guard depth < 32, let array = value as? [Any] else { return value }
            return array.map { wrapped($0, depth: depth + 1, mirrorOnly: mirrorOnly) ?? $0 }
        case .struct? where mirrorOnly:
            return fields(of: mirror, depth: depth, mirrorOnly: true) ?? value
        case .struct?:
            if let value = value as? any TemplateFields {
                structTypes.withLock { $0[type] = .listed }
                return listed(value, depth: depth) ?? value
            }
            structTypes.withLock { $0[type] = .mirrored }
            return fields(of: mirror, depth: depth) ?? value
        default:
            return value
        }
    }

    /// A struct's fields as it lists them; nil past the depth limit, as ``fields(of:depth:)``.
    private static func listed(_ value: any TemplateFields, depth: Int) -> TemplateObject? {
        guard depth < 32 else { return nil }
        var table = TemplateFieldTable(depth: depth)
        value.templateFields(&table)
        return TemplateObject(table.fields)
    }

    /// Whether `value` may be shown under `name`: a name ending in `HTML` (which a template may show
    /// unescaped, `{{{nameHTML}}}`) holds only an ``HTMLFragment``, whose values ``HTMLWriter``
    /// escaped; anything else under such a name is left out (the page shows nothing, never markup).
    static func admits(_ name: String, _ value: Any) -> Bool {
        !name.hasSuffix("HTML") || value is HTMLFragment
    }

    /// What the mirror reads of `value` (the struct's own field list skipped): what a
    /// ``TemplateFields`` list must equal (the tests compare them).
    static func reflected(_ value: Any) -> Any {
        wrapped(value, depth: 0, mirrorOnly: true) ?? value
    }

    /// A struct's fields by name; nil past the depth limit (deep models are left to the renderer's own reflection).
    private static func fields(of mirror: Mirror, depth: Int, mirrorOnly: Bool = false) -> TemplateObject? {
        guard depth < 32 else { return nil }
        var fields: [String: Any] = [:]
        fields.reserveCapacity(Int(mirror.children.count))
        for child in mirror.children {
            guard let label = child.label, fields[label] == nil, let field = wrapped(child.value, depth: depth + 1, mirrorOnly: mirrorOnly),
                  admits(label, field) else { continue }
            fields[label] = field
        }
        return TemplateObject(fields)
    }
}

/// A struct of a hot page's model that lists its fields itself, each as ``TemplateModel`` reads it
/// from the mirror (a test holds every such type to its mirror): the mirror of each row of a page,
/// with a boxed value per field, costs more than the lookups it saves.
protocol TemplateFields {
    /// Every stored property, by its name, through the table's `set` that fits its type.
    func templateFields(_ table: inout TemplateFieldTable)
}

/// The fields ``TemplateFields`` lists, read as the mirror path reads them: a nil optional is left
/// out, a string (set or optional) is a ``TemplateText``, numbers and booleans as they are, anything
/// else through ``TemplateModel/wrapped(_:depth:mirrorOnly:)`` one level deeper.
struct TemplateFieldTable {
    fileprivate(set) var fields: [String: Any] = [:]
    let depth: Int

    init(depth: Int) { self.depth = depth }

    mutating func set(_ name: String, _ value: String) { put(name, TemplateText(value)) }
    mutating func set(_ name: String, _ value: Bool) { put(name, value) }
    mutating func set(_ name: String, _ value: Int) { put(name, value) }
    mutating func set(_ name: String, _ value: Int64) { put(name, value) }
    mutating func set(_ name: String, _ value: String?) { if let value { put(name, TemplateText(value)) } }
    mutating func set(_ name: String, _ value: HTMLFragment?) { if let value { put(name, value) } }
    mutating func set(_ name: String, any value: Any) {
        if let wrapped = TemplateModel.wrapped(value, depth: depth + 1) { put(name, wrapped) }
    }

    private mutating func put(_ name: String, _ value: Any) {
        if TemplateModel.admits(name, value) { fields[name] = value }
    }
}

/// One struct of a page's model, its fields by name (see ``TemplateModel``).
final class TemplateObject: MustacheParent {
    let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    func child(named name: String) -> Any? { fields[name] }
}

/// A string of a page's model, as the renderer reads it: rendered (escaped) as the string itself, a
/// section over it shown once with it on top of the stack, where it has no fields (a name looked up
/// there climbs the stack, as it does past a string). A plain string on top of the stack was mirrored
/// (and cast to each of the renderer's protocols) for every name looked up inside its section.
/// The templates use no transforms or dynamic partials, the two things only a plain string offers.
final class TemplateText: MustacheParent, MustacheCustomRenderable, CustomStringConvertible {
    let text: String

    init(_ text: String) { self.text = text }

    func child(named name: String) -> Any? { nil }
    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
}
