import CaseQuery
import CaseStore
import HTTPTypes

/// What the web app refuses, each with the status it answers and a sentence saying what to do.
enum WebError: Error, CustomStringConvertible {
    case forbidden
    case adminOnly
    case badToken
    case tooManyLogins
    case busy
    case uploadsBusy
    case uploadTooLarge(limit: Int)
    case noFile
    case unreadableForm
    case notText(field: String?)
    case tooManyFields(Int)
    case missingField(String)
    case previewExpired
    case notFound
    case failed
    case badNumber(field: String, value: String)

    var status: HTTPResponse.Status {
        switch self {
        case .forbidden, .adminOnly, .badToken: return .forbidden
        case .tooManyLogins: return .tooManyRequests
        case .busy, .uploadsBusy: return .serviceUnavailable
        case .uploadTooLarge: return .contentTooLarge
        case .notFound: return .notFound
        case .failed: return .internalServerError
        default: return .badRequest
        }
    }

    /// The form field an error is about, if any.
    var field: String? {
        switch self {
        case .missingField(let field): return field
        case .badNumber(let field, _): return field
        case .noFile: return "file"
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .forbidden:
            return "Your account can read but not record: ask an admin to give you the editor role."
        case .adminOnly:
            return "Only an admin can manage the users: ask one of them."
        case .badToken:
            return "This form is out of date (its security token does not match your session): reload the page and send it again."
        case .tooManyLogins:
            return "Too many login attempts for this user name or from this address: wait a while (an hour at most), then try again."
        case .busy:
            return "The server is busy checking other logins: try again in a moment."
        case .uploadsBusy:
            return "The server is busy reading other uploads: try again in a minute."
        case .uploadTooLarge(let limit):
            return "The file is larger than \(limit / 1024 / 1024) MB, more than any resolution: check that it is the right file."
        case .noFile:
            return "No file was sent: choose the resolution file, then Preview."
        case .notText(let field):
            let which = field.map { " in '\($0)'" } ?? ""
            return "The form holds bytes that are not UTF-8 text\(which): type that text again (or paste it from a UTF-8 source) and send it again; nothing was changed."
        case .tooManyFields(let limit):
            return "The form has more than \(limit) fields, more than any casetrack form: reload the page and send it again."
        case .unreadableForm:
            return "The form could not be read: reload the page and send it again."
        case .missingField(let field):
            return "Fill in \(FieldError.label(field)), then send the form again."
        case .previewExpired:
            return "This preview has expired or was already imported: upload the file again to preview it."
        case .notFound:
            return "There is no page at this address: it may have been mistyped, or the link is out of date."
        case .failed:
            return "casetrack could not answer this page; nothing was changed. Try again; if it happens again, tell whoever runs this server."
        case .badNumber(let field, let value):
            return "'\(value)' is not a number for \(field): give a number such as 12."
        }
    }
}

/// A value typed into one field that cannot be used: the field's name and a sentence for beside it.
struct FieldError: Error, CustomStringConvertible {
    var field: String
    var description: String

    /// Reads `field` with `parse`; a failure is an error beside that field, in the parser's words.
    static func reading<T>(_ field: String, _ parse: () throws -> T) throws -> T {
        do { return try parse() } catch let error as FieldError { throw error } catch {
            throw FieldError(field: field, description: String(describing: error))
        }
    }

    /// The field an error is about, as the forms name their inputs; nil for an error about no one field.
    static func field(of error: any Error) -> String? {
        switch error {
        case let error as FieldError: return error.field
        case let error as WebError: return error.field
        case let error as CaseStoreError: return error.field
        case let error as CaseQueryError: return error.field
        default: return nil
        }
    }

    /// How the forms label a field, for sentences that name it.
    static func label(_ field: String) -> String {
        switch field {
        case "name": return "Name"
        case "status": return "Status"
        case "date": return "Date"
        case "source": return "Source"
        case "document": return "the resolution's procedure"
        case "section": return "its section"
        case "article": return "Article"
        case "instrument": return "Instrument"
        case "stage": return "Stage"
        case "reason": return "the reason"
        case "alias": return "Alias"
        case "other", "kept", "absorbed", "first", "second": return "the other person"
        case "q": return "the words to search for"
        case "procedure": return "the procedure"
        default: return "'\(field)'"
        }
    }
}
