import ArgumentParser
import CaseQuery

/// `casetrack articles`: what `charged` can be asked about.
struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "Every provision named in a resolution or a record, with how many are charged under it.",
        discussion: "Ask about one with 'casetrack charged ARTICLE --instrument NAME'.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        let articles = try database.queries().articles()
        let rows = articles.map { [$0.article, $0.instrument, String($0.persons), String($0.organisations), String($0.groups)] }
        switch format {
        case .json: try Output.json(articles)
        case .csv: Output.csv(header: ["article", "instrument", "persons", "organisations", "groups"], rows: rows)
        case .text:
            if articles.isEmpty { return Output.line("No article is known yet: casetrack import FILE...") }
            Output.table(header: ["ARTICLE", "INSTRUMENT", "PERSONS", "ORGANISATIONS", "GROUPS"], rows: rows)
        }
    }
}

/// `casetrack organisations`: what `--organisation` can be given.
struct OrganisationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "organisations",
        abstract: "Every organisation, with its kind, other names and how many persons belong to it.",
        discussion: "List its members with 'casetrack person list --organisation NAME'.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        let organisations = try database.queries().organisations()
        let rows = organisations.map {
            [String($0.id), $0.name, $0.kind ?? "-", String($0.members), String($0.charges), $0.aliases.joined(separator: "; ")]
        }
        switch format {
        case .json: try Output.json(organisations)
        case .csv: Output.csv(header: ["id", "name", "kind", "members", "charged_under", "aliases"], rows: rows)
        case .text:
            if organisations.isEmpty { return Output.line("No organisation is known yet: casetrack import FILE...") }
            Output.table(header: ["ID", "NAME", "KIND", "MEMBERS", "CHARGED UNDER", "ALSO WRITTEN"], rows: rows)
        }
    }
}
