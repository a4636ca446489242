import ArgumentParser
import CaseQuery
import CaseStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole database: JSON, CSV (one file per table) or Popolo JSON.",
        discussion: """
            json: one object, a key per table, to standard output or --output FILE. csv: --output DIR, \
            one RFC 4180 file per table. popolo: persons (with other_names), organizations and memberships.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case json, csv, popolo }

    @Option(help: "json, csv or popolo.") var format: Kind = .json
    @Option(name: .shortAndLong, help: "A file (json, popolo) or a directory (csv, required).") var output: String?
    @Flag(help: "Replace files that already exist at --output (never the database).") var force = false
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if format == .csv, output == nil { throw ValidationError("--format csv writes one file per table: give a directory with --output DIR.") }
    }

    func run() throws {
        if let output, format != .csv { try OutputFile.checkTarget(output, database: database.path, force: force) }
        let queries = try database.queries()
        switch format {
        case .popolo:
            try emit(try Output.jsonString(queries.popolo()))
        case .json:
            var text = "{\n"
            for (index, table) in try queries.exportTables().enumerated() {
                text += (index == 0 ? "" : ",\n") + "  \(try Output.jsonString(table).trimmingCharacters(in: .whitespacesAndNewlines)): ["
                var first = true
                try queries.eachRow(of: table) { columns, values in
                    let object = Dictionary(uniqueKeysWithValues: zip(columns, values))
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    text += (first ? "\n    " : ",\n    ") + String(decoding: try encoder.encode(object), as: UTF8.self)
                    first = false
                }
                text += first ? "]" : "\n  ]"
            }
            try emit(text + "\n}\n")
        case .csv:
            let directory = URL(fileURLWithPath: output ?? ".")
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw CleanError("Cannot create the directory \(directory.path); choose a writable place for --output.")
            }
            let tables = try queries.exportTables()
            for table in tables {
                try OutputFile.checkTarget(directory.appendingPathComponent("\(table).csv").path, database: database.path, force: force)
            }
            for table in tables {
                var text = try queries.columns(of: table).map(Output.csvField).joined(separator: ",") + "\r\n"
                try queries.eachRow(of: table) { _, values in
                    text += values.map { Output.csvField($0.csv) }.joined(separator: ",") + "\r\n"
                }
                let path = directory.appendingPathComponent("\(table).csv")
                try OutputFile.write(Data(text.utf8), to: path.path, database: database.path, force: force)
            }
            Output.warn("wrote one CSV file per table to \(directory.path)")
        }
    }

    func emit(_ text: String) throws {
        guard let output else { return Output.write(text) }
        try OutputFile.write(Data(text.utf8), to: output, database: database.path, force: force)
        Output.warn("wrote \(output)")
    }
}
