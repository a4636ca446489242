import Foundation
import Testing

/// Issue 11: the README's quick start and tour run top to bottom, as written,
/// on a fresh database, and leave the imported data as the resolutions state it.
@Suite struct ReadmeTourCLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The `casetrack …` lines of the README's shell block under `heading`, comments cut.
    static func commands(under heading: String) throws -> [String] {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## " + heading).dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        // A line may chain commands with `&&` (the quick start is one command to paste).
        return block.split(separator: "\n").flatMap { $0.components(separatedBy: " && ") }
            .map { $0.replacingOccurrences(of: "swift run casetrack", with: "casetrack") }
            .filter { $0.hasPrefix("casetrack ") }
    }

    /// Splits a shell line into words: double and single quotes, `# comment`, `> file` dropped.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?, inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character; inWord = true
            } else if character == " " {
                if inWord { words.append(current); current = ""; inWord = false }
            } else if character == "#" && !inWord {
                break
            } else {
                current.append(character); inWord = true
            }
        }
        if inWord { words.append(current) }
        if let redirect = words.firstIndex(of: ">") { words = Array(words[..<redirect]) }
        return Array(words.dropFirst())
    }

    /// Runs the lines in order, as a shell in the repository would: sample paths and globs expanded,
    /// `~` the test's directory, `EVENT-ID` the event the last `status set` recorded.
    static func run(_ lines: [String], in cli: CLIRunner) throws -> [String: CLIRunner.Result] {
        var lastEvent = "", results: [String: CLIRunner.Result] = [:]
        let samples = repository.appendingPathComponent("SampleData")
        for line in lines {
            var arguments: [String] = []
            for word in words(line) {
                if word == "SampleData/*.txt" {
                    arguments += try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".txt") }.sorted()
                        .map { samples.appendingPathComponent($0).path }
                } else if word.hasPrefix("SampleData/") {
                    arguments.append(repository.appendingPathComponent(word).path)
                } else if word.hasPrefix("~/") {
                    arguments.append(cli.directory.appendingPathComponent(String(word.dropFirst(2))).path)
                } else {
                    arguments.append(word == "EVENT-ID" ? lastEvent : word)
                }
            }
            let result = try cli.run(arguments: arguments)
            #expect(result.status == 0, "README: \(line)\n\(result.stderr)")
            if let range = result.stdout.range(of: "Recorded event "), let id = result.stdout[range.upperBound...].split(separator: ":").first {
                lastEvent = String(id)
            }
            results[line] = result
        }
        return results
    }

    @Test func theQuickStartAndTheTourRunInOrder() throws {
        let cli = try CLIRunner()
        let quickStart = try Self.commands(under: "Quick start")
        #expect(quickStart.count == 3)
        _ = try Self.run(quickStart, in: cli)
        // Dated as the quick start says: no 2022 entry is left "year only".
        #expect(!(try cli.run("history", "Askhat Zheksebayev").stdout.contains("year only")))
        let imported = try cli.json("status", "list", "--format", "json") as? [[String: Any]]

        let tour = try Self.commands(under: "A tour of the commands")
        #expect(tour.count >= 25, "the tour's commands are read from the README")
        #expect(tour.contains { $0.contains("status retract EVENT-ID") })
        _ = try Self.run(tour, in: cli)
        #expect(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("raigul.html").path))
        // The imported persons' statuses are as before the tour: it wrote only about the invented person.
        let after = try cli.json("status", "list", "--format", "json") as? [[String: Any]]
        let importedNames = Set(imported?.compactMap { $0["name"] as? String } ?? [])
        #expect(!importedNames.isEmpty)
        let before = imported?.map { "\($0["name"] ?? "") \($0["status"] ?? "") \($0["status_date"] ?? "")" }.sorted()
        let untouched = after?.filter { importedNames.contains($0["name"] as? String ?? "") }
            .map { "\($0["name"] ?? "") \($0["status"] ?? "") \($0["status_date"] ?? "")" }.sorted()
        #expect(before == untouched)
        let retracted = try cli.run("person", "show", "Ivan Petrov")
        #expect(retracted.stdout.contains("RETRACTED") && retracted.stdout.contains("status: detained"))
    }

    /// Issue 12: the README's one command that starts the web app on the sample data imports the
    /// samples and adds the user it names (reading the password from the pipe); `serve` comes last.
    @Test func theWebAppCommandPreparesTheSampleData() throws {
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## The web app, for a team").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let steps = block.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: " && ")
        #expect(steps.count == 4 && steps.last == "swift run casetrack --db team.sqlite serve")
        let cli = try CLIRunner()
        for step in steps.dropLast() {
            let parts = step.components(separatedBy: " | ")
            let command = try #require(parts.last).replacingOccurrences(of: "swift run casetrack", with: "casetrack")
            // `printf '%s\n' 'PASSWORD' | casetrack ...`: the password on standard input.
            let input = parts.count == 2 ? Self.words("x " + parts[0]).last.map { Data(($0 + "\n").utf8) } : nil
            var arguments: [String] = []
            for word in Self.words(command) {
                if word == "SampleData/*.txt" {
                    let samples = Self.repository.appendingPathComponent("SampleData")
                    arguments += try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".txt") }.sorted()
                        .map { samples.appendingPathComponent($0).path }
                } else {
                    arguments.append(word)
                }
            }
            let result = try cli.run(arguments: arguments, input: input)
            #expect(result.status == 0, "README: \(step)\n\(result.stderr)")
        }
        let users = try cli.run("user", "list", "--db", "team.sqlite").stdout
        #expect(users.contains("anna") && users.contains("editor"))
        #expect(try cli.run("person", "list", "--db", "team.sqlite").stdout.contains("Askhat Zheksebayev"))
        // Issue 21: dated as the quick start dates it, so the web app shows no 2022 entry "year only".
        #expect(!(try cli.run("history", "Askhat Zheksebayev", "--db", "team.sqlite").stdout.contains("year only")))
    }
}
