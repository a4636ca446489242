import CaseIngest
import CaseQuery
import CaseStore
import Foundation
import Hummingbird

extension CaseWebApp {
    /// `/api/…`: the answers `--format json` prints, in the shapes CLI.md documents, for scripts.
    /// A script logs in with `POST /api/session` (JSON) and sends the cookie it gets back.
    func addAPIRoutes(to router: Router<WebContext>) {
        let api = router.group("api")
        api.post("session") { request, context in
            do {
                // JSON only: a form on another site cannot send it without the browser asking this server first.
                guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json") else { throw APIError.jsonOnly }
                var request = request
                let body = try await request.collectBody(upTo: WebLimits.formBytes)
                let login: APILogin
                do { login = try JSONDecoder().decode(APILogin.self, from: Data(buffer: body)) } catch { throw APIError.badLogin }
                guard let signedIn = try await self.verify(name: login.name, password: login.password, address: context.clientAddress) else {
                    return try Self.json(["error": Self.loginFailed], status: .unauthorized)
                }
                context.sessions.createSession(WebSession(accountID: signedIn.account.id, accountKey: signedIn.key, csrf: Tokens.random()))
                return try Self.json(signedIn.account)
            } catch {
                return Self.apiError(error)
            }
        }
        read(api, "persons") { request, queries in
            let query = Self.query(request)
            let filter = try Self.personFilter(query, withStatusOnly: query["with_status"] != nil)
            return try Self.json(try await Blocking.run { try queries.persons(filter) })
        }
        read(api, "status") { request, queries in
            let filter = try Self.personFilter(Self.query(request), withStatusOnly: true)
            return try Self.json(try await Blocking.run { try queries.persons(filter) })
        }
        read(api, "persons/:person") { request, queries in
            let person = try Self.personParameter(request)
            return try Self.json(try await Blocking.run { try queries.person(person) })
        }
        read(api, "persons/:person/history") { request, queries in
            let person = try Self.personParameter(request)
            return try Self.json(try await Blocking.run { try queries.history(person) })
        }
        read(api, "documents") { _, queries in try Self.json(try await Blocking.run { try queries.documents() }) }
        read(api, "documents/:id") { request, queries in
            let reference = String(request.uri.path.split(separator: "/").last ?? "")
            return try Self.json(try await Blocking.run { try queries.documentText(reference) })
        }
        read(api, "charged/:article") { request, queries in
            let query = Self.query(request)
            let article = String(request.uri.path.split(separator: "/").last ?? "").removingPercentEncoding ?? ""
            let evidence = try query["evidence"].map { text in
                guard let evidence = ChargeEvidence(rawValue: text) else { throw APIError.badEvidence(text) }
                return evidence
            }
            let instrument = query["instrument"]
            return try Self.json(try await Blocking.run { try queries.charged(article: article, instrument: instrument, evidence: evidence) })
        }
        read(api, "search") { request, queries in
            let text = Self.query(request)["q"] ?? ""
            let limit = min(500, max(1, Int(Self.query(request)["limit"] ?? "") ?? 20))
            return try Self.json(try await Blocking.run { try queries.search(text, limit: limit) })
        }
        read(api, "review") { _, queries in try Self.json(try await Blocking.run { try queries.pendingReviews() }) }
        read(api, "log") { request, queries in
            let limit = Int(Self.query(request)["limit"] ?? "")
            return try Self.json(try await Blocking.run { try queries.auditLog(limit: limit) })
        }
    }

    /// A GET under `/api/` for a logged-in user; errors are `{"error": sentence}` with a fitting status.
    func read(_ group: RouterGroup<WebContext>, _ path: RouterPath,
              _ body: @escaping @Sendable (Request, CaseQueries) async throws -> Response) {
        let queries = self.queries
        group.get(path) { request, context in
            guard context.account != nil else {
                return Self.apiError(APIError.loggedOut)
            }
            do { return try await body(request, queries) } catch { return Self.apiError(error) }
        }
    }

    static func apiError(_ error: any Error) -> Response {
        let (status, text) = error is APIError ? ((error as? APIError)?.status ?? .badRequest, "\(error)") : explain(error)
        return (try? json(["error": text], status: status)) ?? response(text, status: status, contentType: "text/plain; charset=utf-8")
    }

    /// The person of `/api/persons/PERSON`: an id, or a name (percent-encoded).
    static func personParameter(_ request: Request) throws -> String {
        let parts = request.uri.path.split(separator: "/")
        guard let index = parts.firstIndex(of: "persons"), index + 1 < parts.count,
              let person = String(parts[index + 1]).removingPercentEncoding else { throw APIError.badPerson }
        return person
    }
}

struct APILogin: Decodable, Sendable {
    var name: String
    var password: String
}

enum APIError: Error, CustomStringConvertible {
    case loggedOut
    case jsonOnly
    case badPerson
    case badEvidence(String)
    case badLogin

    var status: HTTPResponse.Status {
        switch self {
        case .loggedOut: return .unauthorized
        case .jsonOnly: return .unsupportedMediaType
        default: return .badRequest
        }
    }

    var description: String {
        switch self {
        case .loggedOut: return "Log in first: POST /api/session with {\"name\": ..., \"password\": ...} and send back the cookie it sets."
        case .jsonOnly: return "Send the login as JSON (Content-Type: application/json): {\"name\": ..., \"password\": ...}."
        case .badPerson: return "Name a person by id or name: /api/persons/12 or /api/persons/Ivan%20Petrov."
        case .badEvidence(let text): return "'\(text)' is not an evidence level: use stated, inferred or recorded."
        case .badLogin: return "The login is not JSON in UTF-8 with the text fields name and password: send {\"name\": ..., \"password\": ...}."
        }
    }
}
