import ArgumentParser
import CaseQuery
import CaseStore

/// The CLI's wording of the store's and the questions' errors: they name fields
/// (`source`, `instrument`); here each says which option or command to use.
enum ErrorWording {
    /// `error` in the CLI's words: an error whose message names a field gets its flag hint.
    static func forCLI(_ error: any Error) -> any Error {
        guard let message = message(error) else { return error }
        return Worded(description: message)
    }

    static func message(_ error: any Error) -> String? {
        switch error {
        case let error as CaseStoreError: return store(error)
        case let error as CaseQueryError: return query(error)
        default: return nil
        }
    }

    static func store(_ error: CaseStoreError) -> String? {
        switch error {
        case .controlCharactersIn(let option):
            return "\(option) cannot contain line breaks, tabs or other control characters: give it on one line."
        case .ambiguousInstrument(let name, let instruments):
            return "'\(name)' could be any of \(quoted(instruments)): give one of them with --instrument."
        case .unknownPerson(let query, let suggestions) where suggestions.isEmpty:
            return "No person matches '\(query)': list people with 'casetrack person list' or create one with 'casetrack person add'."
        case .duplicatePerson(let name, let existing):
            return "A person named '\(name)' already exists (\(existing)): use that id, or add --allow-duplicate if this is a different person."
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
        case .missingInstrument(let article, let instruments):
            if instruments.isEmpty {
                return "Article \(article) needs its instrument: add --instrument NAME (for example \"Criminal Code\")."
            }
            return "Article \(article) exists in several instruments: add --instrument with one of \(quoted(instruments))."
        case .unknownDocument(let procedure):
            return "No imported resolution has procedure '\(procedure)': see 'casetrack documents', or import it first."
        case .emptyArticle:
            return "A charge needs an article: add --article NUMBER (for example 405 or 460-1)."
        default:
            return nil
        }
    }

    static func query(_ error: CaseQueryError) -> String? {
        switch error {
        case .unknownProvision(let article, let instrument, let suggestions):
            let under = instrument.map { " of \($0)" } ?? ""
            if suggestions.isEmpty {
                return "No imported resolution or record mentions Article \(article)\(under): check the number, or list every article with 'casetrack articles'."
            }
            return "No imported resolution or record mentions Article \(article)\(under): did you mean Article "
                + suggestions.joined(separator: " or Article ") + "? ('casetrack articles' lists them all.)"
        case .unknownInstrument:
            return error.description + " ('casetrack articles' lists them all.)"
        case .unknownOrganisation(let name, let suggestions) where suggestions.isEmpty:
            return "No organisation matches '\(name)': list them with 'casetrack organisations'."
        case .ambiguousArticle(let article, let instruments):
            return "Article \(article) exists in several instruments: choose one with --instrument \(instruments.map(quotedArgument).joined(separator: " or --instrument "))."
        case .unknownDocument(let procedure, let known):
            if known.isEmpty { return "No imported resolution has procedure \(procedure) (none is imported yet): import it first with 'casetrack import'." }
            if error.description.contains("did you mean") { return nil }
            return "No imported resolution has procedure \(procedure) (imported: \(known.prefix(10).joined(separator: ", "))): check it with 'casetrack documents', or import it first."
        default:
            return nil
        }
    }

    /// `'Criminal Code', 'Penal Code'`.
    static func quoted(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// A value as typed on a shell command line: `"Criminal Code"`.
    static func quotedArgument(_ text: String) -> String {
        text.contains(where: { $0 == " " || $0 == "'" || $0 == "(" || $0 == ")" }) ? "\"\(text)\"" : text
    }

    struct Worded: Error, CustomStringConvertible {
        let description: String
    }
}
