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
