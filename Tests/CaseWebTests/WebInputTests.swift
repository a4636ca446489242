import CaseQuery
import CaseStore
@testable import CaseWeb
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 22 point 8, the web's share: bytes that are not text, the login
/// cookie behind HTTPS, multipart forms and idle connections.
@Suite struct WebInputTests {
    /// The attack: invalid UTF-8 in an API login answered HTTP 500 with a decoding error.
    @Test func anAPILoginThatIsNotUTF8IsABadRequest() async throws {
        let harness = try WebHarness(samples: false)
        try await harness.test { client in
            var body = Data(#"{"name": "anna"#.utf8)
            body += Data([0xFF, 0xFE])
            body += Data(#"", "password": "x"}"#.utf8)
            let response = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("not JSON in UTF-8 with the text fields name and password"))
            let notJSON = try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{name"))
            #expect(notJSON.status == .badRequest)
        }
    }

    /// The attack: the login page's cookie lacked Secure under --secure-cookies.
    @Test func theLoginCookieIsSecureUnderSecureCookies() async throws {
        setenv("CASETRACK_TEST_BCRYPT_COST", "4", 1)
        let database = try CaseDatabase.inMemory()
        _ = try database.addAccount(name: "anna", role: .editor, password: WebHarness.editorPassword, by: Recorder("admin"))
        let app = try CaseWebApp(database: database, readers: [database], secureCookies: true)
        try await Application(router: app.router()).test(.router) { client in
            var browser = Browser(client)
            let form = try await browser.get("/login")
            let cookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("casetrack_login=") })
            #expect(cookie.contains("Secure") && cookie.contains("HttpOnly"))
            let login = try await browser.logIn("anna", WebHarness.editorPassword)
            #expect(login.headers[values: .setCookie].filter { $0.hasPrefix("casetrack_") }.allSatisfy { $0.contains("Secure") })
        }
        let plain = try WebHarness(samples: false)
        try await plain.test { client in
            let form = try await client.execute(uri: "/login", method: .get)
            #expect(form.headers[values: .setCookie].allSatisfy { !$0.contains("Secure") }, "plain HTTP on loopback still works")
        }
    }

    /// The attack: 0xFF bytes in a form were stored as replacement characters (and %FF dropped).
    @Test func bytesThatAreNotTextAreRefusedNotStored() async throws {
        let harness = try WebHarness(samples: false)
        try await harness.test { client in
            var browser = Browser(client)
            _ = try await browser.logIn("anna", WebHarness.editorPassword)
            let before = try harness.auditCount()
            var raw = Data("csrf=\(browser.csrf)&name=Ivan".utf8)
            raw += Data([0xFF])
            raw += Data("Petrov".utf8)
            for body in [raw, Data("csrf=\(browser.csrf)&name=Ivan%FFPetrov".utf8), Data("csrf=\(browser.csrf)&name=Ivan%E2%82".utf8)] {
                var headers = browser.cookieHeader
                headers[.contentType] = "application/x-www-form-urlencoded"
                let response = try await client.execute(uri: "/persons", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                #expect(response.status == .badRequest)
                #expect(response.text.contains("The form holds bytes that are not UTF-8 text in &#39;name&#39;") || response.text.contains("The form holds bytes that are not UTF-8 text in 'name'"),
                        "\(response.text.prefix(600))")
            }
            let multipart = try await browser.upload("/import", fileName: "x.txt", data: Data("text".utf8), fields: ["adopted": "2024\u{FFFD}"])
            #expect(multipart.status != .badRequest, "a real U+FFFD typed by a user is text")
            var part = Data("--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(browser.csrf)\r\n--b\r\nContent-Disposition: form-data; name=\"adopted\"\r\n\r\n".utf8)
            part += Data([0xFF]) + Data("\r\n--b--\r\n".utf8)
            var headers = browser.cookieHeader
            headers[.contentType] = "multipart/form-data; boundary=b"
            let refused = try await client.execute(uri: "/import", method: .post, headers: headers, body: ByteBuffer(bytes: part))
            #expect(refused.status == .badRequest && refused.text.contains("not UTF-8 text"))
            #expect(try harness.auditCount() == before)
            #expect(try names(harness).isEmpty)
            // Well-formed text still passes, accents and all.
            #expect(try await browser.post("/persons", ["name": "Iván Pétrov"]).status == .seeOther)
            #expect(try names(harness) == ["Iván Pétrov"])
        }
    }

    func names(_ harness: WebHarness) throws -> [String] {
        try harness.database.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM person ORDER BY id") }
    }

    /// The attack: 90k multipart parts took 17.8 s of CPU. Parsing is one
    /// pass (each byte compared at most twice), and a form has at most 200 parts.
    @Test func multipartParsingIsLinearAndBounded() throws {
        // Text built to make a naive search backtrack: many near-delimiters.
        let boundary = "----casetrackboundary0123456789"
        var body = Data()
        for index in 0..<150 {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"f\(index)\"\r\n\r\n".utf8)
            body += Data(String(repeating: "\r\n--\(boundary.dropLast())", count: 40).utf8) + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var work = 0
        let form = try #require(try FormFields.multipart(body, boundary: boundary, work: &work))
        #expect(form.values.count == 150)
        #expect(form.values["f7"]?.hasPrefix("\r\n--\(boundary.dropLast())") == true)
        #expect(work <= 2 * body.count, "\(work) comparisons for \(body.count) bytes")

        var many = Data()
        for index in 0..<90_000 { many += Data("--b\r\nContent-Disposition: form-data; name=\"f\(index)\"\r\n\r\nx\r\n".utf8) }
        many += Data("--b--\r\n".utf8)
        work = 0
        #expect(throws: WebError.self) { try FormFields.multipart(many, boundary: "b", work: &work) }
        #expect(work < 20_000, "refused after the 200th part, not after reading 90,000: \(work)")
        #expect(throws: WebError.self) { try FormFields.urlEncoded(Data(String(repeating: "a=1&", count: 90_000).utf8)) }
    }

    /// The attack: an idle connection was never closed. The server closes it
    /// after its idle timeout (60 s in `serve`; 1 s here).
    @Test func anIdleConnectionIsClosed() async throws {
        let harness = try WebHarness(samples: false)
        let application = harness.app.application(host: "127.0.0.1", port: 0, idleTimeout: .seconds(1))
        try await application.test(.live) { client in
            let port = try #require(client.port)
            let closed = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: Self.waitForClose(port: port, seconds: 15)) }
            }
            #expect(closed, "the server closed the idle connection")
        }
    }

    /// Connects to 127.0.0.1:`port`, sends nothing, and says whether the server closed the connection within `seconds`.
    static func waitForClose(port: Int, seconds: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return false }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 64)
        return recv(socket, &buffer, buffer.count, 0) == 0
    }
}
