import CaseStore
import Hummingbird
import HTTPTypes
import HummingbirdAuth

/// Headers every answer carries: no scripts, no framing, no sniffing, no referrer to other sites.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        if let referrerPolicy = HTTPField.Name("Referrer-Policy") { response.headers[referrerPolicy] = "same-origin" }
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

/// Puts the session's account on the context, checked against the database
/// on every request: the account must still exist under the session's id
/// (ids are never reused) and still hold the session's key (a new password
/// or role replaces it). Otherwise the session ends here.
struct SignedInMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let app: CaseWebApp

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let session = context.sessions.session {
            let readers = app.readerPool
            let account: Account?
            do {
                account = try await Blocking.run({ try readers.with { try $0.account(id: session.accountID, sessionKey: session.accountKey) } })
            } catch {
                // The database cannot be read (damaged, disk failing): this check runs before ErrorPageMiddleware,
                // so answer its 500 page in the app's frame here, not the browser's own empty-response page.
                guard !request.uri.path.hasPrefix("/api/") else { throw error }
                return app.errorPage(WebError.failed, context: context)
            }
            if let account { context.account = account } else { context.sessions.clearSession() }
        }
        return try await next(request, context)
    }
}
