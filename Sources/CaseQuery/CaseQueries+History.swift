import CaseIngest
import CaseStore
import GRDB

/// `history PERSON`: everything known of one person, oldest first.
public struct PersonHistory: Sendable, Encodable {
    public struct Event: Sendable, Encodable {
        /// `mention`, `status`, `charge`, `membership`, `release-call` or `note`.
        public var kind: String
        public var date: String?
        /// How the date is known: `event`, `adopted`, `procedure-year`, `recorded`; for a status
        /// also `bounded` (an undated step placed between `date_after` and `date_before`) or `not stated`.
        public var dateBasis: String?
        /// A status step's bounds when the text does not date it (either may be nil: open).
        public var dateAfter: String?
        public var dateBefore: String?
        /// A status step's place in the person's story within its resolution, from 1.
        public var step: Int?
        /// The date as every answer words it: `2023-11-30`, `as of 2024-01-18 (reported)`,
        /// `between 2023-03 and 2023-03-15`, `before 2022-09-16`, `after 2023-03`, `date not stated`.
        public var when: String
        public var summary: String
        /// The words of the resolution around the fact, when it comes from one.
        public var quote: String?
        /// `stated` (a resolution says it), `inferred` (read from what one says) or `recorded` (entered by a user).
        public var evidence: String?
        public var retracted: StatusEventView.Retraction?
        /// For a claim (status, charge, membership, release call): `unreviewed`, `confirmed` or `rejected`.
        public var review: String?
        /// Why a person rejected the claim, when they did.
        public var rejected: StatusEventView.Retraction?
        /// The claim's id for `casetrack review` (`s12`, `c4`, `m5`, `r3`).
        public var claim: String?
        public var eventID: Int64?
        public var source: SourceRef
        /// For a user's record: who recorded it and when.
        public var recordedBy: String?
        public var recordedAt: String?
        /// Sort key: the first day of `date`.
        var sortKey: String
        var order: Int

        enum CodingKeys: String, CodingKey {
            case kind, date, when, step, summary, quote, evidence, retracted, source, review, rejected, claim
            case dateBasis = "date_basis", eventID = "event_id", recordedBy = "recorded_by", recordedAt = "recorded_at"
            case dateAfter = "date_after", dateBefore = "date_before"
        }
    }

    /// Where the history's facts come from: an imported resolution, or a user's record.
    public struct Source: Sendable, Encodable {
        /// `resolution` or `record`.
        public var kind: String
        /// How the events name it: the procedure (or title), or the record's text.
        public var label: String
        public var procedure: String?
        public var title: String?
        public var adopted: String?
        public var adoptedBasis: String?
        /// The resolution on the European Parliament's site: its adopted text when its reference is
        /// known, else its procedure file in the Legislative Observatory.
        public var address: String?
        public var recordedBy: String?
        public var recordedAt: String?

        enum CodingKeys: String, CodingKey {
            case kind, label, procedure, title, adopted, address
            case adoptedBasis = "adopted_basis", recordedBy = "recorded_by", recordedAt = "recorded_at"
        }
    }

    public struct Current: Sendable, Encodable {
        public var status: String
        public var date: String?
        /// `event`, `adopted`/`procedure-year` when the reporting resolution dates it, `bounded`, `not stated`.
        public var dateBasis: String?
        public var dateAfter: String?
        public var dateBefore: String?
        /// `since 2023-11-30` for its own date, else the step's date wording (`as of 2024-01-18 (reported)`).
        public var when: String
        public var sentence: String?
        public var source: SourceRef
        /// `unreviewed` or `confirmed`.
        public var review: String = ReviewState.unreviewed.rawValue

        enum CodingKeys: String, CodingKey {
            case status, date, when, sentence, source, review
            case dateBasis = "date_basis", dateAfter = "date_after", dateBefore = "date_before"
        }
    }

    public var person: PersonIdentity
    public var currentStatus: Current?
    public var events: [Event]
    /// Every source the events cite, resolutions first (oldest first), then user records.
    public var sources: [Source]

    enum CodingKeys: String, CodingKey {
        case person, events, sources
        case currentStatus = "current_status"
    }
}

extension CaseQueries {
    /// A person's mentions with their sections and documents (the benchmark runs it too).
    public static let historyMentionsSQL = """
        SELECT m.text, m.role, m.start_offset, m.end_offset, s.label, s.text AS section_text, s.start_offset AS section_start,
               s.ordinal, COALESCE(d.procedure, d.title) AS document, d.adopted, d.adopted_start, d.adopted_basis
        FROM mention m JOIN section s ON s.id = m.section_id JOIN document d ON d.id = s.document_id
        WHERE m.person_id = ? ORDER BY d.adopted_start, d.id, s.ordinal, m.start_offset
        """

    public func history(_ query: String, reviewedOnly: Bool = false) throws -> PersonHistory {
        try read { db in
            let person = try PersonResolver.resolve(query, in: db)
            let id = person.id ?? 0
            var events: [PersonHistory.Event] = []
            func add(_ kind: String, _ date: String?, _ basis: String?, _ start: String?, _ summary: String, quote: String? = nil,
                     evidence: String? = nil, retracted: StatusEventView.Retraction? = nil, eventID: Int64? = nil, source: SourceRef, order: Int,
                     recordedBy: String? = nil, recordedAt: String? = nil, step: StatusEventView? = nil, review: String? = nil,
                     rejected: StatusEventView.Retraction? = nil, claim: ClaimID? = nil) {
                // With --reviewed, a claim counts only once a person confirmed it.
                if reviewedOnly, let review, review != "confirmed" { return }
                // One evidence vocabulary: what a resolution says is stated, what a user enters is recorded.
                let evidence = evidence ?? (source.document == nil ? "recorded" : "stated")
                let byUser = source.document == nil
                // Only a status step says "reported": a mention or a charge is simply of its resolution's date.
                let when = step?.when ?? date.map { basis == "procedure-year" ? "\($0) (year only)" : $0 } ?? "date unknown"
                events.append(.init(kind: kind, date: date, dateBasis: basis, dateAfter: step?.dateAfter, dateBefore: step?.dateBefore, step: step?.step,
                                    when: when, summary: summary, quote: quote, evidence: evidence,
                                    retracted: retracted, review: review, rejected: rejected, claim: claim?.description, eventID: eventID, source: source,
                                    recordedBy: byUser ? recordedBy : nil, recordedAt: byUser ? recordedAt : nil,
                                    sortKey: start ?? "9999", order: order))
            }
            // Mentions, with the clause around them.
            for row in try Row.fetchAll(cached: db, sql: Self.historyMentionsSQL, arguments: [id]) {
                let role: String? = try row[checked: "role"]
                let text: String = try row[checked: "text"]
                let summary = "named" + (text == person.name ? "" : " as ‘\(text)’") + (role.map { ", \($0)" } ?? "")
                let sectionText: String = try row[checked: "section_text"]
                let quote = try Self.clause(in: sectionText, from: (row[checked: "start_offset"] as Int) - (row[checked: "section_start"] as Int),
                                        to: (row[checked: "end_offset"] as Int) - (row[checked: "section_start"] as Int))
                try add("mention", row[checked: "adopted"], Self.basis(row[checked: "adopted_basis"]), row[checked: "adopted_start"], summary, quote: quote,
                    source: SourceRef(document: row[checked: "document"], section: row[checked: "label"], text: nil), order: 0)
            }
            // Status events, retracted ones included, in story order.
            let statusEvents = try Self.statusEvents(personID: id, in: db)
            for event in statusEvents {
                var summary = event.status
                if let sentence = event.sentence { summary += ", \(sentence)" }
                if let place = event.place { summary += ", at \(place)" }
                let (evidence, because) = Self.statusEvidence(event)
                if let cue = event.cue { summary += " (“\(cue)”)" }
                if let because { summary += " — inferred: \(because)" } else if let note = event.note { summary += "; \(note)" }
                add("status", event.date, event.dateBasis, event.facts.effectiveStart == "0000" ? nil : event.facts.effectiveStart, summary, evidence: evidence,
                    retracted: event.retracted, eventID: event.id, source: event.source, order: 2,
                    recordedBy: event.recordedBy, recordedAt: event.recordedAt, step: event, review: event.review, rejected: event.rejected,
                    claim: ClaimID(kind: .status, id: event.id))
            }
            // Charges.
            for row in try Row.fetchAll(cached: db, sql: """
                SELECT c.*, i.name AS instrument, p.article, via.name AS via_name, \(SourceRef.columns),
                       src_d.adopted, src_d.adopted_start, src_d.adopted_basis, \(Self.reviewColumnsSQL)
                FROM charge c JOIN provision p ON p.id = c.provision_id JOIN instrument i ON i.id = p.instrument_id
                LEFT JOIN organisation via ON via.id = c.via_organisation_id
                \(SourceRef.joins(on: "c"))
                \(Self.reviewJoin(.charge, on: "c"))
                WHERE c.person_id = ? ORDER BY c.id
                """, arguments: [id]) {
                var summary = try "\(row[checked: "stage"] as String) under Article \(row[checked: "article"] as String) of the \(row[checked: "instrument"] as String)"
                if let because: String = try row[checked: "because"] { summary += " — inferred: \(because)" }
                let date: String? = try row[checked: "date"] ?? row[checked: "adopted"]
                let basis = try (row[checked: "date"] as String?) != nil ? "event" : Self.basis(row[checked: "adopted_basis"])
                try add("charge", date, basis, row[checked: "date_start"] ?? row[checked: "adopted_start"], summary, evidence: row[checked: "evidence"],
                    source: SourceRef(row: row), order: 3, recordedBy: row[checked: "recorded_by"], recordedAt: row[checked: "recorded_at"],
                    review: row[checked: "review"], rejected: Self.rejection(row), claim: ClaimID(kind: .charge, id: row[checked: "id"]))
            }
            // Memberships.
            for row in try Row.fetchAll(cached: db, sql: """
                SELECT m.id, m.role, o.name, m.source_text, m.recorded_by, m.recorded_at, \(SourceRef.columns), src_d.adopted, src_d.adopted_start, src_d.adopted_basis,
                       \(Self.reviewColumnsSQL)
                FROM membership m JOIN organisation o ON o.id = m.organisation_id
                \(SourceRef.joins(on: "m"))
                \(Self.reviewJoin(.membership, on: "m"))
                WHERE m.person_id = ? ORDER BY m.id
                """, arguments: [id]) {
                try add("membership", row[checked: "adopted"], Self.basis(row[checked: "adopted_basis"]), row[checked: "adopted_start"],
                    "\(row[checked: "role"] as String) of \(row[checked: "name"] as String)", source: SourceRef(row: row), order: 1,
                    recordedBy: row[checked: "recorded_by"], recordedAt: row[checked: "recorded_at"],
                    review: row[checked: "review"], rejected: Self.rejection(row), claim: ClaimID(kind: .membership, id: row[checked: "id"]))
            }
            // Release calls.
            for row in try Row.fetchAll(cached: db, sql: """
                SELECT r.id, s.label, COALESCE(d.procedure, d.title) AS document, d.adopted, d.adopted_start, d.adopted_basis, \(Self.reviewColumnsSQL)
                FROM release_call r JOIN section s ON s.id = r.section_id JOIN document d ON d.id = s.document_id
                \(Self.reviewJoin(.release, on: "r"))
                WHERE r.person_id = ? ORDER BY d.adopted_start, s.ordinal
                """, arguments: [id]) {
                try add("release-call", row[checked: "adopted"], Self.basis(row[checked: "adopted_basis"]), row[checked: "adopted_start"], "release called for",
                    source: SourceRef(document: row[checked: "document"], section: row[checked: "label"], text: nil), order: 4,
                    review: row[checked: "review"], rejected: Self.rejection(row), claim: ClaimID(kind: .release, id: row[checked: "id"]))
            }
            if let note = person.note {
                add("note", String(person.createdAt.prefix(10)), "recorded", String(person.createdAt.prefix(10)), note,
                    source: SourceRef(document: nil, section: nil, text: "note by user"), order: 5, recordedAt: person.createdAt)
            }
            events.sort { ($0.sortKey, $0.source.document ?? "", Self.sectionOrder($0.source.section), $0.order)
                < ($1.sortKey, $1.source.document ?? "", Self.sectionOrder($1.source.section), $1.order) }
            // Status steps keep the story order the current status is read from (steps of one day
            // as the text orders them, not as their sections do): they fill the places statuses took.
            let statusPlaces = events.indices.filter { events[$0].kind == "status" }
            let storyOrder = Dictionary(uniqueKeysWithValues: statusEvents.enumerated().map { ($1.id, $0) })
            let statuses = statusPlaces.map { events[$0] }.sorted { storyOrder[$0.eventID ?? 0] ?? 0 < storyOrder[$1.eventID ?? 0] ?? 0 }
            for (place, event) in zip(statusPlaces, statuses) { events[place] = event }
            let current = try Self.current(statusEvents, reviewedOnly: reviewedOnly, in: db).map {
                PersonHistory.Current(status: $0.status, date: $0.date, dateBasis: $0.dateBasis, dateAfter: $0.dateAfter, dateBefore: $0.dateBefore,
                                      when: StepDateWording.since(date: $0.date, basis: $0.dateBasis, after: $0.dateAfter, before: $0.dateBefore),
                                      sentence: $0.sentence, source: $0.source, review: $0.review ?? ReviewState.unreviewed.rawValue)
            }
            return PersonHistory(person: try Self.identity(person, in: db), currentStatus: current, events: events,
                                 sources: try Self.sources(of: events, in: db))
        }
    }

    /// A status read from a call for release (its note is ``Extraction/StatusCue/releaseCallNote``,
    /// made inferred by ``statusEvents``): the reasoning, in the words of the other inferences.
    static func statusEvidence(_ event: StatusEventView) -> (evidence: String, because: String?) {
        if event.evidence == "inferred", event.note == Extraction.StatusCue.releaseCallNote {
            return ("inferred", "the resolution calls for this person's release")
        }
        return (event.evidence, nil)
    }

    /// The resolutions the events cite, oldest first, then each user record once.
    static func sources(of events: [PersonHistory.Event], in db: Database) throws -> [PersonHistory.Source] {
        var labels: [String] = []
        for event in events { if let document = event.source.document, !labels.contains(document) { labels.append(document) } }
        var resolutions: [(start: String, source: PersonHistory.Source)] = []
        for label in labels {
            guard let row = try Row.fetchOne(cached: db, sql: """
                SELECT procedure, title, adopted, adopted_start, adopted_basis, reference FROM document
                WHERE COALESCE(procedure, title) = ? ORDER BY COALESCE(kind = 'adopted text', 0) DESC, id LIMIT 1
                """, arguments: [label]) else { continue }
            try resolutions.append((row[checked: "adopted_start"] ?? "9999", PersonHistory.Source(
                kind: "resolution", label: label, procedure: row[checked: "procedure"], title: row[checked: "title"], adopted: row[checked: "adopted"],
                adoptedBasis: row[checked: "adopted_basis"], address: Self.parliamentAddress(procedure: row[checked: "procedure"], reference: row[checked: "reference"]))))
        }
        var records: [PersonHistory.Source] = []
        for event in events where event.source.document == nil {
            let text = event.source.text ?? "unknown source"
            guard !records.contains(where: { $0.label == text && $0.recordedBy == event.recordedBy && $0.recordedAt == event.recordedAt })
            else { continue }
            records.append(PersonHistory.Source(kind: "record", label: text, recordedBy: event.recordedBy, recordedAt: event.recordedAt))
        }
        return resolutions.sorted { $0.start < $1.start }.map(\.source) + records
    }

    /// The adopted text's page (`P9_TA(2021)0056` → `TA-9-2021-0056`), else the procedure file.
    static func parliamentAddress(procedure: String?, reference: String?) -> String? {
        if let reference, reference.hasPrefix("P"), let open = reference.firstIndex(of: "("), let close = reference.firstIndex(of: ")"),
           open < close, reference[reference.index(after: reference.startIndex)..<open].hasSuffix("_TA") {
            let term = reference[reference.index(after: reference.startIndex)..<open].dropLast(3)
            let year = reference[reference.index(after: open)..<close], number = reference[reference.index(after: close)...]
            if term.allSatisfy(\.isNumber), year.allSatisfy(\.isNumber), number.allSatisfy(\.isNumber), !number.isEmpty {
                return "https://www.europarl.europa.eu/doceo/document/TA-\(term)-\(year)-\(number)_EN.html"
            }
        }
        guard let procedure, procedure.contains("/") else { return nil }
        return "https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do?reference=\(procedure)&l=en"
    }

    static func basis(_ adoptedBasis: String?) -> String? {
        guard let adoptedBasis else { return nil }
        return adoptedBasis == "procedure-year" ? "procedure-year" : "adopted"
    }

    static func start(of date: String?) -> String? {
        guard let date, let parsed = try? PartialDate(parsing: date) else { return nil }
        return parsed.start.description
    }

    /// Recitals (letters) before paragraphs (numbers) before footnotes, each in order.
    static func sectionOrder(_ label: String?) -> String {
        guard let label else { return "" }
        if let number = Int(label) { return "2" + String(repeating: "0", count: max(0, 4 - label.count)) + String(number) }
        if label.hasPrefix("c") || label.hasPrefix("fn") { return (label.hasPrefix("c") ? "0" : "3") + label }
        return "1" + String(label.count) + label
    }

    /// The clause (between semicolons) around a span of a section, trimmed to a readable length.
    static func clause(in text: String, from start: Int, to end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard start >= 0, end <= scalars.count, start <= end else { return "" }
        var first = start, last = end
        while first > 0, scalars[first - 1] != ";" { first -= 1 }
        while last < scalars.count, scalars[last] != ";" { last += 1 }
        var prefix = "", suffix = ""
        // Long clauses are cut at a word boundary about 200 characters either side.
        if start - first > 200 {
            first = start - 200
            while first < start, scalars[first] != " " { first += 1 }
            prefix = "…"
        }
        if last - end > 200 {
            last = end + 200
            while last > end, scalars[last - 1] != " " { last -= 1 }
            suffix = "…"
        }
        var clause = String(String.UnicodeScalarView(scalars[first..<last])).trimmingWhitespace()
        // The section's own label (`O. `, `4. `) and the opening `whereas` are not the source's words about the person.
        if let dot = clause.firstIndex(of: "."), clause.distance(from: clause.startIndex, to: dot) <= 3,
           clause[clause.startIndex..<dot].allSatisfy({ $0.isLetter || $0.isNumber }), clause[clause.index(after: dot)...].hasPrefix(" ") {
            clause = String(clause[clause.index(dot, offsetBy: 2)...])
        }
        for lead in ["whereas ", "Whereas "] where clause.hasPrefix(lead) { clause.removeFirst(lead.count) }
        return prefix + clause.trimmingWhitespace() + suffix
    }
}
