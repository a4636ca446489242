import CasePages
import CaseQuery
import CaseStore
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging

/// `casetrack serve`: the web app over one casetrack database.
///
/// Reads go through ``CaseQueries`` on a pool of read-only connections;
/// writes through the same ``CaseDatabase`` functions the CLI calls, each one
/// transaction with its audit entry under the logged-in user. Another
/// casetrack process may write the same file meanwhile (WAL, busy timeout).
public struct CaseWebApp: Sendable {
    let database: CaseDatabase
    /// Read connections (SQL cannot write); each read takes one at random, each serves one read at a
    /// time. Reads never wait behind this process's writes, which go through `database` alone.
    let readers: [CaseDatabase]
    var reader: CaseDatabase { readers.randomElement() ?? database }
    var queries: CaseQueries { CaseQueries(reader) }
    let pages: Pages
    let throttle: LoginThrottle
    let imports = PendingImports()
    let sessionStore = MemoryPersistDriver()
    /// Cookies only over HTTPS (`--secure-cookies`, behind a reverse proxy that terminates TLS).
    let secureCookies: Bool

    /// Opens (creating or migrating) the database at `path` for writing, and a pool of readers beside it.
    public init(databasePath path: String, secureCookies: Bool = false) throws {
        let database = try CaseDatabase.open(path: path)
        try self.init(database: database, readers: try (0..<4).map { _ in try CaseDatabase.openReader(alongside: database) }, secureCookies: secureCookies)
    }

    init(database: CaseDatabase, readers: [CaseDatabase], secureCookies: Bool, throttle: LoginThrottle = LoginThrottle()) throws {
        self.database = database
        self.readers = readers
        self.pages = try Pages()
        self.throttle = throttle
        self.secureCookies = secureCookies
    }

    /// The app listening on `host:port` (loopback unless said otherwise).
    public func application(host: String, port: Int, logger: Logger? = nil) -> some ApplicationProtocol {
        var logger = logger ?? Logger(label: "casetrack.serve")
        if logger.logLevel > .info { logger.logLevel = .info }
        return Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "casetrack"),
                           services: [sessionStore], logger: logger)
    }

    /// Every route, behind the security headers, the session and the account check.
    func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(storage: sessionStore, configuration: .init(
            sessionCookieParameters: .init(name: "casetrack_session", path: "/", secure: secureCookies, sameSite: .strict),
            defaultSessionExpiration: .seconds(12 * 60 * 60))))
        router.add(middleware: SignedInMiddleware(app: self))
        addLoginRoutes(to: router)
        addPageRoutes(to: router)
        addFormRoutes(to: router)
        addAPIRoutes(to: router)
        addClaimReviewRoutes(to: router)
        return router
    }
}


extension CaseWebApp {
    /// Serves until SIGINT or SIGTERM, blocking the calling thread (for a synchronous command's `run()`).
    public func serve(host: String, port: Int) throws {
        let application = application(host: host, port: port)
        let outcome = ServeOutcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do { try await application.runService() } catch { outcome.set(error) }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
    }
}

/// The error a server stopped with, handed from its task to the waiting thread.
private final class ServeOutcome: Sendable {
    private let box = NSLock()
    nonisolated(unsafe) private var stored: (any Error)?

    func set(_ error: any Error) { box.withLock { stored = error } }
    var error: (any Error)? { box.withLock { stored } }
}
