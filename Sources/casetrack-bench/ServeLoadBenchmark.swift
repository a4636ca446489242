import CaseCorpus
import CaseIngest
import CaseStore
import CaseWeb
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB

/// `casetrack serve` under load on loopback, over the 100,000-person scale
/// database: requests a second and p50/p99 latency for the person list, a
/// person page, search, the charged answer and a status write, and the same
/// questions asked through the CLI (one whole process each). Bounded: a fixed
/// number of requests per route, each route stopped after a time cap, only 127.0.0.1.
///
/// Without `--casetrack` the app runs inside this process. With `--casetrack BINARY`
/// (repeatable) each binary is measured in turn, `BINARY serve` as a child process
/// and `BINARY` for the CLI: before and after a change in one run, on one database.
enum ServeLoadBenchmark {
    struct Route {
        var name: String
        var requests: Int
        var paths: [String]
        /// A form to POST to each path (with the session's CSRF token), else a GET.
        var form: [(String, String)]? = nil
    }

    /// What the routes and the CLI questions ask for: the same persons, words and articles for every binary.
    struct Questions {
        var persons: [Int64]
        var words: [String]
        var charged: [(article: String, instrument: String)]
        var statuses: [String]
    }

    static let readerPassword = "serve-load benchmark password"
    static let editorPassword = "serve-load benchmark editor password"

    static func run(path: String, port: Int, concurrency: Int, binaries: [String], cliRuns: Int) async throws {
        say("# serve-load benchmark (release build), \(ProcessInfo.processInfo.activeProcessorCount) cores, database \(path)")
        if !FileManager.default.fileExists(atPath: path) {
            let seconds = try time { try ScaleBenchmark.generate(path: path, size: .init()) }
            say(String(format: "generated the scale database in %.1f s", seconds))
        }
        let questions = try prepare(path: path)
        if binaries.isEmpty {
            say("")
            say("## casetrack serve in this process; load average \(loadAverage())")
            let app = try CaseWebApp(databasePath: path)
            let server = Task { try await app.application(host: "127.0.0.1", port: port).run() }
            defer { server.cancel() }
            // In this process, the CPU column counts the clients' work too.
            try await measureServer(base: "http://127.0.0.1:\(port)", questions: questions, concurrency: concurrency, process: getpid())
            return
        }
        for (number, binary) in binaries.enumerated() {
            say("")
            say("## \(binary); load average \(loadAverage())")
            // Each binary on its own port: a socket the previous one left in TIME_WAIT never blocks it.
            let serverPort = port + number
            let server = Process()
            server.executableURL = URL(fileURLWithPath: binary)
            server.arguments = ["serve", "--db", path, "--port", String(serverPort)]
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            do {
                try await measureServer(base: "http://127.0.0.1:\(serverPort)", questions: questions, concurrency: concurrency, process: server.processIdentifier)
            } catch {
                server.terminate()
                server.waitUntilExit()
                throw error
            }
            server.terminate()
            server.waitUntilExit()
            say("")
            say("The same questions through the CLI (one whole process each, one at a time); load average \(loadAverage())")
            say("")
            try measureCLI(binary: binary, path: path, questions: questions, runs: cliRuns)
        }
    }

    /// `process`: the server's process, whose processor time per request is reported (repeatable under load, unlike the wall clock).
    static func measureServer(base: String, questions: Questions, concurrency: Int, process: Int32) async throws {
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        let reader = try await logIn(session, base: base, name: "bench", password: readerPassword)
        let editor = try await logIn(session, base: base, name: "bench-editor", password: editorPassword)
        let csrf = try await token(session, base: base, cookie: editor, person: questions.persons[0])
        func percent(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
        let routes = [
            Route(name: "person list (/persons, first page of 100,000)", requests: 100, paths: ["/persons"]),
            Route(name: "person page (/persons/ID)", requests: 1000, paths: questions.persons.map { "/persons/\($0)" }),
            Route(name: "search (/search?q=…)", requests: 400, paths: questions.words.map { "/search?q=\(percent($0))" }),
            Route(name: "charged answer (/charged?article=…&instrument=…)", requests: 400,
                  paths: questions.charged.map { "/charged?article=\(percent($0.article))&instrument=\(percent($0.instrument))" }),
            Route(name: "status write (POST /persons/ID/status)", requests: 200, paths: questions.persons.map { "/persons/\($0)/status" },
                  form: [("csrf", csrf), ("date", "2026-11"), ("source", "serve-load benchmark")]),
        ]
        say("")
        say("concurrency \(concurrency), loopback only")
        say("")
        say("| route | requests | errors | req/s | p50 | p99 | server CPU per request | target p99 | met |")
        say("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for route in routes {
            let cpu = processCPU(process)
            let result = try await load(route, base: base, cookie: route.form == nil ? reader : editor, session: session,
                                        concurrency: concurrency, statuses: questions.statuses)
            let perRequest = (processCPU(process) - cpu) * 1000 / Double(max(1, result.latencies.count))
            let target: Double = route.form == nil ? 50 : 100, p99 = percentile(result.latencies, 0.99)
            say(String(format: "| %@ | %d | %d | %.1f | %.1f ms | %.1f ms | %.2f ms | ≤ %.0f ms | %@ |", route.name, result.latencies.count, result.errors,
                       Double(result.latencies.count) / result.seconds, percentile(result.latencies, 0.5), p99,
                       perRequest, target, result.errors == 0 && p99 <= target ? "yes" : "no"))
        }
    }

    /// The questions of ``measureServer`` through `binary` as a user types them: one process at a time.
    static func measureCLI(binary: String, path: String, questions: Questions, runs: Int) throws {
        let cases: [(String, Int, (Int) -> [String])] = [
            ("casetrack person list (all 100,000)", max(3, runs / 4), { _ in ["person", "list"] }),
            ("casetrack history ID", runs, { ["history", String(questions.persons[$0 % questions.persons.count])] }),
            ("casetrack search QUERY", runs, { ["search", questions.words[$0 % questions.words.count]] }),
            ("casetrack charged ARTICLE --instrument I", runs, {
                let question = questions.charged[$0 % questions.charged.count]
                return ["charged", question.article, "--instrument", question.instrument]
            }),
            ("casetrack status set ID STATUS", runs, {
                ["status", "set", String(questions.persons[($0 + 250) % questions.persons.count]), questions.statuses[$0 % questions.statuses.count],
                 "--date", "2026-11", "--source", "serve-load benchmark", "--by", "bench"]
            }),
        ]
        say("| question | runs | p50 | p99 |")
        say("| --- | --- | --- | --- |")
        for (name, count, arguments) in cases {
            var samples: [Double] = []
            for index in 0..<count {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = arguments(index) + ["--db", path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                samples.append(try time {
                    try process.run()
                    process.waitUntilExit()
                } * 1000)
                guard process.terminationStatus == 0 else { throw BenchError("\(name) exited with \(process.terminationStatus)") }
            }
            say(String(format: "| %@ | %d | %.1f ms | %.1f ms |", name, samples.count, percentile(samples, 0.5), percentile(samples, 0.99)))
        }
    }

    /// A reader and an editor account for the benchmark, and the questions. The connection is
    /// closed before the app opens the file, so the app's own connections are all it measures.
    static func prepare(path: String) throws -> Questions {
        let database = try CaseDatabase.open(path: path)
        let names = Set(try database.accounts().map(\.name))
        if !names.contains("bench") {
            _ = try database.addAccount(name: "bench", role: .reader, password: readerPassword, by: Recorder("casetrack-bench"))
        }
        if !names.contains("bench-editor") {
            _ = try database.addAccount(name: "bench-editor", role: .editor, password: editorPassword, by: Recorder("casetrack-bench"))
        }
        let counts = try database.writer.read { db in
            try ["person", "document", "status_event"].map { "\($0): \(try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0)" }
        }
        say(counts.joined(separator: ", "))
        return try database.writer.read { db in
            // The same persons and articles every run (a seeded order, not random()).
            let persons = try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE merged_into_id IS NULL AND id % 197 = 3 ORDER BY id LIMIT 500")
            let charged = try Row.fetchAll(db, sql: """
                SELECT p.article, i.name FROM provision p JOIN instrument i ON i.id = p.instrument_id WHERE p.id % 19 = 5 ORDER BY p.id LIMIT 50
                """).map { row in (article: row[0] as String, instrument: row[1] as String) }
            var random = SeededRandom(seed: 11)
            return Questions(persons: persons.shuffled(using: &random),
                             words: ["detained", "journalist", "\"hunger strike\"", "torture", "release AND prisoners", "extremism", "court", "lawyer"],
                             charged: charged, statuses: ["detained", "released", "on trial", "sentenced", "at risk"])
        }
    }

    static func logIn(_ session: URLSession, base: String, name: String = "bench", password: String) async throws -> String {
        guard let url = URL(string: base + "/api/session") else { throw BenchError("bad address \(base)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(["name": name, "password": password])
        // The server may still be starting (a child process opens the database first).
        for _ in 0..<300 {
            if let (_, response) = try? await session.data(for: request), let http = response as? HTTPURLResponse {
                guard http.statusCode == 200, let header = http.value(forHTTPHeaderField: "Set-Cookie"),
                      let pair = header.split(separator: ";").first else { throw BenchError("login failed: \(http.statusCode)") }
                return String(pair)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("the server did not answer on \(base)")
    }

    /// The session's CSRF token, as the person page's forms carry it.
    static func token(_ session: URLSession, base: String, cookie: String, person: Int64) async throws -> String {
        guard let url = URL(string: base + "/persons/\(person)") else { throw BenchError("bad address \(base)") }
        var request = URLRequest(url: url)
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        let (data, _) = try await session.data(for: request)
        let page = String(decoding: data, as: UTF8.self)
        guard let field = page.range(of: "name=\"csrf\" value=\"") else { throw BenchError("no CSRF token on /persons/\(person)") }
        return String(page[field.upperBound...].prefix { $0 != "\"" })
    }

    /// `route.requests` requests from `concurrency` clients, each waiting for its answer before the next; stops after 120 s.
    /// A form's answer is the redirect after the write (not followed); a status write takes the statuses in turn.
    static func load(_ route: Route, base: String, cookie: String, session: URLSession, concurrency: Int, statuses: [String] = ["detained"]) async throws
        -> (latencies: [Double], errors: Int, seconds: Double) {
        let clock = ContinuousClock(), start = clock.now, deadline = start + .seconds(120)
        let perClient = (route.requests + concurrency - 1) / concurrency
        let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for client in 0..<concurrency {
                group.addTask {
                    var latencies: [Double] = [], errors = 0
                    for index in 0..<perClient where client * perClient + index < route.requests && clock.now < deadline {
                        let number = client * perClient + index
                        let path = route.paths[number % route.paths.count]
                        guard let url = URL(string: base + path) else { errors += 1; continue }
                        var request = URLRequest(url: url)
                        request.setValue(cookie, forHTTPHeaderField: "Cookie")
                        if let form = route.form {
                            request.httpMethod = "POST"
                            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
                            let fields = form + [("status", statuses[number % statuses.count])]
                            request.httpBody = Data(fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                                .joined(separator: "&").utf8)
                        }
                        let sent = clock.now
                        let (_, response) = try await session.data(for: request)
                        let elapsed = clock.now - sent
                        latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                        let status = (response as? HTTPURLResponse)?.statusCode
                        if route.form == nil ? status != 200 : !(status.map { (300..<400).contains($0) } ?? false) { errors += 1 }
                    }
                    return (latencies, errors)
                }
            }
            var all: ([Double], Int) = ([], 0)
            for try await (latencies, errors) in group { all.0 += latencies; all.1 += errors }
            return all
        }
        let elapsed = clock.now - start
        return (results.0, results.1, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Seconds of processor time (user and system) `pid` has used, from /proc (0 where unreadable).
    static func processCPU(_ pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = text.lastIndex(of: ")") else { return 0 }
        // After the command's closing parenthesis: state is field 3, utime 14 and stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    /// The 1-, 5- and 15-minute load averages (other work on the machine skews every figure).
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// Answers a write's redirect as it is: the write's latency is the write, not the page after it.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
