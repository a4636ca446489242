import CaseStore
import Foundation
import Hummingbird

extension CaseWebApp {
    /// The login form's token: a cookie and a hidden field that must match, so
    /// another site cannot log a browser in under its own account.
    static let loginCookie = "casetrack_login"
    /// The same words for an unknown name and a wrong password: the page tells nothing about which names exist.
    static let loginFailed = "The user name or the password is not right: check both and try again."

    func addLoginRoutes(to router: Router<WebContext>) {
        router.get("/") { request, context in
            context.account == nil ? Self.toLogin(request) : Response.redirect(to: "/persons")
        }
        router.get("/login") { request, context in
            if context.account != nil { return Response.redirect(to: "/persons") }
            return try self.loginPage(next: Self.query(request)["next"], context: context)
        }
        router.post("/login") { request, context in
            do {
                let form = try await Self.readForm(request, limit: WebLimits.formBytes)
                guard let token = form.values["csrf"], let cookie = request.cookies[Self.loginCookie]?.value, Tokens.equal(token, cookie) else {
                    throw WebError.badToken
                }
                let name = form["name"] ?? "", password = form.values["password"] ?? ""
                guard let login = try await self.verify(name: name, password: password, address: context.clientAddress) else {
                    return try self.loginPage(next: form["next"], context: context, status: .unauthorized, error: Self.loginFailed)
                }
                context.sessions.createSession(WebSession(accountID: login.account.id, accountKey: login.key, csrf: Tokens.random()))
                var response = Response.redirect(to: Self.localPath(form["next"]) ?? "/persons")
                response.setCookie(Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/login", secure: secureCookies, sameSite: .strict))
                return response
            } catch {
                return self.errorPage(error, context: context)
            }
        }
        form(router, "/logout", role: .reader) { _, _, context, _ in
            context.sessions.clearSession()
            return .redirect(to: "/login")
        }
    }

    /// The account for a name and password, within the rate limit; nil when they do not match.
    /// The name is normalised once, as the store compares names, for both the limit and the lookup;
    /// the bcrypt check waits for a free place (``WorkLimiter``).
    func verify(name: String, password: String, address: String) async throws -> AccountSession? {
        let name = CaseDatabase.accountKey(name)
        guard await throttle.begin(address: address, name: name) else { throw WebError.tooManyLogins }
        let database = reader
        let login: AccountSession?
        do {
            login = try await passwordChecks.run { try database.login(name: name, password: password) }
        } catch {
            // Not checked (the server was busy, the database failed): not a guess either way.
            await throttle.finished(address: address, name: name, succeeded: nil)
            throw error
        }
        await throttle.finished(address: address, name: name, succeeded: login != nil)
        return login
    }

    func loginPage(next: String?, context: WebContext, status: HTTPResponse.Status = .ok, error: String? = nil) throws -> Response {
        struct Login { var token: String; var next: String }
        let token = Tokens.random()
        var response = try html("login", Login(token: token, next: Self.localPath(next) ?? ""), context: context, status: status, error: error)
        // Secure under --secure-cookies, as the session cookie is.
        response.setCookie(Cookie(name: Self.loginCookie, value: token, path: "/login", secure: secureCookies, sameSite: .strict))
        return response
    }

    /// `next` when it is a path on this site (not `//elsewhere` or `https://…`): no open redirect.
    static func localPath(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x21 }) else { return nil }
        return next
    }
}
