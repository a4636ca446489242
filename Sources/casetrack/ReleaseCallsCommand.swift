import ArgumentParser
import CaseQuery

/// `casetrack release-calls --document DOC`: whom one resolution calls to release.
struct ReleaseCallsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release-calls",
        abstract: "Whom one resolution calls to release, with the section that says so.",
        discussion: """
            DOC is the document's id (see 'casetrack documents'), its own number (P9_TA(2022)0045), \
            or its procedure when only one text of that procedure is imported.
            """)

    @Option(help: ArgumentHelp("The resolution: id, number or procedure, e.g. 2022/2505(RSP).", valueName: "doc")) var document: String
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: RecordFormat = .text

    func run() throws {
        let list = try database.queries().releaseCalls(document)
        switch format {
        case .json:
            try Output.json(list)
        case .text:
            let summary = list.document
            let name = summary.procedure ?? summary.title
            let what = [summary.kind, summary.reference].compactMap { $0 }.joined(separator: " ")
            Output.line("\(name)\(what.isEmpty ? "" : " (\(what))"), adopted \(summary.adopted ?? "unknown")")
            if list.calls.isEmpty { return Output.line("It calls for nobody's release by name.") }
            Output.line("Calls for the release of \(list.calls.count == 1 ? "1 person" : "\(list.calls.count) persons"):")
            Output.table(header: ["SECTION", "ID", "NAME"], rows: list.calls.map { [$0.section, String($0.personID), $0.name] })
        }
    }
}
