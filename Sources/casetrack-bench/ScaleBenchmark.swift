import CaseCorpus
import CaseIngest
import CaseQuery
import CaseStore
import Foundation
import GRDB

/// Query latency on a database the size of a large NGO's: 100,000 persons,
/// 10,000 resolutions, 1,000,000 mentions, 300,000 status events, 50,000 charges.
enum ScaleBenchmark {
    struct Size {
        var persons = 100_000, documents = 10_000, sectionsPerDocument = 20, mentions = 1_000_000
        var events = 300_000, charges = 50_000, instruments = 20, articlesPerInstrument = 50
    }

    static let statuses = CaseStatus.allCases.map(\.rawValue)
    static let vocabulary = ["whereas", "the", "authorities", "detained", "journalist", "human", "rights", "defender", "court",
                             "sentenced", "released", "protest", "freedom", "expression", "assembly", "opposition", "activist",
                             "prison", "torture", "trial", "charges", "extremism", "calls", "immediate", "release", "political",
                             "prisoners", "including", "arrested", "convicted", "lawyer", "family", "hunger", "strike", "health"]

    /// `only`: run just the questions whose name contains it (no query plans), e.g. to profile one.
    static func run(path: String, size: Size, rebuild: Bool, binary: String, only: String? = nil) throws {
        say("# scale benchmark (release build), \(ProcessInfo.processInfo.activeProcessorCount) cores, database \(path)")
        if rebuild || !FileManager.default.fileExists(atPath: path) {
            try? FileManager.default.removeItem(atPath: path)
            let seconds = try time { try generate(path: path, size: size) }
            say(String(format: "generated in %.1f s", seconds))
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        say("file size: \((attributes[.size] as? Int ?? 0) / 1_048_576) MB")
        let database = try CaseDatabase.open(path: path)
        let queries = CaseQueries(database)
        let counts = try database.writer.read { db in
            try ["person", "document", "section", "mention", "status_event", "charge"].map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0) }
        }
        say(counts.map { "\($0.0): \($0.1)" }.joined(separator: ", "))

        var random = SeededRandom(seed: 7)
        let personNames = try database.writer.read { db in try String.fetchAll(db, sql: """
            SELECT p.name FROM person p JOIN person_alias a ON a.person_id = p.id AND a.alias = p.name
            WHERE (SELECT count(DISTINCT b.person_id) FROM person_alias b WHERE b.match_key = a.match_key) = 1
            ORDER BY random() LIMIT 200
            """) }
        let instrumentNames = try database.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM instrument") }
        let articles = (0..<50).map { _ in (String(Int.random(in: 1...size.articlesPerInstrument, using: &random)), instrumentNames.randomElement(using: &random)!) }

        say("")
        say("load average \(ServeLoadBenchmark.loadAverage()); CPU: this thread's processor time (less swayed by other work on the machine than the wall clock)")
        say("")
        say("| question | runs | median | worst | CPU median | CPU worst | target |")
        say("| --- | --- | --- | --- | --- | --- | --- |")
        func report(_ name: String, target: String, _ result: @autoclosure () throws -> (median: Double, worst: Double, cpu: Double, cpuWorst: Double, runs: Int)) rethrows {
            guard only.map({ name.contains($0) }) ?? true else { return }
            let result = try result()
            say(String(format: "| %@ | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | < %@ |", name, result.runs, result.median, result.worst, result.cpu, result.cpuWorst, target))
        }
        try report("charged ARTICLE --instrument", target: "20 ms", try measure(articles) { _ = try queries.charged(article: $0.0, instrument: $0.1) })
        try report("history PERSON", target: "10 ms", try measure(Array(personNames.prefix(100))) { _ = try queries.history($0) })
        try report("status list --as-of (all persons)", target: "300 ms",
               try measure(["2010", "2018-06", "2024-12-31"]) { _ = try queries.persons(PersonFilter(asOf: try PartialDate(parsing: $0))) })
        let words = ["detained", "journalist", "\"hunger strike\"", "torture", "release AND prisoners", "extremism", personNames[0]]
        try report("search QUERY (top 20)", target: "50 ms", try measure(words) { _ = try queries.search($0) })
        try report("whole process: casetrack history PERSON", target: "100 ms", try measure(Array(personNames.prefix(20))) { name in
            try runProcess(binary, ["history", name, "--db", path])
        })
        try report("whole process: casetrack charged ARTICLE", target: "100 ms", try measure(Array(articles.prefix(20))) { article in
            try runProcess(binary, ["charged", article.0, "--instrument", article.1, "--db", path])
        })

        if only != nil { return }
        say("")
        say("## Query plans and the same SQL in the sqlite3 shell")
        let samplePerson = try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT person_id FROM person_alias WHERE alias = ?", arguments: [personNames[0]]) ?? 1 }
        let provision = try database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT p.id FROM provision p JOIN instrument i ON i.id = p.instrument_id WHERE p.article = ? AND i.name = ?",
                               arguments: [articles[0].0, articles[0].1]) ?? 1
        }
        let keyQueries: [(String, String)] = [
            ("charged (charges of one provision)", CaseQueries.chargedSQL.replacingOccurrences(of: "?", with: String(provision))),
            ("history (mentions of one person)", CaseQueries.historyMentionsSQL.replacingOccurrences(of: "?", with: String(samplePerson))),
            ("history (status events of one person)", CaseQueries.statusEventsSQL.replacingOccurrences(of: "?", with: String(samplePerson))),
            ("status as of 2018-06-30: every event up to that day (then persons in name order)", CaseQueries.everyoneEventsSQL.replacingOccurrences(of: "?", with: "'2018-06-30'")),
            ("status as of 2018-06-30 for a filtered list (e.g. --organisation)", CaseQueries.personsSQL(conditions: ["p.merged_into_id IS NULL"]).replacingOccurrences(of: "?", with: "'2018-06-30'")),
            ("search 'detained'", CaseQueries.searchSQL.replacingOccurrences(of: "?", with: "'['", options: [], range: nil)
                .replacingOccurrences(of: "MATCH '['", with: "MATCH '\"detained\"'").replacingOccurrences(of: "LIMIT '['", with: "LIMIT 20")),
            ("search 'journalist', ranking on the index alone (then each passage by id)", CaseQueries.rankedIDsSQL
                .replacingOccurrences(of: "MATCH ?", with: "MATCH '\"journalist\"'").replacingOccurrences(of: "LIMIT ?", with: "LIMIT 20")),
        ]
        for (name, sql) in keyQueries {
            let plan = try database.writer.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { "    " + ($0["detail"] as String) }
            }
            let ours = try measure([sql]) { sql in _ = try database.writer.read { db in try Row.fetchAll(db, sql: sql) } }
            let shell = try sqliteShell(path: path, sql: sql)
            say("")
            say("### \(name)")
            if shell < 1 {
                say(String(format: "casetrack (GRDB) median %.2f ms; sqlite3 shell under 1 ms (its timer counts whole milliseconds)", ours.median))
            } else {
                say(String(format: "casetrack (GRDB) median %.2f ms; sqlite3 shell median %.2f ms (ratio %.2f)", ours.median, shell, ours.median / shell))
            }
            say("```")
            plan.forEach(say)
            say("```")
        }
    }

    /// Wall and CPU (this thread's) median and worst: under load the wall's worst is mostly waiting for a core, the CPU's is the work.
    static func measure<T>(_ inputs: [T], repeat rounds: Int = 3, _ body: (T) throws -> Void) throws -> (median: Double, worst: Double, cpu: Double, cpuWorst: Double, runs: Int) {
        var samples: [Double] = [], processor: [Double] = []
        if let first = inputs.first { try body(first) }  // warm the cache once
        for _ in 0..<rounds {
            for input in inputs {
                let cpu = threadCPUTime()
                samples.append(try time { try body(input) } * 1000)
                processor.append((threadCPUTime() - cpu) * 1000)
            }
        }
        samples.sort()
        processor.sort()
        return (samples[samples.count / 2], samples.last ?? 0, processor[processor.count / 2], processor.last ?? 0, samples.count)
    }

    /// Seconds of processor time this thread has used (a child process's time is not counted).
    static func threadCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func runProcess(_ binary: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    /// The median "Run Time: real" the sqlite3 shell reports for `sql` over 5 runs.
    static func sqliteShell(path: String, sql: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let script = ".output /dev/null\n.timer on\n" + String(repeating: sql + ";\n", count: 6)
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let times = text.split(separator: "\n").compactMap { line -> Double? in
            guard let range = line.range(of: "real ") else { return nil }
            return Double(line[range.upperBound...].split(separator: " ").first ?? "").map { $0 * 1000 }
        }.dropFirst().sorted()
        return times.isEmpty ? .nan : times[times.count / 2]
    }

    /// The recitals and paragraphs of the sample resolutions.
    static func sampleSections() throws -> [String] {
        var texts: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: "SampleData") where file.hasSuffix(".txt") {
            let extraction = try Extractor.extract(data: Data(contentsOf: URL(fileURLWithPath: "SampleData/" + file)), name: file)
            let scalars = Array(extraction.text.unicodeScalars)
            for section in extraction.document.sections where section.kind == .recital || section.kind == .paragraph {
                texts.append(String(String.UnicodeScalarView(scalars[section.start..<section.end])))
            }
        }
        return texts.isEmpty ? [vocabulary.joined(separator: " ")] : texts
    }

    static func generate(path: String, size: Size) throws {
        let templates = try sampleSections()
        let database = try CaseDatabase.open(path: path)
        var random = SeededRandom(seed: 2026)
        var generator = CorpusGenerator(seed: 99)
        let now = "2026-11-22T00:00:00Z"
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.inTransaction {
                let instrument = try db.makeStatement(sql: "INSERT INTO instrument (id, name) VALUES (?, ?)")
                let provision = try db.makeStatement(sql: "INSERT INTO provision (id, instrument_id, article) VALUES (?, ?, ?)")
                var provisionID = 0
                for i in 1...size.instruments {
                    try instrument.execute(arguments: [i, "Criminal Code of \(generator.word(2...3))ia \(i)"])
                    for article in 1...size.articlesPerInstrument {
                        provisionID += 1
                        try provision.execute(arguments: [provisionID, i, String(article)])
                    }
                }
                let person = try db.makeStatement(sql: "INSERT INTO person (id, name, created_at) VALUES (?, ?, ?)")
                for id in 1...size.persons {
                    let name = generator.person()
                    try person.execute(arguments: [id, name, now])
                    try CaseDatabase.addAliasForBenchmark(name, to: Int64(id), in: db)
                    if id % 3 == 0 {
                        let parts = name.split(separator: " ")
                        try CaseDatabase.addAliasForBenchmark("\(parts[1]) \(parts[0])", to: Int64(id), in: db)
                    }
                }
                let document = try db.makeStatement(sql: """
                    INSERT INTO document (id, procedure, title, subject_key, adopted, adopted_start, adopted_basis, source_file, sha256, imported_at, imported_by, text)
                    VALUES (?, ?, ?, ?, ?, ?, 'option', ?, ?, ?, 'bench', '')
                    """)
                let section = try db.makeStatement(sql: """
                    INSERT INTO section (id, document_id, label, kind, ordinal, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?, 0, ?, ?)
                    """)
                var sectionID = 0
                for id in 1...size.documents {
                    let year = 2000 + id % 26, month = 1 + id % 12, day = 1 + id % 28
                    let date = String(format: "%04d-%02d-%02d", year, month, day)
                    try document.execute(arguments: [id, "\(year)/\(String(format: "%05d", id))(RSP)", "Resolution \(id)", "resolution \(id)",
                                                     date, date, "bench-\(id).txt", "sha-\(id)", now])
                    for ordinal in 0..<size.sectionsPerDocument {
                        sectionID += 1
                        // Real passages (so words are as frequent as in real resolutions), each naming someone new.
                        let template = templates[(id * 31 + ordinal * 7 + Int.random(in: 0..<templates.count, using: &random)) % templates.count]
                        let text = template + " " + generator.person() + "."
                        let label = ordinal < 10 ? CorpusGenerator.label(ordinal) : String(ordinal - 9)
                        try section.execute(arguments: [sectionID, id, label, ordinal < 10 ? "recital" : "paragraph", ordinal, text.count, text])
                    }
                }
                let totalSections = sectionID
                let mention = try db.makeStatement(sql: """
                    INSERT INTO mention (section_id, person_id, text, start_offset, end_offset, role) VALUES (?, ?, 'name', 0, 4, ?)
                    """)
                for _ in 0..<size.mentions {
                    try mention.execute(arguments: [Int.random(in: 1...totalSections, using: &random), Int.random(in: 1...size.persons, using: &random),
                                                    ["journalist", "activist", nil, "political prisoner"].randomElement(using: &random)!])
                }
                let event = try db.makeStatement(sql: """
                    INSERT INTO status_event (person_id, status, date, date_start, evidence, section_id, source_text, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', ?)
                    """)
                for index in 0..<size.events {
                    let personID = Int.random(in: 1...size.persons, using: &random)
                    let status = statuses.randomElement(using: &random)!
                    if index % 2 == 0 {
                        try event.execute(arguments: [personID, status, nil, nil, "stated", Int.random(in: 1...totalSections, using: &random), nil, now])
                    } else {
                        let date = String(format: "%04d-%02d", 2000 + Int.random(in: 0...25, using: &random), Int.random(in: 1...12, using: &random))
                        try event.execute(arguments: [personID, status, date, date + "-01", "recorded", nil, "phone call", now])
                    }
                }
                let charge = try db.makeStatement(sql: """
                    INSERT INTO charge (person_id, provision_id, stage, evidence, section_id, because, recorded_by, recorded_at)
                    VALUES (?, ?, 'charged', ?, ?, ?, 'bench', ?)
                    """)
                for _ in 0..<size.charges {
                    let evidence = ["stated", "inferred", "recorded"].randomElement(using: &random)!
                    try charge.execute(arguments: [Int.random(in: 1...size.persons, using: &random), Int.random(in: 1...provisionID, using: &random),
                                                   evidence, Int.random(in: 1...totalSections, using: &random),
                                                   evidence == "inferred" ? "supporter of a movement the same passage charges" : nil, now])
                }
                return .commit
            }
            try db.execute(sql: "ANALYZE")
        }
    }
}
