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
        // No temporary file is left beside it (a read opens the database read-only: SQLite may leave its -wal and -shm).
        #expect(try Self.files(in: cli.directory).subtracting(["cases.sqlite-wal", "cases.sqlite-shm"]) == ["cases.sqlite", "notes.txt"])

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

    @Test func twoImportsIntoANewFileAtOnceBothSucceed() throws {
        for round in 0..<5 {
            let cli = try CLIRunner()
            let first = try DataSafetyTests.corpus(in: cli.directory, count: 6, seed: 50 + UInt64(round), from: 0)
            let second = try DataSafetyTests.corpus(in: cli.directory, count: 6, seed: 60 + UInt64(round), from: 100)
            var all = first
            all.expected.merge(second.expected) { a, _ in a }
            let processes = try [first, second].map { corpus in
                let process = Process()
                process.executableURL = CLIRunner.binary
                process.arguments = ["import", "--db", cli.databasePath] + corpus.paths
                let err = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = err
                try process.run()
                return (process, err)
            }
            for (process, err) in processes {
                let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \(stderr)")
            }
            #expect(try DataSafetyTests.documentsAreWhole(cli.databasePath, all) == 12, "round \(round)")
        }
    }

    // MARK: 3 - a new file is casetrack's in every committed state

    /// The schema SQL, read from the repository.
    static func migrationSQL(before limit: String = "0003") throws -> [String] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Migrations").standardized
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") && $0 < limit }.sorted()
            .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func aFileWhoseCommittedDataIsOnlyInTheWALIsStillRecognised() throws {
        let cli = try CLIRunner()
        let live = cli.directory.appendingPathComponent("live.sqlite").path
        _ = FileManager.default.createFile(atPath: live, contents: nil, attributes: [.posixPermissions: 0o600])
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        let queue = try DatabaseQueue(path: live, configuration: config)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for sql in try Self.migrationSQL() { try db.execute(sql: sql) }
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
        _ = FileManager.default.createFile(atPath: empty, contents: nil, attributes: [.posixPermissions: 0o600])
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

    // MARK: 5 - bytes that are not text are named, not a crash

    @Test func rowsThatAreNotTextAreNamedByCheckAndLog() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Known Person").status == 0)
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO audit_log (at, by, command, summary) VALUES ('2026-01-01T00:00:00Z', x'41ff42', 'person add', 'x')")
            try db.execute(sql: "UPDATE person SET note = CAST(x'41ff42' AS TEXT) WHERE id = 1")
        }
        try queue.close()
        let log = try cli.run("log")
        #expect(log.status == 1, "\(log.stderr)")
        #expect(log.stderr.contains("Row 2 of table audit_log"), "\(log.stderr)")
        #expect(log.stderr.split(separator: "\n").count == 1)
        let check = try cli.run("check")
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("table audit_log row 2: its by"), "\(check.stdout)")
        #expect(check.stdout.contains("table person row 1: its note"), "\(check.stdout)")
    }

    // MARK: 7 - check finds tampering

    static let tampering: [(String, String)] = [
        ("UPDATE document SET text = replace(text, 'Kazakhstan', 'Kazakstan') WHERE id = 1", "does not match its SHA-256"),
        ("UPDATE document SET sha256 = '0' || substr(sha256, 2) WHERE id = 1", "does not match its SHA-256"),
        ("DROP TRIGGER IF EXISTS status_retraction_no_update; UPDATE status_retraction SET event_id = 2", "status_retraction_no_update is missing"),
        ("DROP TRIGGER IF EXISTS status_event_person_follows_merge; UPDATE status_event SET person_id = 5 WHERE id = 1", "status_event_person_follows_merge is missing"),
        ("DROP TRIGGER IF EXISTS status_event_effective_date_derived; UPDATE status_event SET effective_date = '1999', effective_start = '1999-01-01' WHERE id = 1", "it was redated"),
        ("INSERT INTO status_event (person_id, status, evidence, source_text, recorded_by, recorded_at) VALUES (1, 'released', 'recorded', 'x', 'eve', 'now')", "no audit entry"),
        ("INSERT INTO status_retraction (event_id, reason, recorded_by, recorded_at) VALUES (3, 'gone', 'eve', 'now')", "no audit entry"),
        ("DROP TRIGGER audit_log_no_delete", "audit_log_no_delete is missing"),
        ("DROP TRIGGER audit_log_no_update; CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF summary ON audit_log BEGIN SELECT RAISE(ABORT, 'no'); END", "audit_log_no_update differs"),
        ("DROP TRIGGER section_fts_insert", "section_fts_insert is missing"),
        ("DROP TRIGGER document_dating", "document_dating is missing"),
        ("CREATE TRIGGER quietly AFTER INSERT ON status_event BEGIN DELETE FROM release_call; END", "quietly was not created by casetrack"),
        ("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET by = 'mallory' WHERE id = 1", "audit entry 1 does not follow"),
        ("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log", "the audit log was cut"),
    ]

    @Test(arguments: DataSafetyRoundTwoTests.tampering)
    func checkFindsTampering(sql: String, expected: String) throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        #expect(try cli.run("status", "set", "1", "released", "--date", "2022-01", "--source", "call").status == 0)
        #expect(try cli.run("status", "retract", "1", "--reason", "another person").status == 0)
        #expect(try cli.run("check").status == 0)
        let queue = try DatabaseQueue(path: cli.databasePath)
        // As sqlite3 would do it: foreign keys are not enforced there by default.
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = OFF; " + sql) }
        try queue.close()
        let result = try cli.run("check")
        #expect(result.status == 1)
        #expect(result.stdout.contains(expected), "\(result.stdout)")
    }

    @Test func aDatabaseOfTheFirstReleaseIsReadAsItIsAndUpgradedByAWrite() throws {
        let cli = try CLIRunner()
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in
            for sql in try Self.migrationSQL() { try db.execute(sql: sql) }
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('0001_initial'), ('0002_question_views')")
            try db.execute(sql: "PRAGMA application_id = 1129599563")
            try db.execute(sql: "INSERT INTO person (name, created_at) VALUES ('Old Person', 'then')")
            try db.execute(sql: "INSERT INTO status_event (person_id, status, evidence, source_text, recorded_by, recorded_at) VALUES (1, 'detained', 'recorded', 'x', 'anna', 'then')")
            try db.execute(sql: "INSERT INTO audit_log (at, by, command, summary) VALUES ('then', 'anna', 'status set', 'Old Person: detained')")
        }
        try queue.close()
        let before = try cli.databaseBytes()
        #expect(try cli.run("check").status == 0)
        #expect(try cli.databaseBytes() == before)  // a read does not upgrade
        let upgraded = try cli.run("status", "set", "1", "released", "--source", "call")
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        let check = try cli.run("check")
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("hash chain is intact"))
    }

    // MARK: 14 - a crash inside one file's extraction is an error for that file only

    @Test func aFileThatCrashesTheExtractorFailsAloneInAnImportBatch() throws {
        let cli = try CLIRunner()
        let crashing = cli.directory.appendingPathComponent("crash.txt").path
        try FileManager.default.copyItem(atPath: ImportCLITests.first, toPath: crashing)
        let result = try cli.run(arguments: ["import", ImportCLITests.first, crashing, ImportCLITests.second],
                                 environment: ["CASETRACK_FAULT_CRASH_FILE": crashing])
        #expect(result.status == 1, "\(result.stderr)")
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errors.count == 1 && errors.first?.contains("crash.txt") == true, "\(result.stderr)")
        #expect(!result.stderr.contains("stack trace"), "\(result.stderr)")
        #expect(result.stderr.contains("1 of 3 files were not imported"))
        let documents = try cli.run("documents", "--format", "json").stdout
        #expect(documents.contains("2021/2544(RSP)") && documents.contains("2022/2505(RSP)"))
        #expect(try cli.run("check").status == 0)
    }

    @Test func anImportAsJSONIsOneArrayInFileOrder() throws {
        let cli = try CLIRunner()
        let result = try cli.run("import", ImportCLITests.first, ImportCLITests.second, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let summaries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(summaries?.map { $0["procedure"] as? String } == ["2021/2544(RSP)", "2022/2505(RSP)"])
    }

    @Test func anotherDatabasesWALBesideTheFileIsNamedNotACrash() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        // Another database's -wal, as a careless copy or restore leaves it.
        let other = cli.directory.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: other, configuration: {
            var config = Configuration()
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            }
            return config
        }())
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (x)")
            for _ in 0..<100 { try db.execute(sql: "INSERT INTO t VALUES (randomblob(500))") }
        }
        try FileManager.default.copyItem(atPath: other + "-wal", toPath: cli.databasePath + "-wal")
        try queue.close()
        let before = try cli.databaseBytes()
        for command in [["check"], ["log"], ["person", "add", "Someone"]] {
            let result = try cli.run(arguments: command)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            // check reports it among its problems (and checks the file alone); the others refuse in one sentence.
            let said = command == ["check"] ? result.stdout : result.stderr
            #expect(said.contains("-wal") && (command == ["check"] || said.split(separator: "\n").count == 1), "\(said)")
        }
        #expect(try cli.databaseBytes() == before)
        try FileManager.default.moveItem(atPath: cli.databasePath + "-wal", toPath: cli.directory.appendingPathComponent("aside-wal").path)
        try? FileManager.default.removeItem(atPath: cli.databasePath + "-shm")
        #expect(try cli.run("check").status == 0)
    }

    // MARK: 11 - a text that is not resolution-sized is refused, quickly, with the limit named

    @Test func aTextOfTwentyThousandRecitalsIsRefusedWithTheLimitNamed() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("person", "add", "Known Person").status == 0)
        let before = try cli.databaseBytes()
        var lines = ["European Parliament resolution on the human rights situation in Freedonia", "(2021/2999(RSP))", "", "The European Parliament,", ""]
        for index in 0..<20_000 {
            var label = "", value = index + 1
            while value > 0 { value -= 1; label = String(UnicodeScalar(UInt8(65 + value % 26))) + label; value /= 26 }
            lines += ["\(label). whereas item \(index) was noted;", ""]
        }
        let path = cli.directory.appendingPathComponent("recitals.txt")
        try Data((lines.joined(separator: "\n") + "1. Calls for release;\n").utf8).write(to: path)
        let result = try cli.run("import", path.path)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("limit of 50000") && result.stderr.contains("section"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try cli.databaseBytes() == before)
    }

    @Test func aCellOfTheWrongTypeIsOneSentenceNamingItsColumn() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        // Another program writes text into an id column (it has to drop the append-only trigger to do so).
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DROP TRIGGER status_event_no_update")
            try db.execute(sql: "UPDATE status_event SET section_id = 'abc' WHERE id = 1")
        }
        try queue.close()
        let before = try cli.databaseBytes()
        for command in [["status", "list"], ["history", "1"], ["person", "show", "1"]] {
            let result = try cli.run(arguments: command)
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
            let lines = result.stderr.split(separator: "\n").filter { !$0.isEmpty }
            #expect(lines.count == 1 && lines[0].contains("section_id column") && lines[0].contains("casetrack check")
                    && !result.stderr.contains("UndecodableCell") && !result.stderr.contains("could not decode"),
                    "\(command): \(result.stderr)")
        }
        #expect(try cli.databaseBytes() == before)
    }

    @Test func readingACellOfBytesIsOneSentenceNamingItNotACrash() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", ImportCLITests.first).status == 0)
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in try db.execute(sql: "UPDATE organisation SET name = x'41ff42'") }
        // Exactly one line, ours: the bytes are an error where they are read, not a trap the runtime reports first.
        func expectOneSentence(_ command: [String], naming cell: String?) throws {
            let result = try cli.run(arguments: command)
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
            #expect(lines.count == 1 && !result.stderr.contains("Fatal error"), "\(command): \(result.stderr)")
            let sentence = lines.first.map(String.init) ?? ""
            #expect(sentence.contains(cell ?? " holds bytes that are not text in its ") && sentence.contains("Row ")
                    && sentence.contains("casetrack check"), "\(command): \(result.stderr)")
        }
        let organisationName = "Row 1 of table organisation holds bytes that are not text in its name column"
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID())")
        defer { try? FileManager.default.removeItem(at: csv) }
        for command in [["history", "Askhat Zheksebayev"], ["person", "show", "Askhat Zheksebayev"], ["charged", "405"],
                        ["export", "--format", "popolo"], ["export", "--format", "json"],
                        ["export", "--format", "csv", "--output", csv.path],
                        ["organisations"]] {
            try expectOneSentence(command, naming: organisationName)
        }
        // Names of persons, and the procedure of a resolution, read by the lists and the search.
        try queue.write { db in
            try db.execute(sql: "UPDATE organisation SET name = 'Koshe Partyasy'")
            try db.execute(sql: "UPDATE person SET name = CAST(CAST(name AS BLOB) || x'ff' AS BLOB)")
        }
        for command in [["person", "list"], ["status", "list"]] {
            try expectOneSentence(command, naming: "of table person holds bytes that are not text in its name column")
        }
        try queue.write { db in
            try db.execute(sql: "UPDATE person SET name = CAST(substr(name, 1, length(name) - 1) AS TEXT)")
            try db.execute(sql: "UPDATE document SET procedure = x'45ff46'")
        }
        for command in [["documents"], ["search", "Kazakhstan"], ["history", "Askhat Zheksebayev"]] {
            try expectOneSentence(command, naming: "of table document holds bytes that are not text in its procedure column")
        }
        try queue.close()
        #expect(try Self.files(in: cli.directory) == ["cases.sqlite"])
    }

    // MARK: 4 - a killed backup never leaves a file under the final name

    @Test func aKilledBackupLeavesNoPartialFileUnderItsName() throws {
        let cli = try CLIRunner()
        let corpus = try DataSafetyTests.corpus(in: cli.directory, count: 40, seed: 41)
        #expect(try cli.run(arguments: ["import"] + corpus.paths).status == 0)
        let backups = cli.directory.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        for (index, delay) in [0.0, 0.02, 0.05, 0.1, 0.2].enumerated() {
            let target = backups.appendingPathComponent("copy-\(index).sqlite").path
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["backup", target, "--db", cli.databasePath]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Either the backup finished and is whole, or its name is free.
            if FileManager.default.fileExists(atPath: target) {
                #expect(!FileManager.default.fileExists(atPath: target + "-journal"))
                #expect(try cli.run(arguments: ["check", "--db", target]).status == 0, "\(target)")
            } else {
                let again = try cli.run(arguments: ["backup", target, "--db", cli.databasePath])
                #expect(again.status == 0, "\(again.stderr)")
            }
        }
    }
}
