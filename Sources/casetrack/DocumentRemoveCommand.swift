import ArgumentParser
import CaseStore

/// `casetrack document remove`: undo a wrong import, append-only.
struct DocumentRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Withdraw a wrongly imported document from every answer; nothing is deleted.",
        discussion: """
            Everything its import recorded (status events, charges, memberships, release calls) is rejected \
            with the reason and stays in the history; the removal is logged. Importing the same text again \
            brings it back, its claims unreviewed. DOC is the document's id or number, or its procedure when \
            only one document has it ('casetrack documents' lists them).
            """)

    @Argument(help: "The document: id, number (P9_TA(2023)0123) or procedure.") var document: String
    @Option(help: "Why it is removed (required).") var reason: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let outcome = try database.open().removeDocument(document, reason: reason, by: recorder.recorder)
        if output.format == .json { return try Output.json(outcome) }
        Output.line("Removed \(outcome.document ?? document): \(outcome.changed.count) claims rejected (\(reason.trimmingWhitespace())); "
                    + "it no longer counts in any answer. Import the text again to bring it back.")
    }
}
