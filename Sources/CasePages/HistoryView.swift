import CaseQuery

/// What `history.mustache` and `history_body.mustache` show: a person's
/// history as plain values, every one of them escaped by the template.
public struct HistoryView: Sendable {
    public struct Event: Sendable {
        var classes: String
        var datetime: String?
        var date: String
        /// The source list entry this event's source links to.
        var anchor: String?
        var source: String
        var kind: String
        var summary: String
        var retracted: Bool
        var evidence: String?
        var retraction: String?
        var quote: String?
    }

    public struct Source: Sendable {
        var anchor: String
        var record: Bool
        var label: String
        var recordedBy: String?
        var recordedAt: String?
        var title: String?
        var adopted: String
        var address: String?
        /// The resolution's page in the web app, when there is one.
        var localLink: String?
    }

    var name: String
    var id: Int64
    var aliases: String?
    var current: String
    var events: [Event]
    var sources: [Source]
    var generated: String
    /// The legend of the unreviewed mark, when the page shows one.
    var unreviewedLegend: String?

    /// - Parameter documentLinks: a link for a resolution source, by its label (procedure or title); none on a standalone page.
    public init(_ history: PersonHistory, generated: String, documentLinks: (String) -> String? = { _ in nil }) {
        // Each event links to its source in the list at the end.
        var anchors: [String: String] = [:]
        for (index, source) in history.sources.enumerated() where anchors[source.label] == nil { anchors[source.label] = "source-\(index + 1)" }
        name = history.person.name
        id = history.person.id
        aliases = history.person.aliases.isEmpty ? nil : history.person.aliases.joined(separator: "; ")
        current = history.currentStatus.map {
            "\(HistoryRenderer.standing($0)) (\($0.source.description))"
        }.map { $0 + (history.currentStatus?.review == "unreviewed" ? " " + HistoryRenderer.unreviewedMark : "") } ?? "none recorded"
        events = history.events.map { event in
            // A claim a person rejected is struck through with its reason, as a retraction is.
            Event(classes: "event \(event.kind)\(event.retracted != nil || event.rejected != nil ? " retracted" : "")\(event.review == "unreviewed" ? " unreviewed" : "")",
                  datetime: event.date,
                  date: HistoryRenderer.date(event), anchor: anchors[event.source.document ?? event.source.text ?? "unknown source"],
                  source: event.source.description, kind: event.kind,
                  summary: event.summary + (event.review == "unreviewed" ? " " + HistoryRenderer.unreviewedMark : ""),
                  retracted: event.retracted != nil || event.rejected != nil,
                  evidence: event.evidence,
                  retraction: event.retracted.map { "\($0.reason) (by \($0.by), \($0.at))" }
                      ?? event.rejected.map { "rejected in review: \($0.reason) (by \($0.by), \($0.at))" },
                  quote: event.quote)
        }
        sources = history.sources.enumerated().map { index, source in
            Source(anchor: "source-\(index + 1)", record: source.kind == "record",
                   label: source.kind == "record" ? source.label : source.procedure ?? source.label,
                   recordedBy: source.recordedBy, recordedAt: source.recordedAt, title: source.title,
                   adopted: HistoryRenderer.adoptedText(source).capitalisingFirstLetter, address: source.address,
                   localLink: source.kind == "record" ? nil : documentLinks(source.label))
        }
        self.generated = generated
        unreviewedLegend = HistoryRenderer.marksUnreviewed(history) ? HistoryRenderer.unreviewedLegend : nil
    }
}
