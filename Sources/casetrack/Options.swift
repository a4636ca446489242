import Foundation
import ArgumentParser
import CaseQuery
import CaseStore

/// `--db`, shared by every command that touches the database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", discussion: "Default: $CASETRACK_DB, else $XDG_DATA_HOME/casetrack/cases.sqlite.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        "A file of at least 16 random bytes, kept outside the database, that keys the audit chain.",
        discussion: "Default: $CASETRACK_AUDIT_KEY_FILE. Once an entry is keyed, writes need the key; check verifies keyed entries only with it.",
        valueName: "path"))
    var auditKeyFile: String?

    var path: String { DatabaseLocation.resolve(explicit: db) }

    /// The key file goes through the environment, read once by CaseStore
    /// (and inherited by the workers an import starts).
    func useAuditKey() {
        if let auditKeyFile, !auditKeyFile.isEmpty { setenv(AuditKey.variable, auditKeyFile, 1) }
    }

    func open() throws -> CaseDatabase {
        CrashExplainer.install(databasePath: path)
        useAuditKey()
        return try CaseDatabase.open(path: path)
    }

    /// For questions: a database marked read-only can still be read.
    func queries() throws -> CaseQueries {
        CrashExplainer.install(databasePath: path)
        useAuditKey()
        return CaseQueries(try CaseDatabase.open(path: path, readOnly: true))
    }
}

/// `--by`, for commands that write.
struct RecorderOptions: ParsableArguments {
    @Option(help: "Who is making this change, for the audit log (default: your login name).")
    var by: String?

    var recorder: Recorder { Recorder(by) }
}

/// Every output format casetrack renders. Each command parses only the
/// formats it accepts (``RecordFormat``, ``ListFormat``, ``HistoryFormat``),
/// so its help lists exactly those and anything else is a usage error.
enum OutputFormat: String {
    case text, json, csv, markdown, html
}

/// `--format` of commands that print one record or a report: text or json.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
    var output: OutputFormat { OutputFormat(rawValue: rawValue) ?? .text }
}

/// `--format` of commands that print a list: text, json or csv.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
    var output: OutputFormat { OutputFormat(rawValue: rawValue) ?? .text }
}

/// `--format` of `history`: text, markdown, html or json.
enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json
    var output: OutputFormat { OutputFormat(rawValue: rawValue) ?? .text }
}

struct FormatOption: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("Output format.", valueName: "format"))
    var chosen: RecordFormat = .text

    var format: OutputFormat { chosen.output }
}

/// `--source TEXT` or `--document PROC --section LABEL`.
struct SourceOptions: ParsableArguments {
    @Option(help: "Where this comes from, as free text: a URL, 'phone call with lawyer'.")
    var source: String?

    @Option(help: "The procedure of an imported resolution that says this (with --section), e.g. 2022/2505(RSP).")
    var document: String?

    @Option(help: "The section of --document: a recital letter (O), a paragraph number (4) or a citation (c1).")
    var section: String?

    func recordSource() throws -> RecordSource {
        try RecordSource.from(text: source, document: document, section: section)
    }
}
