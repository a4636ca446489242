import CasePages
import CaseQuery
import CaseStore
import Foundation
import Hummingbird

/// What every page shows around its own content: who is logged in, the form token, a message.
struct WebPage {
    var user: String?
    var role: String?
    var editor: Bool
    /// Admins see the link to the users page.
    var admin: Bool
    var csrf: String
    /// A one-time token for the recording forms drawn on this page (``SentForms``).
    var once: String
    var flash: String?
    var error: String?
    var body: Any
}

extension CaseWebApp {
    /// An HTML page from `template`, with the chrome for `account`. A flash message is shown once.
    func html(_ template: String, _ body: Any, context: WebContext, status: HTTPResponse.Status = .ok, error: String? = nil) throws -> Response {
        let session = context.sessions.session
        var flash: String?
        if session?.flash != nil {
            flash = session?.flash
            context.sessions.withLockedSession { $0?.flash = nil }
        }
        let page = WebPage(user: context.account?.name, role: context.account?.role.rawValue, editor: context.account?.role.allows(.editor) == true, admin: context.account?.role == .admin,
                           csrf: context.account == nil ? "" : session?.csrf ?? "", once: Tokens.random(), flash: flash, error: error, body: body)
        // The model is read into field tables once: the renderer's own lookups mirror it again for every name.
        return Self.response(try pages.render(template, TemplateModel.wrap(page)), status: status, contentType: "text/html; charset=utf-8")
    }

    static func response(_ text: String, status: HTTPResponse.Status = .ok, contentType: String) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// JSON in the shapes `--format json` prints (CLI.md).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return response(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n", status: status, contentType: "application/json; charset=utf-8")
    }

    /// A page saying what went wrong and what to do, with the status that fits, in the app's frame with a way back.
    /// `wrote`: the request was a form that records (its heading says nothing was changed).
    func errorPage(_ error: any Error, context: WebContext, wrote: Bool = false) -> Response {
        let (status, text) = Self.explain(error)
        struct Message { var heading: String; var text: String; var back: String?; var backText: String }
        let heading: String
        switch status {
        case .forbidden: heading = "Not allowed"
        case .notFound: heading = "Not found"
        case .internalServerError: heading = "Something went wrong"
        default: heading = wrote ? "Nothing was changed" : "This cannot be shown"
        }
        do {
            return try html("message", Message(heading: heading, text: text, back: "/persons", backText: "Back to the list of persons"),
                            context: context, status: status)
        } catch {
            return Self.response(text, status: status, contentType: "text/plain; charset=utf-8")
        }
    }

    /// The status and sentence for an error: casetrack's own errors already say what to do.
    static func explain(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let error as WebError: return (error.status, error.description)
        case let error as FieldError: return (.unprocessableContent, error.description)
        case let error as CaseQueryError:
            switch error {
            case .unknownDocument: return (.notFound, error.description)
            default: return (.unprocessableContent, error.description)
            }
        case let error as CaseStoreError:
            switch error {
            case .unknownPerson, .unknownEvent, .unknownDocument, .unknownDocumentSuggesting, .unknownAccount: return (.notFound, error.description)
            case .busy: return (.serviceUnavailable, error.description)
            default: return (.unprocessableContent, error.description)
            }
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return (.contentTooLarge, WebError.uploadTooLarge(limit: WebLimits.uploadBytes).description)
        case let error as any CustomStringConvertible:
            return (.unprocessableContent, error.description)
        default:
            return (.internalServerError, "casetrack could not do this (\(error)); nothing was changed. Try again; if it happens again, tell whoever runs this server.")
        }
    }

    /// Where a logged-out visitor goes: the login page, then back here.
    static func toLogin(_ request: Request) -> Response {
        let path = request.method == .get ? request.uri.description : "/persons"
        let next = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/persons"
        return .redirect(to: "/login?next=\(next)")
    }

    /// The query string as a form (`+` and `%20` are spaces).
    static func query(_ request: Request) -> FormFields {
        FormFields.urlEncoded(request.uri.query ?? "")
    }

    /// Reads a POST body as a form: URL-encoded, or multipart for an upload (at most `limit` bytes).
    static func readForm(_ request: Request, limit: Int) async throws -> FormFields {
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch {
            throw WebError.uploadTooLarge(limit: limit)
        }
        let data = Data(buffer: buffer)
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = FormFields.parameter("boundary", in: type), let form = try FormFields.multipart(data, boundary: boundary) else {
                throw WebError.unreadableForm
            }
            return form
        }
        return try FormFields.urlEncoded(data)
    }

    /// A page for anyone logged in; a logged-out visitor is sent to log in.
    func page(_ router: Router<WebContext>, _ path: RouterPath,
              _ body: @escaping @Sendable (Request, WebContext, Account) async throws -> Response) {
        router.get(path) { request, context in
            guard let account = context.account else { return Self.toLogin(request) }
            do { return try await body(request, context, account) } catch { return self.errorPage(error, context: context) }
        }
    }

    /// A form that records something: editors and admins only (unless `role` says otherwise), with the session's
    /// form token, read within the size limit. The body's write is one transaction with its audit entry.
    /// `again`, when given, shows the form's page again after a refusal, with what was typed and the
    /// error beside its field; nil from it (or a refusal of the account or the token) gives the error page.
    func form(_ router: Router<WebContext>, _ path: RouterPath, role: AccountRole = .editor, limit: Int = WebLimits.formBytes,
              again: (@Sendable (FormFields, any Error, WebContext) async -> Response?)? = nil,
              _ body: @escaping @Sendable (FormFields, Request, WebContext, Account) async throws -> Response) {
        router.post(path) { request, context in
            guard let account = context.account else { return Self.toLogin(request) }
            var sent: FormFields?
            do {
                if !account.role.allows(role) { throw role == .admin ? WebError.adminOnly : WebError.forbidden }
                let form = try await Self.readForm(request, limit: limit)
                guard let token = form.values["csrf"], let session = context.sessions.session, Tokens.equal(token, session.csrf) else {
                    throw WebError.badToken
                }
                sent = form
                // A form sent before (a double click, a reload): nothing is recorded again.
                if let token = form.values["once"], !token.isEmpty {
                    // One page draws several forms with one token: each form is sent once.
                    let once = token + " " + request.uri.path
                    guard await sentForms.take(once) else { return alreadySent(request, context: context) }
                    do { return try await body(form, request, context, account) } catch {
                        await sentForms.giveBack(once)
                        throw error
                    }
                }
                return try await body(form, request, context, account)
            } catch {
                if let sent, let again, let response = await again(sent, error, context) { return response }
                return self.errorPage(error, context: context, wrote: true)
            }
        }
    }

    /// The answer to a form sent a second time: back to the page it was sent from (or the persons list),
    /// saying that it was recorded once and nothing more.
    func alreadySent(_ request: Request, context: WebContext) -> Response {
        var location = "/persons"
        // Only the path is taken: the answer never leads off this site.
        if let referer = request.headers[.referer], let url = URL(string: referer), url.path.hasPrefix("/"), !url.path.hasPrefix("//") {
            location = url.path
        }
        context.sessions.withLockedSession { session in
            let note = "This form was sent twice: it was recorded once, and the second sending changed nothing."
            let earlier = session?.flash
            session?.flash = earlier.map { $0 + " " + note } ?? note
        }
        return .redirect(to: location)
    }

    /// After a write: back to `location`, with `message` shown once there.
    func done(_ message: String, goTo location: String, context: WebContext) -> Response {
        context.sessions.withLockedSession { $0?.flash = message }
        return .redirect(to: location)
    }

    /// The audit log's name for the logged-in user.
    static func recorder(_ account: Account) -> Recorder { Recorder(account.name) }
}
