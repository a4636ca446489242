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
        if let evidence = event.evidence, event.kind == "charge" { text += " [\(evidence)]" }
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
        var lines = ["# Case history: \(history.person.name)", ""]
        for item in header(history).dropFirst() { lines.append("- \(item)") }
        lines += ["", "| Date | Source | What | Words of the source |", "| --- | --- | --- | --- |"]
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        for event in history.events {
            var what = cell(line(event))
            if event.retracted != nil { what = "~~\(what)~~" }
            lines.append("| \(cell(date(event))) | \(cell(event.source.description)) | \(what) | \(cell(event.quote ?? "")) |")
        }
        return lines.joined(separator: "\n") + "\n"
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

    /// One page, no external assets: a vertical timeline on screen, a plain list when printed or unstyled.
    static func html(_ history: PersonHistory, generated: String) -> String {
        let name = escape(history.person.name)
        var items = ""
        for event in history.events {
            let retracted = event.retracted != nil
            items += """
                <li class="event \(escape(event.kind))\(retracted ? " retracted" : "")">
                <p class="when"><time\(event.date.map { " datetime=\"\(escape($0))\"" } ?? "")>\(escape(date(event)))</time> · <span class="source">\(escape(event.source.description))</span></p>
                <p class="what"><span class="kind">\(escape(event.kind))</span> \(retracted ? "<del>" : "")\(escape(event.summary))\(retracted ? "</del>" : "")\(event.evidence.map { " <span class=\"evidence\">(\(escape($0)))</span>" } ?? "")</p>
                \(event.retracted.map { "<p class=\"note\">Retracted: \(escape($0.reason)) (by \(escape($0.by)), \(escape($0.at)))</p>" } ?? "")
                \(event.quote.map { "<blockquote>\(escape($0))</blockquote>" } ?? "")
                </li>

                """
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
            dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
            dt { font-weight: bold; }
            ol.timeline { list-style: none; margin: 1.5rem 0; padding: 0 0 0 1.5rem; border-left: 3px solid #7a8ca3; }
            li.event { position: relative; margin: 0 0 1.2rem; page-break-inside: avoid; break-inside: avoid; }
            li.event::before { content: ""; position: absolute; left: -2.05rem; top: .35rem; width: .9rem; height: .9rem;
                               border-radius: 50%; background: #fff; border: 3px solid #7a8ca3; }
            li.status::before { background: #b03a2e; border-color: #b03a2e; }
            li.charge::before { background: #6c3483; border-color: #6c3483; }
            li.release-call::before { background: #1e8449; border-color: #1e8449; }
            li.retracted { opacity: .6; }
            p { margin: 0; }
            .when { font-size: .9rem; color: #444; }
            .kind { font-variant: small-caps; font-weight: bold; }
            .evidence { color: #555; font-style: italic; }
            blockquote { margin: .3rem 0 0; padding-left: .8rem; border-left: 2px solid #ccc; color: #333; font-size: .95rem; }
            footer { margin-top: 2rem; font-size: .8rem; color: #555; }
            @media print { body { margin: 0; max-width: none; font-size: 11pt; } ol.timeline { border-left-color: #999; } a { color: inherit; } }
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
            <ol class="timeline">
            \(items)</ol>
            <footer>Generated by casetrack on \(escape(generated)). Each step names its source: a European Parliament resolution (procedure and section: letters are recitals, numbers operative paragraphs) or the source a user recorded.</footer>
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
