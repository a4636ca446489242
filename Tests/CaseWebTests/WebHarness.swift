import CaseIngest
import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A casetrack web app over a fresh database with an editor and a reader, and a
/// browser that keeps its cookies: the tests' way in, through the router.
struct WebHarness {
    static let editorPassword = "editor password one"
    static let readerPassword = "reader password one"
    let database: CaseDatabase
    let app: CaseWebApp

    /// A fresh in-memory database with the two sample resolutions when `samples`, and two accounts.
    init(samples: Bool = true, throttle: LoginThrottle = LoginThrottle()) throws {
        setenv("CASETRACK_TEST_BCRYPT_COST", "4", 1)
        database = try CaseDatabase.inMemory()
        if samples {
            for file in ["ep-2021-2544-kazakhstan.txt", "ep-2022-2505-kazakhstan.txt"] {
                let data = try Data(contentsOf: Self.sampleData.appendingPathComponent(file))
                _ = try database.importResolution(try Extractor.extract(data: data, name: file), file: file, by: Recorder("importer"))
            }
        }
        _ = try database.addAccount(name: "anna", role: .editor, password: Self.editorPassword, by: Recorder("admin"))
        _ = try database.addAccount(name: "rob", role: .reader, password: Self.readerPassword, by: Recorder("admin"))
        app = try CaseWebApp(database: database, readers: [database], secureCookies: false, throttle: throttle)
    }

    static let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../SampleData").standardized

    /// Runs `body` with a client on the app's router.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await Application(router: app.router()).test(.router, body)
    }

    func auditCount() throws -> Int { try CaseQueries(database).auditLog().count }
}

/// Cookies and the form token of one logged-in browser.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    var cookieHeader: HTTPFields {
        cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")]
    }

    mutating func keepCookies(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            guard let pair = header.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    @discardableResult
    mutating func get(_ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: cookieHeader)
        keepCookies(response)
        if let token = Self.hiddenCSRF(String(buffer: response.body)) { csrf = token }
        return response
    }

    /// Posts a URL-encoded form, with this browser's form token unless `csrf` is given.
    @discardableResult
    mutating func post(_ uri: String, _ fields: [String: String], csrf: String? = nil) async throws -> TestResponse {
        var all = fields
        all["csrf"] = csrf ?? self.csrf
        let body = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = cookieHeader
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        keepCookies(response)
        return response
    }

    /// Posts a multipart upload form with one file.
    @discardableResult
    mutating func upload(_ uri: String, fileName: String, data: Data, fields: [String: String] = [:]) async throws -> TestResponse {
        let boundary = "casetrack-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields.merging(["csrf": csrf], uniquingKeysWith: { a, _ in a }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: text/plain\r\n\r\n".utf8)
        body += data + Data("\r\n--\(boundary)--\r\n".utf8)
        var headers = cookieHeader
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        keepCookies(response)
        return response
    }

    /// Logs in through the login form and picks up the session's form token.
    mutating func logIn(_ name: String, _ password: String) async throws -> TestResponse {
        let form = try await get("/login")
        let token = try #require(Self.hiddenCSRF(String(buffer: form.body)))
        let response = try await post("/login", ["name": name, "password": password], csrf: token)
        if response.status == .seeOther { try await get("/persons") }
        return response
    }

    static func hiddenCSRF(_ html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        let token = String(rest[..<end])
        return token.isEmpty ? nil : token
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String { headers[.location] ?? "" }
}
