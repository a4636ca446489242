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
    case badNumber(field: String, value: String)

    var status: HTTPResponse.Status {
        switch self {
        case .forbidden, .adminOnly, .badToken: return .forbidden
        case .tooManyLogins: return .tooManyRequests
        case .busy, .uploadsBusy: return .serviceUnavailable
        case .uploadTooLarge: return .contentTooLarge
        case .notFound: return .notFound
        default: return .badRequest
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
            return "The form needs '\(field)': fill it in and send it again."
        case .previewExpired:
            return "This preview has expired or was already imported: upload the file again to preview it."
        case .notFound:
            return "There is no such page: start from the list of persons."
        case .badNumber(let field, let value):
            return "'\(value)' is not a number for \(field): give a number such as 12."
        }
    }
}
