import CaseIngest
import GRDB

/// What can go wrong in the store, each message a sentence saying what to do.
public enum CaseStoreError: Error, CustomStringConvertible, Equatable {
    case notADatabase(path: String)
    case damagedDatabase(path: String)
    case foreignDatabase(path: String)
    case newerDatabase(path: String)
    case cannotOpen(path: String, reason: String)
    case isDirectory(path: String)
    case readOnlyDatabase(path: String)
    case auditKey(path: String, problem: String)
    case auditKeyNeeded
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
    case noDatabase(path: String)
    case foreignWAL(path: String, reason: String)
    case controlCharactersIn(option: String)
    case outputIsDatabase(path: String)
    case outputExists(path: String)
    case cannotWrite(path: String, reason: String)
    case emptyDatabase(path: String)
    case busy(path: String)
    case diskFull(path: String)
    case unreadableRow(table: String, row: Int64, column: String)
    /// A cell whose stored value is not of its column's type (text in an id column), found where it is read.
    case unreadableCell(column: String?)
    case unknownStatus(given: String, suggestions: [String])
    case futureDate(date: String, today: String)
    case unknownDocumentSuggesting(procedure: String, suggestions: [String])
    case badAccountName(String)
    case accountExists(String)
    case unknownAccount(String)
    case shortPassword(minimum: Int)
    case longPassword(maximum: Int)
    case unknownRole(String)
    case lastAdmin(String)
    case aliasOfAnother(alias: String, existing: PersonCandidate)
    case ambiguousDocument(query: String, choices: [String])
    case textReadsDifferently(document: String)
    case documentRemoved(document: String, id: Int64)

    public var description: String {
        switch self {
        case .badAccountName(let name):
            return "'\(OneLineText.escaped(name))' cannot be a user name: use 1 to 64 letters, digits, dots, dashes or underscores, such as anna or a.kowalska."
        case .accountExists(let name):
            return "A user named '\(name)' already exists: choose another name, or change that user's password with 'casetrack user passwd \(name)'."
        case .unknownAccount(let name):
            return "There is no user named '\(OneLineText.escaped(name))': see the users with 'casetrack user list'."
        case .shortPassword(let minimum):
            return "That password is too short: give at least \(minimum) characters (a few words are easier to remember than symbols)."
        case .longPassword(let maximum):
            return "That password is longer than bcrypt reads (\(maximum) bytes): give a shorter one, for example a few words."
        case .aliasOfAnother(let alias, let existing):
            return "'\(alias)' is already a name of \(existing): if they are the same person, merge them; otherwise this spelling would not tell them apart."
        case .unknownRole(let role):
            return "'\(OneLineText.escaped(role))' is not a role: use admin (also manages the users), editor (reads and records) or reader (reads only)."
        case .lastAdmin(let name):
            return "\(name) is the only admin, and casetrack always keeps one: give another user the admin role first, then try again."
        case .unknownStatus(let given, let suggestions):
            if suggestions.isEmpty {
                return "'\(given)' is not a status casetrack knows: use one of \(CaseStatus.allCases.map(\.rawValue).joined(separator: ", "))."
            }
            return "'\(given)' is not a status casetrack knows: did you mean \(Suggestions.quotedList(suggestions))?"
        case .futureDate(let date, let today):
            return "\(date) is in the future (today is \(today)): casetrack records what has already happened; correct the date."
        case .textReadsDifferently(let document):
            return "\(OneLineText.escaped(document)) cannot be read again: the file given is not the text that was imported; give the imported file with --file."
        case .documentRemoved(let document, let id):
            return "\(OneLineText.escaped(document)) (document \(id)) was removed with 'document remove', so there is nothing to read again: import its file again to bring it back, then reread it."
        case .ambiguousDocument(let query, let choices):
            return "Several documents have procedure '\(OneLineText.escaped(query))': name one by its id, \(choices.joined(separator: " or "))."
        case .unknownDocumentSuggesting(let procedure, let suggestions):
            let hint = suggestions.isEmpty ? "see 'casetrack documents', or import it first" : "did you mean \(Suggestions.quotedList(suggestions))?"
            return "No imported resolution has procedure '\(procedure)': \(hint)"
        case .outputIsDatabase(let path):
            return "\(path) is the database itself (or its -wal, -shm or -journal file): choose another file for --output; casetrack never writes over its database."
        case .outputExists(let path):
            return "\(path) already exists: give a new file name, or add --force to replace it."
        case .cannotWrite(let path, let reason):
            return "Cannot write \(path) (\(reason)): choose a writable place for --output."
        case .controlCharactersIn(let option):
            return "The \(Self.fieldName(option)) cannot contain line breaks, tabs or other control characters: give it on one line."
        case .foreignWAL(let path, let reason):
            return "\(path)-wal does not belong to \(path) (\(reason)), so casetrack did not use either; nothing was changed: "
                + "move that -wal file aside (mv '\(path)-wal' '\(path)-wal.aside'; do not delete it) and try again."
        case .noDatabase(let path):
            return "There is no database at \(path): check the path given with --db or $CASETRACK_DB (a command that records something creates it)."
        case .emptyDatabase(let path):
            return "\(path) is an empty file, not a casetrack database yet: check the path given with --db, or record something to fill it."
        case .busy(let path):
            return "Another program is writing to \(path); try again when it has finished."
        case .diskFull(let path):
            return "Could not write \(path): the disk is full, a file-size limit was reached or the disk failed; free some space or choose another place."
        case .unreadableRow(let table, let row, let column):
            return "Row \(row) of table \(table) holds bytes that are not text in its \(column) column: run 'casetrack check' and restore the file from a backup."
        case .unreadableCell(let column):
            return "\(column.map { "A value in the \($0) column" } ?? "A value") is not of the type casetrack stores there (another program changed the file): run 'casetrack check' and restore the file from a backup."
        case .backupExists(let path):
            return "\(path) already exists; give a new file name for the backup (casetrack never overwrites one)."
        case .ambiguousInstrument(let name, let instruments):
            return "The instrument '\(name)' could be any of \(Suggestions.quotedList(instruments)): give one of these names as the instrument."
        case .differentTextOfDocument(let procedure, let existingFile, let kind):
            return "A different \(kind.map { "\($0) " } ?? "text ")of \(procedure) is already imported (from \(existingFile)); "
                + "compare the two files, and import this one into another database if both are needed."
        case .damagedDatabase(let path):
            return "\(path) is a damaged SQLite file (SQLite cannot read its pages as a whole database); it was left untouched: "
                + "restore it from a backup (see 'Backup and restore' in the README) or pass another path with --db."
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
        case .auditKey(let path, let problem):
            return "The audit key file \(path) cannot be used (\(problem)): name a readable file of at least \(AuditKey.minimumLength) random bytes with --audit-key-file or $\(AuditKey.variable)."
        case .auditKeyNeeded:
            return "This database's audit log is keyed, and no key was given; nothing was written: give the key file with --audit-key-file or $\(AuditKey.variable)."
        case .readOnlyDatabase(let path):
            return "The database \(path) is read-only: make it writable (chmod u+w) or copy it elsewhere and pass that with --db."
        case .unknownPerson(let query, let suggestions):
            let hint = suggestions.isEmpty
                ? "check the spelling, or add the person first."
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
            return "A person named '\(name)' already exists (\(existing)): use that person, or say that this is a different person with a name already known."
        case .samePerson(let person):
            return "Both names refer to the same person (\(person)): nothing to merge."
        case .unknownEvent(let id):
            return "There is no status event with id \(id): check the number against the person's status events."
        case .alreadyRetracted(let id):
            return "Status event \(id) is already retracted: record a new status instead."
        case .emptyReason:
            return "A retraction needs a reason: say why the event was wrong."
        case .missingSource:
            return "Every record needs a source: give a source (a URL, 'phone call with lawyer'), or a resolution's procedure and its section."
        case .conflictingSource:
            return "Give either a source or a resolution's procedure and section, not both."
        case .unknownDocument(let procedure):
            return "No imported resolution has procedure '\(procedure)': check it against the list of documents, or import it first."
        case .unknownSection(let procedure, let label):
            return "Resolution \(procedure) has no section '\(label)': use a recital letter (F), a paragraph number (3) or a citation label (c1)."
        case .missingInstrument(let article, let instruments):
            if instruments.isEmpty {
                return "Article \(article) needs its instrument: give the code or treaty it belongs to (for example \"Criminal Code\")."
            }
            return "Article \(article) exists in several instruments: give one of \(Suggestions.quotedList(instruments)) as the instrument."
        case .emptyArticle:
            return "A charge needs an article: give its number (for example 405 or 460-1)."
        case .unknownStage(let stage):
            return "'\(stage)' is not a charge stage: use one of \(ChargeStage.allCases.map(\.rawValue).joined(separator: ", "))."
        }
    }
}

extension CaseStoreError {
    /// The input an error is about, named as a field (`source`, `date`, `instrument`), not as any
    /// front end's option or form: each front end words its own hint (the CLI names its flags).
    public var field: String? {
        switch self {
        case .unknownPerson, .ambiguousPerson, .samePerson: return "person"
        case .emptyName, .controlCharacters, .nameTooLong, .duplicatePerson, .aliasOfAnother: return "name"
        case .emptyReason: return "reason"
        case .missingSource, .conflictingSource: return "source"
        case .unknownDocument, .unknownDocumentSuggesting: return "document"
        case .unknownSection: return "section"
        case .missingInstrument, .ambiguousInstrument: return "instrument"
        case .emptyArticle: return "article"
        case .unknownStage: return "stage"
        case .unknownStatus: return "status"
        case .futureDate: return "date"
        case .controlCharactersIn(let option): return Self.fieldName(option)
        default: return nil
        }
    }

    /// `--source` → `source`: an option's name as a field.
    static func fieldName(_ option: String) -> String {
        String(option.drop { $0 == "-" })
    }

    /// A one-sentence error for an SQLite failure on `path`: busy, full disk, read-only, or what SQLite said.
    public static func translating(_ error: DatabaseError, path: String) -> CaseStoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_READONLY: return .readOnlyDatabase(path: path)
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .damagedDatabase(path: path)
        default:
            if error.extendedResultCode == .SQLITE_IOERR_WRITE || error.extendedResultCode == .SQLITE_IOERR_TRUNCATE
                || error.extendedResultCode == .SQLITE_IOERR_FSYNC {
                return .diskFull(path: path)
            }
            let message = error.message.map { $0 == "not an error" ? "SQLite error \(error.resultCode.rawValue)" : $0 }
            return .cannotOpen(path: path, reason: message ?? "SQLite error \(error.resultCode.rawValue)")
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
