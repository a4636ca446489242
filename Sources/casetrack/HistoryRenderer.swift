import CaseQuery

/// A person's history as text, Markdown or one standalone HTML page.
enum HistoryRenderer {
    /// An event's own date, or `reported DATE` when only the resolution that stated it dates it.
    static func date(_ event: PersonHistory.Event) -> String {
        guard let date = event.date else { return "undated" }
        if event.dateBasis == "procedure-year" { return "\(date) (year only)" }
        return event.kind == "status" && event.dateBasis != "event" && event.dateBasis != nil ? "reported \(date)" : date
    }

    /// `since 2023-05-04` for an event's own date; `as reported on 2023-06-01` when only its resolution dates it.
    static func when<Status>(_ status: Status) -> String where Status: DatedStatus {
        guard let date = status.date else { return "since an unknown date" }
        switch status.dateBasis {
        case "event"?: return "since \(date)"
        case "procedure-year"?: return "as reported in \(date) (year only)"
        default: return "as reported on \(date)"
        }
    }

    static func line(_ event: PersonHistory.Event) -> String {
        var text = "\(event.kind): \(event.summary)"
        if let evidence = event.evidence, event.kind == "charge" || event.kind == "status" { text += " [\(evidence)]" }
        if let retracted = event.retracted { text = "RETRACTED (\(retracted.reason), by \(retracted.by) \(retracted.at)) " + text }
        return text
    }

    static func header(_ history: PersonHistory) -> [String] {
        var lines = [history.person.name + " (id \(history.person.id))"]
        if !history.person.aliases.isEmpty { lines.append("also written: " + history.person.aliases.joined(separator: "; ")) }
        if let current = history.currentStatus {
            lines.append("current status: \(current.status)\(current.sentence.map { ", \($0)" } ?? "") \(when(current)) - \(current.source)")
        } else {
            lines.append("current status: none recorded")
        }
        return lines
    }

    static func text(_ history: PersonHistory) -> String {
        var lines = header(history)
        lines.append("")
        // The date column is as wide as its widest date ("2022 (year only)", "reported 2021-02-11").
        let width = history.events.map { date($0).count }.max() ?? 0
        for event in history.events {
            lines.append("\(date(event).padding(toLength: width, withPad: " ", startingAt: 0))  \(event.source)  \(line(event))")
            if let quote = event.quote { lines.append(String(repeating: " ", count: width + 2) + "“\(quote)”") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ history: PersonHistory) -> String {
        // Words from resolutions and users are text, never markup: raw HTML such as <b> is escaped.
        func cell(_ text: String) -> String {
            markdownText(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var lines = ["# Case history: \(markdownText(history.person.name))", ""]
        for item in header(history).dropFirst() { lines.append("- \(markdownText(item))") }
        lines += ["", "| Date | Source | What | Evidence | Words of the source |", "| --- | --- | --- | --- | --- |"]
        for event in history.events {
            var what = cell(line(event))
            if event.retracted != nil { what = "~~\(what)~~" }
            lines.append("| \(cell(date(event))) | \(cell(event.source.description)) | \(what) | \(cell(event.evidence ?? "")) | \(cell(event.quote ?? "")) |")
        }
        if !history.sources.isEmpty {
            lines += ["", "## Sources", ""]
            for source in history.sources { lines.append("- " + sourceLine(source, text: markdownText)) }
        }
        lines += ["", "Evidence: " + evidenceLegend]
        return lines.joined(separator: "\n") + "\n"
    }

    static let evidenceLegend = "stated — a resolution says it; inferred — read from what a resolution says (the chain is given); recorded — entered by a casetrack user, with their source."

    /// A source in one line: title, procedure, adoption date and address; or a user's source, who and when.
    /// `text` escapes what came from a resolution or a user; the address is casetrack's own.
    static func sourceLine(_ source: PersonHistory.Source, text: (String) -> String = { $0 }) -> String {
        if source.kind == "record" {
            return text("\(source.label) — recorded\(source.recordedBy.map { " by \($0)" } ?? "")\(source.recordedAt.map { " on \($0)" } ?? "")")
        }
        var parts = [source.procedure ?? source.label]
        if let title = source.title { parts.append(title) }
        parts.append(adoptedText(source))
        return text(parts.joined(separator: " — ")) + (source.address.map { " — <\($0)>" } ?? "")
    }

    static func adoptedText(_ source: PersonHistory.Source) -> String {
        guard let adopted = source.adopted else { return "adoption date unknown" }
        return source.adoptedBasis == "procedure-year" ? "adopted in \(adopted) (year only; set it with 'casetrack document date')" : "adopted \(adopted)"
    }

    /// Markdown text with HTML's special characters escaped.
    static func markdownText(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// One page, no external assets: a vertical timeline on screen, a plain list when printed or unstyled,
    /// a legend for its marks and the list of its sources at the end.
    static func html(_ history: PersonHistory, generated: String) -> String {
        let name = escape(history.person.name)
        // Each event links to its source in the list at the end.
        var anchors: [String: String] = [:]
        for (index, source) in history.sources.enumerated() where anchors[source.label] == nil { anchors[source.label] = "source-\(index + 1)" }
        func sourceLink(_ event: PersonHistory.Event) -> String {
            let label = event.source.document ?? event.source.text ?? "unknown source"
            let text = escape(event.source.description)
            return anchors[label].map { "<a href=\"#\($0)\">\(text)</a>" } ?? text
        }
        var items = ""
        for event in history.events {
            let retracted = event.retracted != nil
            items += """
                <li class="event \(escape(event.kind))\(retracted ? " retracted" : "")">
                <p class="when"><time\(event.date.map { " datetime=\"\(escape($0))\"" } ?? "")>\(escape(date(event)))</time> · <span class="source">\(sourceLink(event))</span></p>
                <p class="what"><span class="kind">\(escape(event.kind))</span> \(retracted ? "<del>" : "")\(escape(event.summary))\(retracted ? "</del>" : "")\(event.evidence.map { " <span class=\"evidence\">(\(escape($0)))</span>" } ?? "")</p>
                \(event.retracted.map { "<p class=\"note\">Retracted: \(escape($0.reason)) (by \(escape($0.by)), \(escape($0.at)))</p>" } ?? "")
                \(event.quote.map { "<blockquote>\(escape($0))</blockquote>" } ?? "")
                </li>

                """
        }
        var sources = ""
        for (index, source) in history.sources.enumerated() {
            if source.kind == "record" {
                sources += "<li id=\"source-\(index + 1)\"><span class=\"record\">\(escape(source.label))</span> — recorded"
                    + (source.recordedBy.map { " by " + escape($0) } ?? "") + (source.recordedAt.map { " on " + escape($0) } ?? "") + "</li>\n"
            } else {
                let title = source.title.map { " <cite>\(escape($0))</cite>." } ?? ""
                let address = source.address.map { " <a href=\"\(escape($0))\">\(escape($0))</a>" } ?? ""
                sources += "<li id=\"source-\(index + 1)\"><strong>\(escape(source.procedure ?? source.label))</strong>.\(title) \(escape(adoptedText(source).capitalisingFirstLetter)).\(address)</li>\n"
            }
        }
        let current = history.currentStatus.map {
            "\(escape($0.status))\($0.sentence.map { ", " + escape($0) } ?? "") \(escape(when($0))) (\(escape($0.source.description)))"
        } ?? "none recorded"
        let aliases = history.person.aliases.isEmpty ? "" : "<dt>Also written</dt><dd>\(escape(history.person.aliases.joined(separator: "; ")))</dd>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Case history: \(name)</title>
            <style>
            body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 1.6rem; margin-bottom: .2rem; }
            h2 { font-size: 1.2rem; break-after: avoid; page-break-after: avoid; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
            dt { font-weight: bold; }
            ol.timeline { list-style: none; margin: 1.5rem 0; padding: 0 0 0 1.5rem; border-left: 3px solid #7a8ca3; }
            li.event { position: relative; margin: 0 0 1.2rem; page-break-inside: avoid; break-inside: avoid; }
            /* A printed page never holds the last entry alone: it stays with the one before it. */
            li.event:last-child { break-before: avoid; page-break-before: avoid; }
            li.event::before, .mark { content: ""; position: absolute; left: -2.05rem; top: .35rem; width: .9rem; height: .9rem;
                               border-radius: 50%; background: #fff; border: 3px solid #7a8ca3; box-sizing: content-box; }
            li.status::before, .mark.status { background: #b03a2e; border-color: #b03a2e; }
            li.charge::before, .mark.charge { background: #6c3483; border-color: #6c3483; }
            li.release-call::before, .mark.release-call { background: #1e8449; border-color: #1e8449; }
            li.retracted { opacity: .6; }
            ul.legend { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .9rem; }
            ul.legend li { position: relative; padding-left: 1.4rem; }
            ul.legend .mark { position: absolute; left: 0; top: .3rem; width: .6rem; height: .6rem; border-width: 2px; }
            p.evidence-legend { font-size: .9rem; color: #333; margin: .3rem 0 0; }
            p { margin: 0; }
            .when { font-size: .9rem; color: #444; }
            .kind { font-variant: small-caps; font-weight: bold; }
            .evidence { color: #555; font-style: italic; }
            blockquote { margin: .3rem 0 0; padding-left: .8rem; border-left: 2px solid #ccc; color: #333; font-size: .95rem; }
            ol.sources li { margin-bottom: .4rem; overflow-wrap: anywhere; break-inside: avoid; page-break-inside: avoid; }
            ol.sources li:last-child { break-before: avoid; page-break-before: avoid; }
            footer { margin-top: 2rem; font-size: .8rem; color: #555; }
            @media print {
              body { margin: 0; max-width: none; font-size: 11pt; }
              ol.timeline { border-left-color: #999; }
              a { color: inherit; }
              li.event::before, .mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              p, blockquote { orphans: 3; widows: 3; }
            }
            </style>
            </head>
            <body>
            <h1>Case history: \(name)</h1>
            <dl>
            <dt>Identity</dt><dd>casetrack id \(history.person.id)</dd>
            \(aliases)
            <dt>Current status</dt><dd>\(current)</dd>
            </dl>
            <h2>Timeline, oldest first</h2>
            <ul class="legend" aria-label="What the marks mean">
            <li><span class="mark status"></span>status: detained, sentenced, released…</li>
            <li><span class="mark charge"></span>charge under an article</li>
            <li><span class="mark release-call"></span>a resolution calls for release</li>
            <li><span class="mark"></span>named in a resolution, membership, note</li>
            </ul>
            <p class="evidence-legend">In brackets, how each step is known: <em>stated</em> — a resolution says it; <em>inferred</em> — read from what a resolution says, with the reasoning; <em>recorded</em> — entered by a casetrack user, with their source.</p>
            <ol class="timeline">
            \(items)</ol>
            <h2 id="sources">Sources</h2>
            <ol class="sources">
            \(sources)</ol>
            <footer>Generated by casetrack on \(escape(generated)). Sections of a resolution: letters are recitals, numbers operative paragraphs, c1, c2… its citations.</footer>
            </body>
            </html>

            """
    }
}

/// A status with a date and what the date is: the history header's current status.
protocol DatedStatus {
    var date: String? { get }
    var dateBasis: String? { get }
}

extension PersonHistory.Current: DatedStatus {}

extension String {
    var capitalisingFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
