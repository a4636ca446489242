import ArgumentParser
import CaseIngest
import CaseStore

struct ChargeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge", abstract: "Record charges.", subcommands: [ChargeAdd.self])
}

struct ChargeAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a charge against a person.")

    @Argument(help: "A name (any alias, any order) or a numeric id.") var person: String
    @Option(help: "The article, e.g. 405 or 460-1.") var article: String
    @Option(help: "The code or treaty, e.g. \"Criminal Code of Freedonia\" (needed when the article number is in several).") var instrument: String?
    @Option(help: "alleged, charged, convicted, acquitted or dropped.") var stage: String = "charged"
    @Option(help: "When: YYYY, YYYY-MM or YYYY-MM-DD.") var date: String?
    @OptionGroup var source: SourceOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions

    func run() throws {
        let entry = ChargeEntry(
            person: person, article: article, instrument: instrument, stage: try ChargeStage(parsing: stage),
            date: try date.map(PartialDate.init(parsing:)), source: try source.recordSource())
        let (charge, person, instrument) = try database.open().addCharge(entry, by: recorder.recorder)
        Output.line("Recorded charge \(charge.id ?? 0): \(person.name) (id \(person.id ?? 0)) \(charge.stage) under Article \(ProvisionNames.normaliseArticle(article)) of \(instrument).")
        if let note = Self.instrumentNote(typed: self.instrument, recorded: instrument) { Output.warn(note) }
    }

    /// Said when the instrument recorded is not the name typed: never filed under another one silently.
    static func instrumentNote(typed: String?, recorded: String) -> String? {
        guard let typed, ProvisionNames.instrumentKey(typed) != ProvisionNames.instrumentKey(recorded) else { return nil }
        // Not "no instrument is called that": the typed words may be another name of the one taken
        // (a resolution's "the Criminal Code" of Freedonia), which is matched before any prefix.
        return "note: '\(typed)' was taken as '\(recorded)'. If another instrument was meant, give its full name with --instrument."
    }
}
