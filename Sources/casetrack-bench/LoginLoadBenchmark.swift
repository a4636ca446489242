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

/// `casetrack-bench login-load`: another user's person list while 200
/// unauthenticated logins arrive at once, each from its own loopback address
/// (127.0.1.x, so the per-address limit does not stop them), with wrong
/// passwords for 200 different names (so the per-name limit does not either):
/// what is left to bound them is the cap on bcrypt checks at once.
/// Bounded: 200 logins, 400 page requests, 60 s per socket, only 127.0.0.0/8.
enum LoginLoadBenchmark {
    static func run(port: Int, logins: Int = 200) async throws {
        say("# login-load benchmark, \(ProcessInfo.processInfo.activeProcessorCount) cores, bcrypt cost \(PasswordHashing.cost)")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("casetrack-login-load-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
        let password = "login-load benchmark password"
        do {
            let database = try CaseDatabase.open(path: path)
            for file in ["ep-2021-2544-kazakhstan.txt", "ep-2022-2505-kazakhstan.txt"] {
                let data = try Data(contentsOf: URL(fileURLWithPath: "SampleData").appendingPathComponent(file))
                _ = try database.importResolution(try Extractor.extract(data: data, name: file), file: file, by: Recorder("casetrack-bench"))
            }
            _ = try database.addAccount(name: "bench", role: .reader, password: password, by: Recorder("casetrack-bench"))
        }
        say("")
        say("| person list, 4 clients | requests | errors | req/s | p50 | p99 |")
        say("| --- | --- | --- | --- | --- | --- |")
        var answers: [String] = []
        // 64 checks at once stands for no bound (the per-address and per-name limits are not reached here).
        for (offset, atOnce) in [64, max(1, ProcessInfo.processInfo.activeProcessorCount - 1)].enumerated() {
            let app = try CaseWebApp(databasePath: path, passwordChecksAtOnce: atOnce)
            let port = port + offset
            let server = Task { try await app.application(host: "127.0.0.1", port: port).run() }
            defer { server.cancel() }
            let base = "http://127.0.0.1:\(port)"
            let session = URLSession(configuration: .ephemeral)
            let cookie = try await ServeLoadBenchmark.logIn(session, base: base, password: password)
            let route = ServeLoadBenchmark.Route(name: "person list (/persons)", requests: 400, paths: ["/persons"])
            func report(_ label: String, _ result: (latencies: [Double], errors: Int, seconds: Double)) {
                say(String(format: "| %@ | %d | %d | %.1f | %.1f ms | %.1f ms |", label, result.latencies.count, result.errors,
                           Double(result.latencies.count) / result.seconds, ServeLoadBenchmark.percentile(result.latencies, 0.5),
                           ServeLoadBenchmark.percentile(result.latencies, 0.99)))
            }
            report("alone, \(atOnce) bcrypt at once", try await ServeLoadBenchmark.load(route, base: base, cookie: cookie, session: session, concurrency: 4))
            let flooding = Task.detached { Self.flood(port: port, count: logins) }
            // Let the flood arrive first.
            try await Task.sleep(for: .milliseconds(300))
            report("during \(logins) logins, \(atOnce) bcrypt at once",
                   try await ServeLoadBenchmark.load(route, base: base, cookie: cookie, session: session, concurrency: 4))
            let answered = await flooding.value
            answers.append("\(atOnce) at once: " + answered.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", "))
            server.cancel()
            try await Task.sleep(for: .milliseconds(500))
        }
        say("")
        say("the logins were answered: " + answers.joined(separator: "; "))
    }

    /// Sends `count` logins at once over raw sockets, the i-th from 127.0.1.(i+1); returns how many got each answer.
    static func flood(port: Int, count: Int) -> [String: Int] {
        let group = DispatchGroup()
        let lock = NSLock()
        nonisolated(unsafe) var answers: [String: Int] = [:]
        for index in 0..<count {
            DispatchQueue.global().async(group: group) {
                let answer = login(from: "127.0.\(1 + index / 250).\(1 + index % 250)", port: port, name: "guess-\(index)")
                lock.withLock { answers[answer, default: 0] += 1 }
            }
        }
        group.wait()
        return answers
    }

    /// One `POST /api/session` with a wrong password from `source`; the answer's status code, or what failed.
    static func login(from source: String, port: Int, name: String) -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return "no socket" }
        defer { close(socket) }
        func address(_ host: String, _ port: Int) -> sockaddr_in {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr(host)
            return address
        }
        var local = address(source, 0), remote = address("127.0.0.1", port)
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        guard withUnsafePointer(to: &local, { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, size) } }) == 0 else { return "no bind" }
        guard withUnsafePointer(to: &remote, { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, size) } }) == 0 else { return "no connect" }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let body = #"{"name": "\#(name)", "password": "not the password at all"}"#
        let request = "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        let bytes = Array(request.utf8)
        guard send(socket, bytes, bytes.count, 0) == bytes.count else { return "not sent" }
        var buffer = [UInt8](repeating: 0, count: 64)
        let read = recv(socket, &buffer, buffer.count, 0)
        guard read > 12 else { return "no answer" }
        return String(decoding: buffer[9..<12], as: UTF8.self)
    }
}
