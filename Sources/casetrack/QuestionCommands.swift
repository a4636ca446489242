import ArgumentParser
import CasePages
import CaseQuery
import CaseStore
import Foundation

struct ChargedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charged",
        abstract: "Who is charged under an article: persons and organisations, with evidence and sources.",
        discussion: """
            Evidence: stated (the resolution ties the subject to the article), inferred (through a stated \
            link, with the chain), recorded (entered by a user). A subject's strongest evidence is shown; \
            the others are listed and stay in the history.
            """)

    @Argument(help: ArgumentHelp("The article, e.g. 405, 460-1, 'Article 405', 'Art. 405' or 405(2).", valueName: "article"))
    var articleWords: [String]
    @Option(help: "The instrument, when several have this article number, e.g. 'Criminal Code'.") var instrument: String?
    @Option(help: "Only this evidence: stated, inferred or recorded.") var evidence: ChargeEvidence?
    @Flag(help: "Answer from charges a person confirmed only ('casetrack review').") var reviewed = false
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func validate() throws {
        if articleWords.isEmpty { throw ValidationError("Give the article, for example 'casetrack charged 405'.") }
    }

    func run() throws {
        // `charged Article 405` arrives as two words.
        let article = articleWords.joined(separator: " ")
        let answer = try database.queries().charged(article: article, instrument: instrument, evidence: evidence, reviewedOnly: reviewed)
        if let note = answer.note { Output.warn(note) }
        switch format {
        case .json:
            try Output.json(answer)
        case .csv:
            let rows = (answer.persons.map { ("person", $0) } + answer.organisations.map { ("organisation", $0) } + answer.groups.map { ("group", $0) })
                .map { kind, subject in
                    [kind, subject.id.map(String.init) ?? "", subject.name, subject.evidence, subject.stage, subject.because ?? "",
                     subject.sources.map(\.description).joined(separator: "; "), subject.review]
                }
            Output.csv(header: ["subject", "id", "name", "evidence", "stage", "because", "sources", "review"], rows: rows)
        default:
            Output.line("Article \(answer.provision.article) of the \(answer.provision.instrument)")
            for (title, subjects) in [("Organisations", answer.organisations), ("Unnamed groups", answer.groups), ("Persons", answer.persons)]
            where !subjects.isEmpty {
                Output.line()
                Output.line("\(title) (\(subjects.count)):")
                for subject in subjects {
                    let others = subject.otherEvidence.isEmpty ? "" : " (also \(subject.otherEvidence.joined(separator: ", ")))"
                    Output.line("  \(subject.name)\(subject.id.map { " (id \($0))" } ?? ""): \(subject.stage), \(subject.evidence)\(others) - "
                                + subject.sources.map(\.description).joined(separator: "; ")
                                + (subject.review == "unreviewed" ? " " + HistoryRenderer.unreviewedMark : ""))
                    if let because = subject.because { Output.line("      because: \(because)") }
                }
            }
            if answer.persons.isEmpty && answer.organisations.isEmpty && answer.groups.isEmpty { Output.line("Nobody is recorded as charged under it.") }
            if (answer.persons + answer.organisations + answer.groups).contains(where: { $0.review == "unreviewed" }) {
                Output.line()
                Output.line(HistoryRenderer.unreviewedLegend)
            }
        }
    }
}

extension ChargeEvidence: ExpressibleByArgument {}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A person's case history, oldest first, each step dated and sourced.",
        discussion: "--format html writes one standalone, printable page (no external files) to send to a lawyer or a diplomat.")

    @Argument(help: "A name (any alias, any order) or a numeric id.") var person: String
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: HistoryFormat = .text
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (owner-only; a new file unless --force).") var output: String?
    @Flag(help: "Replace the file at --output if it exists (never the database).") var force = false
    @Flag(help: "Answer from claims a person confirmed only ('casetrack review').") var reviewed = false

    func run() throws {
        if let output { try OutputFile.checkTarget(output, database: database.path, force: force) }
        let history = try database.queries().history(person, reviewedOnly: reviewed)
        let text: String
        switch format {
        case .json: text = try Output.jsonString(history)
        case .markdown: text = HistoryRenderer.markdown(history)
        case .html: text = try HistoryRenderer.html(history, generated: Output.todayString(), pages: try Pages())
        default: text = HistoryRenderer.text(history)
        }
        if let output {
            try OutputFile.write(Data(text.utf8), to: output, database: database.path, force: force)
            Output.warn("wrote \(output)")
        } else {
            Output.write(text)
        }
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over the passages of every imported resolution (FTS5 syntax).",
        discussion: """
            Words, "exact phrases", prefix*, AND/OR/NOT, NEAR(a b, 5). A person's name also finds \
            the other spellings recorded for them.
            """)

    @Argument(help: "What to look for.") var query: String
    @Option(help: "At most this many passages.") var limit = 20
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1.") }
        let bold = format == .text && isatty(STDOUT_FILENO) != 0
        let answer = try database.queries().search(query, limit: limit, open: bold ? "\u{1B}[1m" : "[", close: bold ? "\u{1B}[0m" : "]")
        switch format {
        case .json: try Output.json(answer)
        case .csv: Output.csv(header: ["document", "section", "kind", "snippet"], rows: answer.hits.map { [$0.document, $0.section, $0.kind, $0.snippet] })
        default:
            if answer.ftsQuery != answer.query { Output.warn("searching for \(answer.ftsQuery)") }
            if answer.hits.isEmpty { return Output.line("No passage matches.") }
            Output.warn("\(answer.matches) passages match; showing \(answer.hits.count), \(answer.order)")
            for hit in answer.hits {
                Output.line("\(hit.document) \(hit.section)\(hit.adopted.map { " (\($0))" } ?? ""): \(hit.snippet)")
            }
        }
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Who is named in one resolution and not the other, overall and among release calls.")

    @Argument(help: "A procedure, e.g. 2021/2544(RSP).") var first: String
    @Argument(help: "Another procedure.") var second: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let comparison = try database.queries().compare(first, second)
        if output.format == .json { return try Output.json(comparison) }
        let a = comparison.first.procedure, b = comparison.second.procedure
        func list(_ title: String, _ names: [DocumentComparison.Named]) {
            Output.line("\(title) (\(names.count)):")
            Output.line(names.isEmpty ? "  nobody" : "  " + names.map(\.name).joined(separator: ", "))
        }
        list("Named in \(a) only", comparison.onlyInFirst)
        list("Named in \(b) only", comparison.onlyInSecond)
        list("Named in both", comparison.inBoth)
        Output.line()
        list("Release called for in \(a) only", comparison.releaseCallsOnlyInFirst)
        list("Release called for in \(b) only", comparison.releaseCallsOnlyInSecond)
        list("Release called for in both", comparison.releaseCallsInBoth)
    }
}

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "documents", abstract: "The imported resolutions.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        let documents = try database.queries().documents()
        let rows = documents.map { document in
            [String(document.id), (document.procedure ?? "") + (document.removed ? " (removed)" : ""), document.kind ?? "unknown", document.adopted.map { $0 + (document.adoptedBasis == "procedure-year" ? " (year only)" : "") } ?? "unknown",
             String(document.sections), String(document.persons), String(document.releaseCalls), String(document.unreviewed), document.title]
        }
        switch format {
        case .json: try Output.json(documents)
        case .csv: Output.csv(header: ["id", "procedure", "kind", "adopted", "sections", "persons", "release_calls", "unreviewed", "title"], rows: rows)
        default:
            if documents.isEmpty { return Output.line("No resolution imported yet: casetrack import FILE...") }
            Output.table(header: ["ID", "PROCEDURE", "KIND", "ADOPTED", "SECTIONS", "PERSONS", "RELEASE CALLS", "UNREVIEWED", "TITLE"], rows: rows)
        }
    }
}

/// An error whose message is already a full sentence for the user.
struct CleanError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
