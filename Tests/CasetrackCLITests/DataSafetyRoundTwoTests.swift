import Foundation
import GRDB
import Testing

/// Issue 10: no command may destroy, lose or silently accept a damaged case file.
@Suite struct DataSafetyRoundTwoTests {
    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    static func files(in directory: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
    }

    // MARK: 1, 12 - outputs never overwrite, never land on the database

    @Test func exportNeverWritesOntoTheDatabaseOrItsJournalFiles() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Known Person").status == 0)
        let before = try cli.databaseBytes()
        for target in [cli.databasePath, cli.databasePath + "-wal", cli.databasePath + "-shm", "./cases.sqlite"] {
            for force in [[], ["--force"]] {
                let result = try cli.run(arguments: ["export", "--format", "json", "-o", target] + force)
                #expect(result.status == 1, "\(target) \(force): \(result.stderr)")
                #expect(result.stderr.contains("database"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
            }
        }
        #expect(try cli.databaseBytes() == before)
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath + "-wal"))
        #expect(try cli.run("check").status == 0)
    }

    @Test func exportAndHistoryKeepAnExistingFileUnlessForced() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Known Person").status == 0)
        let notes = cli.directory.appendingPathComponent("notes.txt")
        let mine = Data("my own notes\n".utf8)
        try mine.write(to: notes)
        for arguments in [["export", "--format", "json", "-o", notes.path], ["export", "--format", "popolo", "-o", notes.path],
                          ["history", "Known Person", "--format", "html", "-o", notes.path]] {
            let result = try cli.run(arguments: arguments)
            #expect(result.status == 1 && result.stderr.contains("--force"), "\(arguments): \(result.stderr)")
            #expect(try Data(contentsOf: notes) == mine)
        }
        let forced = try cli.run("export", "--format", "json", "-o", notes.path, "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8).contains("Known Person"))
        #expect(try Self.mode(notes.path) == 0o600)
        // No temporary file is left beside it.
        #expect(try Self.files(in: cli.directory) == ["cases.sqlite", "notes.txt"])

        let csv = cli.directory.appendingPathComponent("csv")
        #expect(try cli.run("export", "--format", "csv", "-o", csv.path).status == 0)
        let person = csv.appendingPathComponent("person.csv")
        try mine.write(to: person)
        let again = try cli.run("export", "--format", "csv", "-o", csv.path)
        #expect(again.status == 1 && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(try Data(contentsOf: person) == mine)
        #expect(try cli.run("export", "--format", "csv", "-o", csv.path, "--force").status == 0)
        #expect(try String(contentsOf: person, encoding: .utf8).contains("Known Person"))
    }

    @Test func anHTMLHistoryIsOwnerOnly() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Known Person").status == 0)
        let page = cli.directory.appendingPathComponent("page.html").path
        let result = try cli.run("history", "Known Person", "--format", "html", "-o", page)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.mode(page) == 0o600)
    }

    // MARK: 2 - concurrent creation of a new file

    @Test func manyProcessesCreatingOneNewDatabaseLoseNothing() throws {
        for round in 0..<6 {
            let cli = try CLIRunner()
            let names = (0..<12).map { "Person Number\(round)x\($0)" }
            var processes: [(Process, Pipe, Pipe)] = []
            for name in names {
                let process = Process()
                process.executableURL = CLIRunner.binary
                process.arguments = ["person", "add", name, "--db", cli.databasePath]
                let out = Pipe(), err = Pipe()
                process.standardOutput = out
                process.standardError = err
                try process.run()
                processes.append((process, out, err))
            }
            var acknowledged: [String] = []
            for (index, (process, out, err)) in processes.enumerated() {
                let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \(stderr)")
                if process.terminationStatus == 0, stdout.hasPrefix("Created") { acknowledged.append(names[index]) }
            }
            let listed = try cli.run("person", "list", "--format", "csv").stdout
            for name in acknowledged { #expect(listed.contains(name), "round \(round): \(name) was acknowledged but not stored") }
            #expect(try cli.run("check").status == 0)
        }
    }

    // MARK: 3 - a new file is casetrack's in every committed state

    /// The schema SQL, read from the repository.
    static func migrationSQL() throws -> [String] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Migrations").standardized
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
            .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func aFileWhoseCommittedDataIsOnlyInTheWALIsStillRecognised() throws {
        let cli = try CLIRunner()
        let live = cli.directory.appendingPathComponent("live.sqlite").path
        FileManager.default.createFile(atPath: live, contents: nil, attributes: [.posixPermissions: 0o600])
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        let queue = try DatabaseQueue(path: live, configuration: config)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for sql in try Self.migrationSQL() where !sql.contains("0004") { try db.execute(sql: sql) }
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('0001_initial'), ('0002_question_views')")
            try db.execute(sql: "PRAGMA application_id = 1129599563")
            try db.execute(sql: "INSERT INTO person (name, created_at) VALUES ('Walter Walsson', '2026-11-29T10:00:00Z')")
            try db.execute(sql: """
                INSERT INTO person_alias (person_id, alias, match_key, variant_key, family_key)
                VALUES (1, 'Walter Walsson', 'walsson walter', 'walson walter', 'walsson')
                """)
        }
        // What a SIGKILL leaves: the main file's header without the mark, the data in the -wal.
        try FileManager.default.copyItem(atPath: live, toPath: cli.databasePath)
        try FileManager.default.copyItem(atPath: live + "-wal", toPath: cli.databasePath + "-wal")
        try queue.close()
        let header = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath)).prefix(100)
        #expect(header[68..<72].allSatisfy { $0 == 0 })  // the situation the test is about
        let listed = try cli.run("person", "list")
        #expect(listed.status == 0 && listed.stdout.contains("Walter Walsson"), "\(listed.stderr)")
        let added = try cli.run("person", "add", "Second Person")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try cli.run("check").status == 0)
    }

    // MARK: 6 - read-only commands never create or change a file

    @Test func readOnlyCommandsRefuseAMissingOrEmptyFileAndCreateNothing() throws {
        let cli = try CLIRunner()
        let missing = cli.directory.appendingPathComponent("no/such/dir/cases.sqlite").path
        let empty = cli.directory.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: nil, attributes: [.posixPermissions: 0o600])
        for path in [missing, empty] {
            for command in [["check"], ["documents"], ["log"], ["person", "list"], ["backup", cli.directory.appendingPathComponent("b.sqlite").path]] {
                let result = try cli.run(arguments: command + ["--db", path])
                #expect(result.status == 1, "\(command) \(path): \(result.stdout)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("no").path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
        #expect(try Self.files(in: cli.directory) == ["empty.sqlite"])
    }

    // MARK: 8 - a refused file is left byte-for-byte as it was

    @Test func aForeignFileWithCasetracksMarkIsRefusedUntouched() throws {
        let cli = try CLIRunner()
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')")
            try db.execute(sql: "PRAGMA application_id = 1129599563")
        }
        try queue.close()
        let before = try cli.databaseBytes()
        for command in [["person", "add", "Someone"], ["import", ImportCLITests.first], ["check"], ["person", "list"]] {
            let result = try cli.run(arguments: command)
            #expect(result.status == 1 && result.stderr.contains("did not create"), "\(command): \(result.stderr)")
            #expect(try cli.databaseBytes() == before, "\(command)")
        }
        #expect(try Self.files(in: cli.directory) == ["cases.sqlite"])
    }

    // MARK: 4, 13 - backup into a full disk; busy writers

    /// Runs casetrack with a file-size limit, as a full disk would stop it.
    func runWithFileLimit(_ cli: CLIRunner, _ arguments: [String]) throws -> CLIRunner.Result {
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return try cli.run(arguments: ["-c", "trap '' XFSZ; ulimit -f 201; exec '\(CLIRunner.binary.path)' \(quoted)"],
                           binary: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func aBackupThatRunsOutOfSpaceSaysSoAndLeavesNoFile() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        let target = cli.directory.appendingPathComponent("backups/copy.sqlite")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try runWithFileLimit(cli, ["backup", target.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("space") && !result.stderr.contains("not an error"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try Self.files(in: target.deletingLastPathComponent()).isEmpty)
        // The name is free: a later backup succeeds.
        let later = try cli.run("backup", target.path)
        #expect(later.status == 0, "\(later.stderr)")
        #expect(try Self.files(in: target.deletingLastPathComponent()) == ["copy.sqlite"])
    }

    @Test func aWriterBlockedByAnotherProgramIsToldToTryAgain() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Known Person").status == 0)
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let result = try cli.run("person", "add", "Blocked Person")
            try db.execute(sql: "ROLLBACK")
            #expect(result.status == 1)
            #expect(result.stderr.lowercased().contains("another program is writing"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        try queue.close()
    }

    // MARK: 9 - control characters cannot forge log lines

    @Test(arguments: [
        ["person", "add", "Fresh Person", "--by", "anna\n2026-01-01T00:00:00Z  root  status set: forged"],
        ["person", "add", "Fresh Person", "--note", "line one\u{1B}[2Jcleared"],
        ["status", "set", "Known Person", "detained", "--source", "call\nforged line"],
        ["status", "set", "Known Person", "detained", "--source", "call", "--note", "a\rb"],
        ["charge", "add", "Known Person", "--article", "405", "--instrument", "Criminal Code", "--source", "x\ny"],
    ])
    func controlCharactersInActorsNotesAndSourcesAreRefused(arguments: [String]) throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Known Person").status == 0)
        let before = try cli.databaseBytes()
        let result = try cli.run(arguments: arguments)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("control characters"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try cli.databaseBytes() == before)
    }

    @Test func aFileNameWithALineBreakCannotForgeALogLine() throws {
        let cli = try CLIRunner()
        let name = cli.directory.appendingPathComponent("res\n2026-01-01T00:00:00Z  mallory  status set: forged.txt")
        try FileManager.default.copyItem(atPath: ImportCLITests.first, toPath: name.path)
        #expect(try cli.run("import", name.path).status == 0)
        let log = try cli.run("log")
        #expect(log.stdout.split(separator: "\n").count == 1, "\(log.stdout)")
        #expect(!log.stdout.contains("\n2026-01-01"))
    }

    // MARK: 10 - a file name starting with a dash

    @Test func aFileNameStartingWithADashIsImportedNotMistakenForHelp() throws {
        let cli = try CLIRunner()
        try FileManager.default.copyItem(atPath: ImportCLITests.first, toPath: cli.directory.appendingPathComponent("-leading-dash.txt").path)
        let result = try cli.run("import", "-leading-dash.txt")
        #expect(!result.stdout.contains("OVERVIEW"), "\(result.stdout)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try cli.run("documents").stdout.contains("2021/2544(RSP)"))
    }
}
