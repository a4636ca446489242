import Foundation

/// Who is writing, for the audit log: `--by`, else the login name.
public struct Recorder: Sendable, Equatable, CustomStringConvertible {
    public let name: String

    public init(_ name: String?) {
        if let name, !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        } else {
            self.name = Self.loginName()
        }
    }

    public var description: String { name }

    static func loginName() -> String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["LOGNAME", "USER"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid \(getuid())"
    }
}

/// Timestamps as stored: UTC, ISO 8601, to the second.
enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// Today's date in the user's time zone, as a day-precision date.
    static func today() -> (year: Int, month: Int, day: Int) {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
