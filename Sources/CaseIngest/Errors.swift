/// A date that cannot be used, with a message saying how to write one.
public enum DateError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case impossible(String)
    case outOfRange(String)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "'\(text)' is not a date: write it as YYYY, YYYY-MM or YYYY-MM-DD (for example 2022-06-15)."
        case .impossible(let text):
            return "'\(text)' is not a real calendar date: check the month (01-12) and the day of that month."
        case .outOfRange(let text):
            return "'\(text)' is outside the years casetrack accepts: give a year from 0001 to 9999."
        }
    }
}

/// A status outside casetrack's closed vocabulary.
public struct UnknownStatusError: Error, Equatable, CustomStringConvertible {
    public let given: String

    public init(given: String) { self.given = given }

    public var description: String {
        let vocabulary = CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")
        return "'\(given)' is not a status casetrack knows: use one of \(vocabulary)."
    }
}

/// A file that cannot be read as a resolution.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case empty(String)
    case binary(String)
    case undecodable(String)
    case tooLarge(String, bytes: Int, limit: Int)
    case notAResolution(String)
    case unreadable(String, reason: String)
    case sectionTooLong(String, label: String, characters: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty(let name):
            return "\(name) is empty: give the text of a European Parliament resolution."
        case .binary(let name):
            return "\(name) is a binary file, not text: give the resolution as plain text or HTML."
        case .undecodable(let name):
            return "\(name) is not readable text (broken UTF-8 or UTF-16): save it as UTF-8 and try again."
        case .tooLarge(let name, let bytes, let limit):
            return "\(name) is \(bytes / 1_048_576) MB, over casetrack's limit of \(limit / 1_048_576) MB for one resolution: split it or check it is the right file."
        case .notAResolution(let name):
            return "\(name) does not look like a resolution (no recitals or numbered paragraphs found): give the text of a European Parliament resolution."
        case .unreadable(let name, let reason):
            return "Cannot read \(name) (\(reason)): check the path and its permissions."
        case .sectionTooLong(let name, let label, let characters, let limit):
            return "\(name) has a section (\(label)) of \(characters) characters, over casetrack's limit of \(limit) for one section of a resolution "
                + "(its labels may have stopped matching): check the file, or split it into resolutions."
        }
    }
}
