import CaseIngest

/// What can go wrong in the store, each message a sentence saying what to do.
public enum CaseStoreError: Error, CustomStringConvertible, Equatable {
    case notADatabase(path: String)
    case foreignDatabase(path: String)
    case newerDatabase(path: String)
    case cannotOpen(path: String, reason: String)
    case isDirectory(path: String)
    case readOnlyDatabase(path: String)
    case unknownPerson(query: String, suggestions: [PersonCandidate])
    case ambiguousPerson(query: String, candidates: [PersonCandidate])
    case emptyName
    case controlCharacters(String)
    case nameTooLong(Int)
    case duplicatePerson(name: String, existing: PersonCandidate)
    case samePerson(PersonCandidate)
    case unknownEvent(id: Int64)
    case alreadyRetracted(id: Int64)
    case emptyReason
    case missingSource
    case conflictingSource
    case unknownDocument(procedure: String)
    case unknownSection(procedure: String, label: String)
    case missingInstrument(article: String, instruments: [String])
    case emptyArticle
    case unknownStage(String)
    case differentTextOfDocument(procedure: String, existingFile: String, kind: String?)
    case ambiguousInstrument(name: String, instruments: [String])
    case backupExists(path: String)

    public var description: String {
        switch self {
        case .backupExists(let path):
            return "\(path) already exists; give a new file name for the backup (casetrack never overwrites one)."
        case .ambiguousInstrument(let name, let instruments):
            return "'\(name)' could be any of \(instruments.joined(separator: "; ")); give the full name with --instrument."
        case .differentTextOfDocument(let procedure, let existingFile, let kind):
            return "A different \(kind.map { "\($0) " } ?? "text ")of \(procedure) is already imported (from \(existingFile)); "
                + "compare the two files, and import this one into another database if both are needed."
        case .notADatabase(let path):
            return "\(path) is not a casetrack database (it is not an SQLite file); it was left untouched: pass another path with --db."
        case .foreignDatabase(let path):
            return "\(path) is an SQLite database that casetrack did not create; it was left untouched: pass another path with --db."
        case .newerDatabase(let path):
            return "\(path) was written by a newer version of casetrack; it was left untouched: upgrade casetrack to use it."
        case .cannotOpen(let path, let reason):
            return "Cannot open the database \(path) (\(reason)): check the path and its permissions, or pass another with --db."
        case .isDirectory(let path):
            return "\(path) is a directory, not a database file: pass a file path with --db."
        case .readOnlyDatabase(let path):
            return "The database \(path) is read-only: make it writable (chmod u+w) or copy it elsewhere and pass that with --db."
        case .unknownPerson(let query, let suggestions):
            let hint = suggestions.isEmpty
                ? "list people with 'casetrack person list' or create one with 'casetrack person add'."
                : "did you mean " + PersonCandidate.list(suggestions, joiner: " or ") + "?"
            return "No person matches '\(query)': \(hint)"
        case .ambiguousPerson(let query, let candidates):
            return "'\(query)' matches several people: \(PersonCandidate.list(candidates, joiner: ", ")); give a fuller name or the numeric id."
        case .emptyName:
            return "A person needs a name: give a non-empty NAME."
        case .controlCharacters:
            return "A name cannot contain line breaks, tabs or other control characters: give it on one line."
        case .nameTooLong(let count):
            return "A name of \(count) characters is too long to be a person's name: give at most 500 characters."
        case .duplicatePerson(let name, let existing):
            return "A person named '\(name)' already exists (\(existing)): use that id, or add --allow-duplicate if this is a different person."
        case .samePerson(let person):
            return "Both names refer to the same person (\(person)): nothing to merge."
        case .unknownEvent(let id):
            return "There is no status event with id \(id): see the ids with 'casetrack person show PERSON'."
        case .alreadyRetracted(let id):
            return "Status event \(id) is already retracted: record a new event with 'casetrack status set' instead."
        case .emptyReason:
            return "A retraction needs a reason: add --reason TEXT saying why the event was wrong."
        case .missingSource:
            return "Every record needs a source: add --source TEXT (a URL, 'phone call with lawyer') or --document PROC --section LABEL."
        case .conflictingSource:
            return "Give either --source or --document with --section, not both."
        case .unknownDocument(let procedure):
            return "No imported resolution has procedure '\(procedure)': see 'casetrack documents', or import it first."
        case .unknownSection(let procedure, let label):
            return "Resolution \(procedure) has no section '\(label)': use a recital letter (F), a paragraph number (3) or a citation label (c1)."
        case .missingInstrument(let article, let instruments):
            if instruments.isEmpty {
                return "Article \(article) needs its instrument: add --instrument NAME (for example \"Criminal Code\")."
            }
            return "Article \(article) exists in several instruments (\(instruments.joined(separator: "; "))): add --instrument NAME."
        case .emptyArticle:
            return "A charge needs an article: add --article NUMBER (for example 405 or 460-1)."
        case .unknownStage(let stage):
            return "'\(stage)' is not a charge stage: use one of \(ChargeStage.allCases.map(\.rawValue).joined(separator: ", "))."
        }
    }
}

/// A person offered in an error message: name and id.
public struct PersonCandidate: Sendable, Equatable, CustomStringConvertible {
    public let id: Int64
    public let name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }

    public var description: String { "\(name) (id \(id))" }

    static func list(_ candidates: [PersonCandidate], joiner: String) -> String {
        candidates.map(\.description).joined(separator: joiner)
    }
}
