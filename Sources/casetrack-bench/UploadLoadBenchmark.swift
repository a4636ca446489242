import CaseCorpus
import CaseIngest
import CaseStore
import CaseWeb
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `casetrack-bench upload-load`: another user's person list while an editor
/// posts large previews at once (issue 22 point 5). Each upload is a generated
/// resolution of about 640 KB naming about 20,000 invented persons (random
/// syllables, see ``CorpusGenerator``), sent to `POST /import` at the same
/// moment. Run twice: uploads read in the server's process (the library
/// default), then in `casetrack web-import-worker` processes with their time
/// and memory budget, as `casetrack serve` reads them.
/// Bounded: the reader stops after 20,000 requests or 300 s, an upload's
/// answer is awaited at most 300 s, only 127.0.0.1.
enum UploadLoadBenchmark {
    enum Mode: String, CaseIterable { case inProcess = "in-process", worker }

    static func run(port: Int, uploads: Int, recitals: Int, modes: [Mode], workerExecutable: URL) async throws {
        say("# upload-load benchmark (release build), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        say("load average before: \(loadAverage())")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-upload-load-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        let password = "upload-load benchmark password"
        do {
            let database = try CaseDatabase.open(path: path)
            for file in ["ep-2021-2544-kazakhstan.txt", "ep-2022-2505-kazakhstan.txt"] {
                let data = try Data(contentsOf: URL(fileURLWithPath: "SampleData").appendingPathComponent(file))
                _ = try database.importResolution(try Extractor.extract(data: data, name: file), file: file, by: Recorder("casetrack-bench"))
            }
            _ = try database.addAccount(name: "uploader", role: .editor, password: password, by: Recorder("casetrack-bench"))
            _ = try database.addAccount(name: "reader", role: .reader, password: password, by: Recorder("casetrack-bench"))
        }
        let texts = (0..<uploads).map { large(seed: 100 + UInt64($0), recitals: recitals) }
        for (index, text) in texts.enumerated() {
            say(String(format: "upload %d: %.0f KB, %d invented names in %d recitals", index + 1, Double(text.data.count) / 1024, text.names, recitals))
        }
        if modes.contains(.worker), !FileManager.default.isExecutableFile(atPath: workerExecutable.path) {
            throw BenchError("no casetrack binary at \(workerExecutable.path): build it first (swift build -c release --product casetrack)")
        }
        say("")
        say("| uploads read | reader's person list | requests | errors | p50 | p99 | max | over 200 ms |")
        say("| --- | --- | --- | --- | --- | --- | --- | --- |")
        var outcomes: [String] = []
        for (offset, mode) in modes.enumerated() {
            let runner: UploadRunner = mode == .inProcess ? .inProcess : .worker(executable: workerExecutable)
            let app = try CaseWebApp(databasePath: path, uploadRunner: runner)
            let port = port + offset
            let server = Task { try await app.application(host: "127.0.0.1", port: port).run() }
            defer { server.cancel() }
            let base = "http://127.0.0.1:\(port)"
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = 300
            configuration.timeoutIntervalForResource = 300
            let readerSession = URLSession(configuration: configuration), uploaderSession = URLSession(configuration: configuration)
            let readerCookie = try await logIn(readerSession, base: base, name: "reader", password: password)
            let uploaderCookie = try await logIn(uploaderSession, base: base, name: "uploader", password: password)
            let csrf = try await formToken(uploaderSession, base: base, cookie: uploaderCookie)

            func report(_ label: String, _ latencies: [Double], _ errors: Int) {
                say(String(format: "| %@ | %@ | %d | %d | %.1f ms | %.1f ms | %.1f ms | %d |", mode.rawValue, label, latencies.count, errors,
                           ServeLoadBenchmark.percentile(latencies, 0.5), ServeLoadBenchmark.percentile(latencies, 0.99), latencies.max() ?? 0,
                           latencies.filter { $0 > 200 }.count))
            }
            let alone = try await read(readerSession, base: base, cookie: readerCookie, count: 200, seconds: 60) { false }
            report("alone", alone.latencies, alone.errors)

            let done = Counter()
            let clock = ContinuousClock(), start = clock.now
            let posting = Task.detached { () -> [String] in
                await withTaskGroup(of: (Int, String).self) { group in
                    for (index, text) in texts.enumerated() {
                        group.addTask {
                            let sent = clock.now
                            let answer = await upload(uploaderSession, base: base, cookie: uploaderCookie, csrf: csrf,
                                                      name: "invented-\(index + 1).txt", data: text.data)
                            done.add()
                            return (index, String(format: "upload %d %@ after %.1f s", index + 1, answer, seconds(clock.now - sent)))
                        }
                    }
                    var lines: [(Int, String)] = []
                    for await line in group { lines.append(line) }
                    return lines.sorted { $0.0 < $1.0 }.map(\.1)
                }
            }
            // Let the uploads reach the server first.
            try await Task.sleep(for: .milliseconds(200))
            let during = try await read(readerSession, base: base, cookie: readerCookie, count: 20_000, seconds: 300) { done.value >= uploads }
            let answered = await posting.value
            report("during \(uploads) uploads", during.latencies, during.errors)
            outcomes.append("\(mode.rawValue): " + answered.joined(separator: "; ")
                            + String(format: " (all answered after %.1f s)", seconds(clock.now - start)))
            server.cancel()
            try await Task.sleep(for: .milliseconds(500))
        }
        say("")
        for line in outcomes { say(line) }
        say("load average after: \(loadAverage())")
    }

    /// An invented resolution of about 640 KB naming about 20,000 persons: `recitals` recitals (at most 702, A to ZZ)
    /// sharing the names, each padded with further whereas-clauses to its share of 640 KB. With the default 700
    /// recitals of 29 names each is short, as in a long real text; with 14, each is about 46,000 characters,
    /// just under the 50,000-character section limit.
    static func large(seed: UInt64, recitals count: Int) -> (data: Data, names: Int) {
        var generator = CorpusGenerator(seed: seed)
        let country = generator.word(2...3) + "ia"
        let perRecital = 20_300 / count, share = 640 * 1024 / count
        let padding = [
            "whereas independent observers report that they were held without charge;",
            "whereas their families and lawyers have been denied access to them and the authorities refuse to say where they are held;",
            "whereas several of them have been on hunger strike for weeks and independent doctors have not been allowed to examine them;",
        ]
        var recitals: [String] = [], names = 0
        for index in 0..<count {
            let people = (0..<perRecital).map { _ in generator.person() }
            names += people.count
            let list = people.dropLast().joined(separator: ", ") + " and " + people.last!
            var recital = "\(CorpusGenerator.label(index)). whereas \(30 + index % 60) political prisoners, including \(list), remain in detention in \(country);"
            var next = 0
            while recital.utf8.count + 60 < share {
                recital += " " + padding[next % padding.count]
                next += 1
            }
            recitals.append(recital)
        }
        let text = """
            European Parliament resolution of 12 March 2024 on the human rights situation in \(country) (2024/\(2000 + seed)(RSP))
            The European Parliament,
            – having regard to its previous resolutions on \(country),
            – having regard to the Universal Declaration of Human Rights,

            \(recitals.joined(separator: "\n"))
            1. Calls on the authorities of \(country) to immediately release all political prisoners;
            2. Instructs its President to forward this resolution to the Council and the Commission.
            """
        return (Data(text.utf8), names)
    }

    /// `count` requests for `/persons`, one after another, until `stop()` says so (checked after the first), or after `seconds`.
    static func read(_ session: URLSession, base: String, cookie: String, count: Int, seconds limit: Int,
                     stop: () -> Bool) async throws -> (latencies: [Double], errors: Int) {
        guard let url = URL(string: base + "/persons") else { throw BenchError("bad address \(base)") }
        var request = URLRequest(url: url)
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        let clock = ContinuousClock(), deadline = clock.now + .seconds(limit)
        var latencies: [Double] = [], errors = 0
        for _ in 0..<count where clock.now < deadline {
            if !latencies.isEmpty, stop() { break }
            let sent = clock.now
            let (_, response) = try await session.data(for: request)
            latencies.append(seconds(clock.now - sent) * 1000)
            if (response as? HTTPURLResponse)?.statusCode != 200 { errors += 1 }
        }
        return (latencies, errors)
    }

    /// Posts one file to the preview form; what came back, in a few words.
    static func upload(_ session: URLSession, base: String, cookie: String, csrf: String, name: String, data: Data) async -> String {
        guard let url = URL(string: base + "/import") else { return "bad address" }
        let boundary = "casetrack-bench-\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/plain\r\n\r\n".utf8)
        body += data + Data("\r\n--\(boundary)--\r\n".utf8)
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        do {
            let (answer, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let page = String(decoding: answer, as: UTF8.self)
            if page.contains("took longer than") { return "stopped by the time budget (\(status))" }
            if page.contains("needed more than") { return "stopped by the memory budget (\(status))" }
            if status == 200, page.contains("name=\"token\"") { return "previewed (200)" }
            if status == 200 { return "answered 200, no confirm form" }
            return "refused (\(status))"
        } catch {
            return "failed: \(error.localizedDescription)"
        }
    }

    static func logIn(_ session: URLSession, base: String, name: String, password: String) async throws -> String {
        guard let url = URL(string: base + "/api/session") else { throw BenchError("bad address \(base)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(["name": name, "password": password])
        // The server may still be starting.
        for _ in 0..<50 {
            if let (_, response) = try? await session.data(for: request), let http = response as? HTTPURLResponse {
                guard http.statusCode == 200, let header = http.value(forHTTPHeaderField: "Set-Cookie"),
                      let pair = header.split(separator: ";").first else { throw BenchError("login of \(name) failed: \(http.statusCode)") }
                return String(pair)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("the server did not answer on \(base)")
    }

    /// The session's form token, from the hidden field of the import page.
    static func formToken(_ session: URLSession, base: String, cookie: String) async throws -> String {
        guard let url = URL(string: base + "/import") else { throw BenchError("bad address \(base)") }
        var request = URLRequest(url: url)
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        let (data, _) = try await session.data(for: request)
        let html = String(decoding: data, as: UTF8.self)
        guard let range = html.range(of: "name=\"csrf\" value=\""), let end = html[range.upperBound...].firstIndex(of: "\"") else {
            throw BenchError("the import page has no form token")
        }
        return String(html[range.upperBound..<end])
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
    }

    /// How many uploads have been answered.
    final class Counter: Sendable {
        private let lock = NSLock()
        nonisolated(unsafe) private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
