import ArgumentParser
import CaseIngest
import Foundation
import CaseQuery
import CaseStore

/// `casetrack document …`: changes to an imported resolution.
struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Correct what is known of an imported resolution (list them with 'casetrack documents').",
        subcommands: [DocumentDate.self, DocumentReread.self, DocumentRemove.self])
}

struct DocumentDate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "date",
        abstract: "Set or correct a resolution's adoption date; every answer dated by it follows.",
        discussion: """
            Status events, mentions and charges that have no date of their own are dated by their \
            resolution: they move with it. The change is logged in 'casetrack log'.
            """)

    @Argument(help: "The procedure, e.g. 2022/2505(RSP).") var procedure: String
    @Argument(help: "The adoption date: YYYY-MM-DD (or YYYY-MM, YYYY when that is all you know).") var date: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let date = try PartialDate(parsing: date)
        let change = try database.open().setAdoptionDate(procedure: procedure, date: date, by: recorder.recorder)
        if output.format == .json {
            return try Output.json(DocumentDateAnswer(change))
        }
        guard change.changed else {
            return Output.line("\(change.procedure) is already dated \(change.adopted); nothing changed.")
        }
        let was = change.previous.map { "was \($0)\(change.previousBasis == "procedure-year" ? ", year only" : "")" } ?? "was undated"
        Output.line("Dated \(change.procedure) adopted \(change.adopted) (\(was)); \(change.redatedEvents) status events without a date of their own now read it.")
    }
}

/// `document date --format json`.
struct DocumentDateAnswer: Encodable {
    var procedure: String
    var adopted: String
    var previous: String?
    var changed: Bool
    var redatedEvents: Int

    init(_ change: AdoptionDateChange) {
        procedure = change.procedure
        adopted = change.adopted
        previous = change.previous
        changed = change.changed
        redatedEvents = change.redatedEvents
    }

    enum CodingKeys: String, CodingKey {
        case procedure, adopted, previous, changed
        case redatedEvents = "redated_events"
    }
}

struct DocumentReread: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reread",
        abstract: "Read a stored resolution again with the current rules, and show what changed.",
        discussion: """
            Importing a text already imported changes nothing, so a database keeps what the rules of \
            its day read. reread extracts the stored text again: status steps no longer read are \
            retracted (reason "re-read with casetrack VERSION"; they stay in the history), steps read \
            anew are added, and steps read the same way are kept as they are. Persons and release calls \
            read anew are added; a release call no longer read is listed, not removed. One transaction \
            per document, logged in 'casetrack log'. Reviews stay with the steps kept; a step read anew that \
            a person rejected before (same person, status, date and passage) is rejected again, as on \
            import. A document removed with 'document remove' is not read (skipped under --all). DOC is a document's id or number (see 'casetrack \
            documents'), or a procedure that only one document has.
            """)

    @Argument(help: "A document's id or number, or a procedure, e.g. 2022/2505(RSP).") var document: String?
    @Flag(help: "Every stored document, one transaction each.") var all = false
    @Flag(help: "Show what would change, and write nothing.") var dryRun = false
    @Option(help: "The imported file, when it is no longer where it was imported from (one DOC only).") var file: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        if all == (document != nil) {
            throw ValidationError(all ? "Give either DOC or --all, not both." : "Give the document to read again (its id, number or procedure), or --all.")
        }
        if all, file != nil { throw ValidationError("--file names the file of one document: give DOC, not --all.") }
    }

    /// The document read with the current rules: from its imported file (its text is
    /// normalised as on import), else from the stored text when that reads the same.
    func extract(_ document: StoredDocument) throws -> Extraction {
        if let file {
            let extraction = try Extractor.extract(data: try ResolutionFile.read(file), name: file)
            guard extraction.document.sha256 == document.sha256 else { throw CaseStoreError.textReadsDifferently(document: document.name) }
            return extraction
        }
        let path = document.sourceFile
        if FileManager.default.fileExists(atPath: path), let data = try? ResolutionFile.read(path),
           let extraction = try? Extractor.extract(data: data, name: path), extraction.document.sha256 == document.sha256 {
            return extraction
        }
        if let extraction = try? Extractor.extract(text: document.text, name: document.sourceFile), extraction.document.sha256 == document.sha256 {
            return extraction
        }
        throw CleanError("\(document.name) (document \(document.id)) cannot be read again: its file \(path) is gone or changed, and its stored "
                         + "text reads differently on its own; give the imported file with --file, or run reread from the directory it was imported from.")
    }

    func run() throws {
        let store = try database.open()
        let documents = try store.storedDocuments(document, all: all)
        let version = Casetrack.configuration.version
        var changes: [RereadChange] = []
        var failed = 0
        for document in documents {
            if all, document.withdrawn {
                // Removed with 'document remove': nothing of it stands, so nothing is read again.
                if output.format == .text { Output.line("\(document.name) (document \(document.id)) was removed with 'document remove': skipped.") }
                continue
            }
            do {
                let extraction = try extract(document)
                let change = try store.reread(document, extraction: extraction, version: version, dryRun: dryRun, by: recorder.recorder)
                changes.append(change)
                if output.format == .text { Self.print(change, adopted: document.adopted) }
            } catch {
                // One document: its error is the command's. Several: each is reported and the others are read.
                if documents.count == 1 { throw error }
                failed += 1
                Output.warn("Error: \(document.name) (document \(document.id)): \(error)")
            }
        }
        if output.format == .json { try Output.json(changes) }
        if failed > 0 { throw ExitCode.failure }
    }

    /// The diff: `+` added, `-` retracted, `=` kept; then release calls.
    static func print(_ change: RereadChange, adopted: String?) {
        let header = "\(change.document) (document \(change.documentID)), read again with casetrack \(change.version)"
        Output.line(header + (change.dryRun ? " (dry run: nothing written):" : ":"))
        for warning in change.warnings { Output.warn("warning: \(change.document): \(warning)") }
        for name in change.personsAdded { Output.line("  + person: \(name)") }
        for step in change.added { Output.line("  + \(line(step, adopted: adopted))") }
        for step in change.retracted { Output.line("  - [event \(step.eventID ?? 0)] \(line(step, adopted: adopted))") }
        if change.kept > 0 { Output.line("  = \(change.kept) step\(change.kept == 1 ? "" : "s") read as before, kept") }
        for call in change.releaseCallsAdded { Output.line("  + release call: \(call.person) (\(call.section))") }
        for call in change.releaseCallsNotRead { Output.line("  ? release call no longer read, kept: \(call.person) (\(call.section))") }
        if change.rejectedAsBefore > 0 {
            let n = change.rejectedAsBefore
            Output.line("  x \(n) claim\(n == 1 ? "" : "s") read anew rejected again, as a person rejected \(n == 1 ? "it" : "them") before (see 'casetrack review list')")
        }
        if !change.changed { Output.line("  nothing changed") }
    }

    static func line(_ step: RereadChange.Step, adopted: String?) -> String {
        let basis = step.date != nil ? "event" : (step.dateAfter != nil || step.dateBefore != nil) ? "bounded" : step.tense == "past" ? "not stated" : "adopted"
        let when = StepDateWording.text(date: step.date ?? adopted, basis: basis, after: step.dateAfter, before: step.dateBefore)
        return "\(step.person): \(step.status), \(when)\(step.step.map { ", step \($0)" } ?? "") - \(step.section)\(step.cue.map { " “\($0)”" } ?? "")"
    }
}
