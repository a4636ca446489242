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
/// unwrapped, arrays stay arrays (of wrapped elements), and strings, numbers,
/// booleans, enums and anything with its own description are passed as they are.
enum TemplateModel {
    static func wrap(_ value: Any) -> Any {
        wrapped(value, depth: 0) ?? value
    }

    /// Types already found to be plain structs (none of the cases below but the last):
    /// their values go straight to the mirror. A struct's type decides every test below
    /// (an optional's does not: `is String` looks inside it), so only structs are kept.
    private static let structTypes = Mutex<Set<ObjectIdentifier>>([])

    /// `value` as the templates read it; nil for a nil optional.
    private static func wrapped(_ value: Any, depth: Int) -> Any? {
        let type = ObjectIdentifier(Swift.type(of: value))
        if structTypes.withLock({ $0.contains(type) }) { return fields(of: Mirror(reflecting: value), depth: depth) ?? value }
        switch value {
        case is String, is Bool, is Int, is Int64, is Double, is Substring:
            return value
        case let array as [Any]:
            // Before the next case: an array is CustomStringConvertible too, and passed as it was, its
            // elements (a page's rows, events, hits) were mirrored again for every name looked up in them.
            guard depth < 32 else { return value }
            return array.map { wrapped($0, depth: depth + 1) ?? $0 }
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
            return wrapped(some, depth: depth)
        case .collection? where value is [Any]:
            guard depth < 32, let array = value as? [Any] else { return value }
            return array.map { wrapped($0, depth: depth + 1) ?? $0 }
        case .struct?:
            _ = structTypes.withLock { $0.insert(type) }
            return fields(of: mirror, depth: depth) ?? value
        default:
            return value
        }
    }

    /// A struct's fields by name; nil past the depth limit (deep models are left to the renderer's own reflection).
    private static func fields(of mirror: Mirror, depth: Int) -> TemplateObject? {
        guard depth < 32 else { return nil }
        var fields: [String: Any] = [:]
        fields.reserveCapacity(Int(mirror.children.count))
        for child in mirror.children {
            guard let label = child.label, fields[label] == nil, let field = wrapped(child.value, depth: depth + 1) else { continue }
            fields[label] = field
        }
        return TemplateObject(fields)
    }
}

/// One struct of a page's model, its fields by name (see ``TemplateModel``).
final class TemplateObject: MustacheParent {
    private let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    func child(named name: String) -> Any? { fields[name] }
}
