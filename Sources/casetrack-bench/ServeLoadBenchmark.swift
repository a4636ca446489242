import CaseCorpus
import CaseStore
import CaseWeb
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB

/// `casetrack serve` under load on loopback, over the 100,000-person scale
/// database: requests a second and p50/p99 latency for the person list, a
/// history page and search. Bounded: a fixed number of requests per route,
/// each route stopped after a time cap, only 127.0.0.1.
enum ServeLoadBenchmark {
    struct Route {
        var name: String
        var requests: Int
        var paths: [String]
    }

    static func run(path: String, port: Int, concurrency: Int) async throws {
        say("# serve-load benchmark (release build), \(ProcessInfo.processInfo.activeProcessorCount) cores, database \(path)")
        if !FileManager.default.fileExists(atPath: path) {
            let seconds = try time { try ScaleBenchmark.generate(path: path, size: .init()) }
            say(String(format: "generated the scale database in %.1f s", seconds))
        }
        let password = "serve-load benchmark password"
        let ids = try prepare(path: path, password: password)
        var random = SeededRandom(seed: 11)

        let app = try CaseWebApp(databasePath: path)
        let server = Task { try await app.application(host: "127.0.0.1", port: port).run() }
        defer { server.cancel() }
        let base = "http://127.0.0.1:\(port)"
        let session = URLSession(configuration: .ephemeral)
        let cookie = try await logIn(session, base: base, password: password)

        let words = ["detained", "journalist", "\"hunger strike\"", "torture", "release AND prisoners", "extremism", "court", "lawyer"]
        let routes = [
            Route(name: "person list (/persons, first page of 100,000)", requests: 100, paths: ["/persons"]),
            Route(name: "history page (/persons/ID)", requests: 1000, paths: ids.map { "/persons/\($0)" }.shuffled(using: &random)),
            Route(name: "search (/search?q=…)", requests: 400, paths: words.map { "/search?q=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }),
            Route(name: "charged answer (/charged?article=…&instrument=…)", requests: 400, paths: try chargedPaths(path: path)),
        ]
        say("")
        say("concurrency \(concurrency), loopback only")
        say("")
        say("| route | requests | errors | req/s | p50 | p99 |")
        say("| --- | --- | --- | --- | --- | --- |")
        for route in routes {
            let result = try await load(route, base: base, cookie: cookie, session: session, concurrency: concurrency)
            say(String(format: "| %@ | %d | %d | %.1f | %.1f ms | %.1f ms |", route.name, result.latencies.count, result.errors,
                       Double(result.latencies.count) / result.seconds, percentile(result.latencies, 0.5), percentile(result.latencies, 0.99)))
        }
    }

    /// A reader account for the benchmark, and 500 persons to ask for. The connection is
    /// closed before the app opens the file, so the app's own connections are all it measures.
    static func prepare(path: String, password: String) throws -> [Int64] {
        let database = try CaseDatabase.open(path: path)
        if try database.accounts().contains(where: { $0.name == "bench" }) == false {
            _ = try database.addAccount(name: "bench", role: .reader, password: password, by: Recorder("casetrack-bench"))
        }
        let counts = try database.writer.read { db in
            try ["person", "document", "status_event"].map { "\($0): \(try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0)" }
        }
        say(counts.joined(separator: ", "))
        return try database.writer.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE merged_into_id IS NULL ORDER BY random() LIMIT 500") }
    }

    /// Fifty charged questions (an article and its instrument), as the Charged page links them.
    static func chargedPaths(path: String) throws -> [String] {
        let database = try CaseDatabase.open(path: path)
        return try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.article, i.name FROM provision p JOIN instrument i ON i.id = p.instrument_id ORDER BY random() LIMIT 50
                """).map { row in
                let article: String = row[0], instrument: String = row[1]
                return "/charged?article=\(article.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    + "&instrument=\(instrument.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }
        }
    }

    static func logIn(_ session: URLSession, base: String, password: String) async throws -> String {
        guard let url = URL(string: base + "/api/session") else { throw BenchError("bad address \(base)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(["name": "bench", "password": password])
        // The server may still be starting.
        for _ in 0..<50 {
            if let (_, response) = try? await session.data(for: request), let http = response as? HTTPURLResponse {
                guard http.statusCode == 200, let header = http.value(forHTTPHeaderField: "Set-Cookie"),
                      let pair = header.split(separator: ";").first else { throw BenchError("login failed: \(http.statusCode)") }
                return String(pair)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("the server did not answer on \(base)")
    }

    /// `route.requests` requests from `concurrency` clients, each waiting for its answer before the next; stops after 120 s.
    static func load(_ route: Route, base: String, cookie: String, session: URLSession, concurrency: Int) async throws
        -> (latencies: [Double], errors: Int, seconds: Double) {
        let clock = ContinuousClock(), start = clock.now, deadline = start + .seconds(120)
        let perClient = (route.requests + concurrency - 1) / concurrency
        let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for client in 0..<concurrency {
                group.addTask {
                    var latencies: [Double] = [], errors = 0
                    for index in 0..<perClient where client * perClient + index < route.requests && clock.now < deadline {
                        let path = route.paths[(client * perClient + index) % route.paths.count]
                        guard let url = URL(string: base + path) else { errors += 1; continue }
                        var request = URLRequest(url: url)
                        request.setValue(cookie, forHTTPHeaderField: "Cookie")
                        let sent = clock.now
                        let (_, response) = try await session.data(for: request)
                        let elapsed = clock.now - sent
                        latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                        if (response as? HTTPURLResponse)?.statusCode != 200 { errors += 1 }
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

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
