import CaseQuery
import Foundation

/// A person's history as text, Markdown or one standalone HTML page.
public enum HistoryRenderer {
    /// The step's date as every answer words it: `2023-11-30`, `as of 2024-01-18 (reported)`,
    /// `between 2023-03 and 2023-03-15`, `before 2022-09-16`, `after 2023-03`, `date not stated`.
    public static func date(_ event: PersonHistory.Event) -> String { event.when }

    /// `since 2023-05-04` for an event's own date; else the step's date wording (`as of 2023-06-01 (reported)`).
    public static func when<Status>(_ status: Status) -> String where Status: DatedStatus { status.when }

    /// `detained since 2023-11-30`, `detained, as of 2024-01-18 (reported)`: a current status and its date.
    public static func standing(_ current: PersonHistory.Current) -> String {
        let what = current.status + (current.sentence.map { ", \($0)" } ?? "")
        return what + (current.when.hasPrefix("since ") ? " " : ", ") + current.when
    }

    public static func line(_ event: PersonHistory.Event) -> String {
        var text = "\(event.kind): \(event.summary)"
        if let evidence = event.evidence, event.kind == "charge" || event.kind == "status" { text += " [\(evidence)]" }
        if let retracted = event.retracted { text = "RETRACTED (\(retracted.reason), by \(retracted.by) \(retracted.at)) " + text }
        if let rejected = event.rejected { text = "REJECTED (\(rejected.reason), by \(rejected.by) \(rejected.at)) " + text }
        if event.review == "unreviewed" { text += " " + unreviewedMark }
        return text
    }

    /// The mark of a claim the importer read and no person has confirmed yet, in every answer.
    public static let unreviewedMark = "*"
    /// What the mark means, printed under an answer that shows one.
    public static let unreviewedLegend = "* unreviewed: read by the importer, not yet confirmed by a person ('casetrack review'; --reviewed answers from confirmed claims only)."

    /// Whether a history shows the mark anywhere.
    static func marksUnreviewed(_ history: PersonHistory) -> Bool {
        history.currentStatus?.review == "unreviewed" || history.events.contains { $0.review == "unreviewed" }
    }

    public static func header(_ history: PersonHistory) -> [String] {
        var lines = [history.person.name + " (id \(history.person.id))"]
        if !history.person.aliases.isEmpty { lines.append("also written: " + history.person.aliases.joined(separator: "; ")) }
        if let current = history.currentStatus {
            lines.append("current status: \(standing(current)) - \(current.source)"
                         + (current.review == "unreviewed" ? " " + unreviewedMark : ""))
        } else {
            lines.append("current status: none recorded")
        }
        return lines
    }

    public static func text(_ history: PersonHistory) -> String {
        var lines = header(history)
        lines.append("")
        // The date column is as wide as its widest date ("as of 2021-02-11 (reported)").
        let width = history.events.map { date($0).count }.max() ?? 0
        for event in history.events {
            lines.append("\(date(event).padding(toLength: width, withPad: " ", startingAt: 0))  \(event.source)  \(line(event))")
            if let quote = event.quote { lines.append(String(repeating: " ", count: width + 2) + "“\(quote)”") }
        }
        if marksUnreviewed(history) { lines += ["", unreviewedLegend] }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ history: PersonHistory) -> String {
        // Words from resolutions and users are text, never markup: raw HTML such as <b> is escaped.
        func cell(_ text: String) -> String {
            markdownText(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "*", with: "\\*")
        }
        var lines = ["# Case history: \(markdownText(history.person.name))", ""]
        for item in header(history).dropFirst() { lines.append("- \(markdownText(item))") }
        lines += ["", "| Date | Source | What | Evidence | Words of the source |", "| --- | --- | --- | --- | --- |"]
        for event in history.events {
            var what = cell(line(event))
            if event.retracted != nil || event.rejected != nil { what = "~~\(what)~~" }
            lines.append("| \(cell(date(event))) | \(cell(event.source.description)) | \(what) | \(cell(event.evidence ?? "")) | \(cell(event.quote ?? "")) |")
        }
        if !history.sources.isEmpty {
            lines += ["", "## Sources", ""]
            for source in history.sources { lines.append("- " + sourceLine(source, text: markdownText)) }
        }
        lines += ["", "Evidence: " + evidenceLegend]
        if marksUnreviewed(history) { lines += ["", "\\" + unreviewedLegend] }
        return lines.joined(separator: "\n") + "\n"
    }

    public static let evidenceLegend = "stated — a resolution says it; inferred — read from what a resolution says (the chain is given); recorded — entered by a casetrack user, with their source."

    /// A source in one line: title, procedure, adoption date and address; or a user's source, who and when.
    /// `text` escapes what came from a resolution or a user; the address is casetrack's own.
    public static func sourceLine(_ source: PersonHistory.Source, text: (String) -> String = { $0 }) -> String {
        if source.kind == "record" {
            return text("\(source.label) — recorded\(source.recordedBy.map { " by \($0)" } ?? "")\(source.recordedAt.map { " on \($0)" } ?? "")")
        }
        var parts = [source.procedure ?? source.label]
        if let title = source.title { parts.append(title) }
        parts.append(adoptedText(source))
        return text(parts.joined(separator: " — ")) + (source.address.map { " — <\($0)>" } ?? "")
    }

    public static func adoptedText(_ source: PersonHistory.Source) -> String {
        guard let adopted = source.adopted else { return "adoption date unknown" }
        return source.adoptedBasis == "procedure-year" ? "adopted in \(adopted) (year only; set it with 'casetrack document date')" : "adopted \(adopted)"
    }

    /// Markdown text with HTML's special characters escaped.
    public static func markdownText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// One page, no external assets: a vertical timeline on screen, a plain list when printed or unstyled,
    /// a legend for its marks and the list of its sources at the end. Rendered from `history.mustache`,
    /// whose every `{{value}}` is escaped.
    public static func html(_ history: PersonHistory, generated: String, pages: Pages) throws -> String {
        try pages.render("history", HistoryView(history, generated: generated))
    }
}

/// A status with a date and what the date is: the history header's current status.
public protocol DatedStatus {
    var date: String? { get }
    var dateBasis: String? { get }
    /// The date as answers word it (``StepDateWording/since(date:basis:after:before:)``).
    var when: String { get }
}

extension PersonHistory.Current: DatedStatus {}

extension String {
    /// The text with its first letter in upper case.
    public var capitalisingFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
