import ArgumentParser
import CaseIngest
import Foundation

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read one resolution and print what was found; touches no database.")

    @Argument(help: "A resolution as plain text (UTF-8, UTF-16 or Latin-1) or HTML.") var file: String
    @OptionGroup var output: FormatOption
    @Flag(help: "Print the normalised text that offsets point into, instead of the extraction.")
    var normalised = false
    @Option(help: ArgumentHelp("Explain why each name matching NAME (any part, case and accents ignored) is or is not a person or an organisation: the rules that fired, the total, the veto; and the claims about it with their rules.", valueName: "NAME"))
    var explain: String?

    func validate() throws {
        if normalised, explain != nil { throw ValidationError("--explain reads the extraction: give it without --normalised.") }
        if let explain, explain.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--explain needs a name, or part of one, as the text writes it.")
        }
    }

    func run() throws {
        let data = try ResolutionFile.read(file)
        if normalised {
            let decoded = try TextDecoding.decode(data, name: file)
            return Output.line(try Normaliser.normalise(decoded.text, name: file).text)
        }
        if let explain {
            let explanation = try Extractor.explain(data: data, name: file)
            for warning in explanation.extraction.warnings { Output.warn("warning: \(warning)") }
            guard let report = ExtractExplain.report(explanation, query: explain) else {
                Output.warn("Error: no name in \(file) matches '\(explain)'; give part of a name as the text writes it (`casetrack extract \(file)` lists the names found).")
                throw ExitCode.failure
            }
            if output.format == .json { return try Output.json(report) }
            return ExtractExplain.print(report)
        }
        let extraction = try Extractor.extract(data: data, name: file)
        for warning in extraction.warnings { Output.warn("warning: \(warning)") }
        if output.format == .json { return try Output.json(extraction) }
        let document = extraction.document
        Output.line("\(document.title)")
        Output.line("procedure: \(document.procedure ?? "none found")   adopted: \(document.adopted?.description ?? "not stated")")
        let kinds = Dictionary(grouping: document.sections, by: \.kind)
        Output.line("sections: \(kinds[.citation]?.count ?? 0) citations, \(kinds[.recital]?.count ?? 0) recitals, "
                    + "\(kinds[.paragraph]?.count ?? 0) paragraphs, \(kinds[.footnote]?.count ?? 0) footnotes")
        Output.line()
        Output.line("Persons (\(extraction.persons.count)):")
        for person in extraction.persons {
            let aliases = person.aliases.isEmpty ? "" : " (also \(person.aliases.joined(separator: "; ")))"
            let roles = person.roles.isEmpty ? "" : " - \(person.roles.joined(separator: ", "))"
            Output.line("  \(person.name)\(aliases)\(roles) [\(Set(person.mentions.map(\.section)).sorted().joined(separator: ", "))]")
        }
        Output.line()
        Output.line("Organisations (\(extraction.organisations.count)):")
        for organisation in extraction.organisations {
            let aliases = organisation.aliases.isEmpty ? "" : " (\(organisation.aliases.joined(separator: "; ")))"
            Output.line("  \(organisation.name)\(aliases)\(organisation.kind.map { " - \($0)" } ?? "")")
        }
        Output.line()
        Output.line("Provisions (\(extraction.provisions.count)):")
        for provision in extraction.provisions {
            Output.line("  Article \(provision.article) of \(provision.instrument)")
        }
        Output.line()
        Output.line("Statuses (\(extraction.statuses.count)):")
        for status in extraction.statuses {
            let sentence = status.sentence.map { ", \($0)" } ?? ""
            Output.line("  \(status.person): \(status.status)\(sentence) [\(status.section)] “\(status.cue)”")
        }
        Output.line()
        Output.line("Charges (\(extraction.charges.count)):")
        for charge in extraction.charges {
            let subject = charge.subject.person ?? charge.subject.organisation ?? charge.subject.group ?? "?"
            Output.line("  \(subject): Article \(charge.article) of \(charge.instrument), \(charge.stage), \(charge.evidence) [\(charge.section)]"
                        + (charge.via.map { " via \($0)" } ?? ""))
        }
        Output.line()
        Output.line("Memberships (\(extraction.memberships.count)):")
        for membership in extraction.memberships {
            Output.line("  \(membership.person): \(membership.role) of \(membership.organisation) [\(membership.section)]")
        }
        Output.line()
        let calls = Dictionary(grouping: extraction.releaseCalls, by: \.section)
        Output.line("Release calls (\(extraction.releaseCalls.count)):")
        for (section, people) in calls.sorted(by: { $0.key < $1.key }) {
            Output.line("  [\(section)] " + people.map(\.person).joined(separator: ", "))
        }
    }
}

/// Reading a resolution file with errors a user can act on.
enum ResolutionFile {
    static func read(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError.unreadable(path, reason: "no such file")
        }
        if isDirectory.boolValue { throw IngestError.unreadable(path, reason: "it is a directory") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > TextDecoding.maximumBytes {
            throw IngestError.tooLarge(path, bytes: size, limit: TextDecoding.maximumBytes)
        }
        // The owner's read bit counts even for root: a file made unreadable stays unread.
        let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int ?? 0o400
        guard mode & 0o444 != 0, FileManager.default.isReadableFile(atPath: path),
              let data = FileManager.default.contents(atPath: path) else {
            throw IngestError.unreadable(path, reason: "permission denied")
        }
        return data
    }
}
