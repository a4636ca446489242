import CasePages
import CaseQuery
import CaseStore
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore

/// `casetrack serve`: the web app over one casetrack database.
///
/// Reads go through ``CaseQueries`` on a pool of read-only connections;
/// writes through the same ``CaseDatabase`` functions the CLI calls, each one
/// transaction with its audit entry under the logged-in user. Another
/// casetrack process may write the same file meanwhile (WAL, busy timeout).
public struct CaseWebApp: Sendable {
    let database: CaseDatabase
    /// Read connections (SQL cannot write), each serving one read at a time; each read takes the
    /// least busy when it starts (see ``LeastBusy``). Reads never wait behind this process's writes,
    /// which go through `database` alone.
    let readers: [CaseDatabase]
    let readerPool: LeastBusy<CaseDatabase>
    /// A read connection for a rare page (users, a login's account): any one.
    var reader: CaseDatabase { readers.randomElement() ?? database }
    var queries: CaseQueries { CaseQueries(readers: readerPool) }
    let pages: Pages
    let throttle: LoginThrottle
    /// At most one bcrypt check per spare core at once, so a flood of logins leaves other pages fast.
    let passwordChecks: WorkLimiter
    let imports = PendingImports()
    /// Recording forms already sent (their one-time `once` field): a second send records nothing.
    let sentForms = SentForms()
    /// Where uploads are read (worker processes under `casetrack serve`), and at most two at once.
    let uploadRunner: UploadRunner
    let uploadWork = WorkLimiter(maxRunning: 2, maxWaiting: 8, busy: .uploadsBusy)
    let sessionStore = MemoryPersistDriver()
    /// Cookies only over HTTPS (`--secure-cookies`, behind a reverse proxy that terminates TLS).
    let secureCookies: Bool

    /// Opens (creating or migrating) the database at `path` for writing, and a pool of readers beside it.
    /// `uploadRunner` says where uploaded resolutions are read: `casetrack serve` gives worker processes.
    /// `passwordChecksAtOnce` bounds the bcrypt checks run at once (default: one fewer than the cores, at least one).
    public init(databasePath path: String, secureCookies: Bool = false, uploadRunner: UploadRunner = .inProcess, passwordChecksAtOnce: Int? = nil) throws {
        let database = try CaseDatabase.open(path: path)
        try self.init(database: database, readers: try (0..<4).map { _ in try CaseDatabase.openReader(alongside: database) }, secureCookies: secureCookies,
                      passwordChecks: passwordChecksAtOnce.map { WorkLimiter(maxRunning: max(1, $0)) } ?? WorkLimiter(), uploadRunner: uploadRunner)
    }

    init(database: CaseDatabase, readers: [CaseDatabase], secureCookies: Bool, throttle: LoginThrottle = LoginThrottle(),
         passwordChecks: WorkLimiter = WorkLimiter(), uploadRunner: UploadRunner = .inProcess) throws {
        self.database = database
        self.readers = readers
        self.readerPool = LeastBusy(readers.isEmpty ? [database] : readers)
        self.pages = try Pages()
        self.throttle = throttle
        self.passwordChecks = passwordChecks
        self.uploadRunner = uploadRunner
        self.secureCookies = secureCookies
    }

    /// The app listening on `host:port` (loopback unless said otherwise).
    public func application(host: String, port: Int, logger: Logger? = nil, idleTimeout: TimeAmount = .seconds(60)) -> some ApplicationProtocol {
        var logger = logger ?? Logger(label: "casetrack.serve")
        if logger.logLevel > .info { logger.logLevel = .info }
        // An idle connection is closed after a minute: open sockets cannot pile up.
        return Application(router: router(), server: .http1(configuration: .init(idleTimeout: idleTimeout)),
                           configuration: .init(address: .hostname(host, port: port), serverName: "casetrack"),
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
        router.add(middleware: ErrorPageMiddleware(app: self))
        addLoginRoutes(to: router)
        addPageRoutes(to: router)
        addFormRoutes(to: router)
        addAPIRoutes(to: router)
        addUserRoutes(to: router)
        addClaimReviewRoutes(to: router)
        addRecordFromTextRoutes(to: router)
        return router
    }
}

/// An address no route answers, or a failure outside the pages' own handling: a 404 or 500 page in
/// the app's frame with a way back, instead of the browser's own (under `/api/` the bare status stays, for scripts).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let app: CaseWebApp

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            guard !request.uri.path.hasPrefix("/api/"), request.method == .get || request.method == .head else { throw error }
            if error.status == .notFound { return app.errorPage(WebError.notFound, context: context) }
            if error.status.code >= 500 { return app.errorPage(WebError.failed, context: context) }
            throw error
        } catch {
            guard !request.uri.path.hasPrefix("/api/") else { throw error }
            return app.errorPage(WebError.failed, context: context)
        }
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
        // Stopped (SIGINT or SIGTERM): readers first, then the writer, the file's last connection,
        // which checkpoints and removes the -wal; a -wal left behind would make the next command
        // verify it against the whole file.
        for reader in readers { try? reader.close() }
        try? database.close()
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
