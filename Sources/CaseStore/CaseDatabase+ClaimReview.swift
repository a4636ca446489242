import CaseIngest
import GRDB

/// An imported document as review commands name it.
public struct DocumentChoice: Sendable, Equatable {
    public var id: Int64
    public var procedure: String?
    public var kind: String?
    public var reference: String?
    public var title: String

    /// `2021/2544(RSP)`, else the title.
    public var label: String { procedure ?? title }

    /// How an error lists it: `id 3 (motion B9-0123/2023)`.
    public var choice: String {
        let what = [kind, reference].compactMap { $0 }.joined(separator: " ")
        return "id \(id)" + (what.isEmpty ? "" : " (\(what))")
    }
}

extension ClaimReviews {
    /// The document `text` names: its id, its number (`P9_TA(2023)0123`), or
    /// its procedure when only one document (not removed) has it.
    public static func document(_ text: String, in db: Database) throws -> DocumentChoice {
        let text = text.trimmingWhitespace()
        func choice(_ row: Row) -> DocumentChoice {
            DocumentChoice(id: row["id"], procedure: row["procedure"], kind: row["kind"], reference: row["reference"], title: row["title"])
        }
        let columns = "id, procedure, kind, reference, title"
        if let id = Int64(text), let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM document WHERE id = ?", arguments: [id]) {
            return choice(row)
        }
        if let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM document WHERE reference = ? COLLATE NOCASE ORDER BY id DESC LIMIT 1", arguments: [text]) {
            return choice(row)
        }
        let rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM document d WHERE procedure = ? COLLATE NOCASE ORDER BY id", arguments: [text])
        let live = try rows.filter { !(try isWithdrawn(document: $0["id"], in: db)) }
        let candidates = live.isEmpty ? rows : live
        if candidates.count == 1 { return choice(candidates[0]) }
        if candidates.count > 1 { throw ClaimReviewError.ambiguousDocument(text, choices: candidates.map { choice($0).choice }) }
        throw ClaimReviewError.unknownDocument(text)
    }
}

extension CaseDatabase {
    /// Confirms claims: each gets a `confirmed` review row by `recorder`, in one
    /// audited transaction. A claim already confirmed is left as it is; an
    /// unknown id or a claim of a removed document changes nothing at all.
    public func confirmClaims(_ claims: [ClaimID], by recorder: Recorder) throws -> ClaimReviewOutcome {
        try auditedIfChanged("review confirm", by: recorder) { db in
            var outcome = ClaimReviewOutcome(changed: [], unchanged: [])
            let now = Timestamp.now()
            for claim in claims {
                try Self.requireReviewable(claim, in: db)
                if try ClaimReviews.state(of: claim, in: db) == .confirmed {
                    outcome.unchanged.append(claim)
                    continue
                }
                try ClaimReviews.record(claim, .confirmed, origin: "review", by: recorder.name, at: now, in: db)
                outcome.changed.append(claim)
            }
            let summary = outcome.changed.isEmpty ? nil : "confirmed \(outcome.changed.map(\.description).joined(separator: ", "))"
            return (outcome, summary)
        }
    }

    /// Confirms every unreviewed claim of one document (rejected ones stay rejected).
    public func confirmDocument(_ document: String, by recorder: Recorder) throws -> ClaimReviewOutcome {
        try auditedIfChanged("review confirm", by: recorder) { db in
            let choice = try ClaimReviews.document(document, in: db)
            if try ClaimReviews.isWithdrawn(document: choice.id, in: db) {
                throw ClaimReviewError.alreadyWithdrawn(choice.label)
            }
            var outcome = ClaimReviewOutcome(changed: [], unchanged: [], document: choice.label)
            let now = Timestamp.now()
            for claim in try ClaimReviews.importedClaims(document: choice.id, in: db) {
                guard try ClaimReviews.state(of: claim, in: db) == .unreviewed else {
                    outcome.unchanged.append(claim)
                    continue
                }
                try ClaimReviews.record(claim, .confirmed, origin: "review", by: recorder.name, at: now, in: db)
                outcome.changed.append(claim)
            }
            let summary = outcome.changed.isEmpty ? nil
                : "confirmed the \(outcome.changed.count) unreviewed claims of \(choice.label) (\(choice.choice)): \(Self.range(outcome.changed))"
            return (outcome, summary)
        }
    }

    /// Rejects one claim with a reason: it drops out of every answer and stays in the history.
    public func rejectClaim(_ claim: ClaimID, reason: String, by recorder: Recorder) throws -> ClaimReviewOutcome {
        let reason = reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw ClaimReviewError.emptyReason(command: "Rejecting a claim") }
        try OneLineText.require(reason, option: "--reason")
        return try auditedIfChanged("review reject", by: recorder) { db in
            try Self.requireReviewable(claim, in: db)
            if try ClaimReviews.state(of: claim, in: db) == .rejected {
                return (ClaimReviewOutcome(changed: [], unchanged: [claim]), nil)
            }
            try ClaimReviews.record(claim, .rejected, origin: "review", reason: reason, by: recorder.name, at: Timestamp.now(), in: db)
            return (ClaimReviewOutcome(changed: [claim], unchanged: []), "rejected \(claim): \(reason)")
        }
    }

    /// Records the right claim in place of a wrong one and rejects the wrong
    /// one, linked to it, in one transaction. The new claim cites the same
    /// section, is recorded (evidence `recorded`) and confirmed by `recorder`.
    public func correctClaim(_ claim: ClaimID, _ correction: ClaimCorrection, by recorder: Recorder) throws -> ClaimReviewOutcome {
        if correction.isEmpty { throw ClaimReviewError.nothingToCorrect(claim) }
        try OneLineText.require(correction.reason, option: "--reason")
        try OneLineText.require(correction.role, option: "--role")
        try Self.checkCorrectionOptions(claim, correction)
        return try audited("review correct", by: recorder) { db in
            try Self.requireReviewable(claim, in: db)
            if try ClaimReviews.state(of: claim, in: db) == .rejected { throw ClaimReviewError.alreadyRejected(claim) }
            let now = Timestamp.now()
            let (replacement, what) = try Self.insertCorrection(of: claim, correction, by: recorder.name, at: now, in: db)
            if replacement == claim { throw ClaimReviewError.correctionSameAsClaim(claim) }
            let reason = correction.reason.nonEmpty ?? "corrected as \(replacement): \(what)"
            try ClaimReviews.record(claim, .rejected, origin: "correct", reason: reason, correctedBy: replacement, by: recorder.name, at: now, in: db)
            try ClaimReviews.record(replacement, .confirmed, origin: "author", by: recorder.name, at: now, in: db)
            return (ClaimReviewOutcome(changed: [claim, replacement], unchanged: [], corrected: replacement),
                    "corrected \(claim) as \(replacement) (\(what)): \(reason)")
        }
    }

    /// Withdraws a document from every answer: what its import recorded is
    /// rejected with `reason` (not remembered: importing the text again brings
    /// its claims back, unreviewed). Nothing is deleted.
    public func removeDocument(_ document: String, reason: String, by recorder: Recorder) throws -> ClaimReviewOutcome {
        let reason = reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw ClaimReviewError.emptyReason(command: "Removing a document") }
        try OneLineText.require(reason, option: "--reason")
        return try audited("document remove", by: recorder) { db in
            let choice = try ClaimReviews.document(document, in: db)
            if try ClaimReviews.isWithdrawn(document: choice.id, in: db) { throw ClaimReviewError.alreadyWithdrawn(choice.label) }
            let now = Timestamp.now()
            try db.execute(sql: """
                INSERT INTO document_withdrawal (document_id, action, reason, recorded_by, recorded_at) VALUES (?, 'withdrawn', ?, ?, ?)
                """, arguments: [choice.id, reason, recorder.name, now])
            var outcome = ClaimReviewOutcome(changed: [], unchanged: [], document: choice.label)
            for claim in try ClaimReviews.importedClaims(document: choice.id, in: db) {
                if try ClaimReviews.state(of: claim, in: db) == .rejected {
                    outcome.unchanged.append(claim)
                    continue
                }
                try ClaimReviews.record(claim, .rejected, origin: "document remove", reason: "document removed: \(reason)",
                                        by: recorder.name, at: now, in: db)
                outcome.changed.append(claim)
            }
            return (outcome, "removed \(choice.label) (\(choice.choice)): \(reason); rejected \(outcome.changed.count) claims")
        }
    }

    // MARK: - Helpers

    /// `s1–s40, c3, c4`: ids for an audit line, runs of one kind shortened.
    static func range(_ claims: [ClaimID]) -> String {
        var parts: [String] = []
        var index = 0
        while index < claims.count {
            var end = index
            while end + 1 < claims.count, claims[end + 1].kind == claims[index].kind, claims[end + 1].id == claims[end].id + 1 { end += 1 }
            parts.append(end > index + 1 ? "\(claims[index])–\(claims[end])" : (index...end).map { claims[$0].description }.joined(separator: ", "))
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    static func requireReviewable(_ claim: ClaimID, in db: Database) throws {
        guard try ClaimReviews.exists(claim, in: db) else { throw ClaimReviewError.unknownClaim(claim) }
        if let document = try ClaimReviews.documentID(of: claim, in: db), try ClaimReviews.isWithdrawn(document: document, in: db) {
            let label = try String.fetchOne(db, sql: "SELECT COALESCE(procedure, title) FROM document WHERE id = ?", arguments: [document]) ?? "its document"
            throw ClaimReviewError.withdrawnDocument(claim, document: label)
        }
    }

    static func checkCorrectionOptions(_ claim: ClaimID, _ correction: ClaimCorrection) throws {
        let given: [(String, Bool)] = [
            ("--status", correction.status != nil), ("--date", correction.date != nil), ("--article", correction.article != nil),
            ("--instrument", correction.instrument != nil), ("--stage", correction.stage != nil),
            ("--organisation", correction.organisation != nil), ("--role", correction.role != nil),
        ]
        let allowed: Set<String>
        switch claim.kind {
        case .status: allowed = ["--status", "--date"]
        case .charge: allowed = ["--date", "--article", "--instrument", "--stage"]
        case .membership: allowed = ["--organisation", "--role"]
        case .release: allowed = []
        }
        if let wrong = given.first(where: { $0.1 && !allowed.contains($0.0) }) {
            throw ClaimReviewError.correctionNotSupported(claim, option: wrong.0)
        }
    }

    /// Inserts the corrected claim; returns its id and what it says.
    static func insertCorrection(of claim: ClaimID, _ correction: ClaimCorrection, by recorder: String, at now: String,
                                 in db: Database) throws -> (ClaimID, String) {
        let person = try correction.person.map { try PersonResolver.resolve($0, in: db) }
        switch claim.kind {
        case .status:
            guard let old = try StatusEvent.fetchOne(db, key: claim.id) else { throw ClaimReviewError.unknownClaim(claim) }
            let date = correction.date?.description ?? old.date
            var event = StatusEvent(
                personId: person?.id ?? old.personId, status: correction.status?.rawValue ?? old.status,
                date: date, dateStart: correction.date?.start.description ?? old.dateStart,
                evidence: "recorded", sectionId: old.sectionId, sourceText: old.sectionId == nil ? old.sourceText : nil, cue: nil,
                note: "corrects \(claim)", sentence: old.sentence, place: old.place, recordedBy: recorder, recordedAt: now)
            try event.insert(db)
            let name = try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = ?", arguments: [event.personId]) ?? "?"
            return (ClaimID(kind: .status, id: event.id ?? 0), "\(name): \(event.status)\(date.map { " from \($0)" } ?? "")")
        case .charge:
            guard let old = try Charge.fetchOne(db, key: claim.id) else { throw ClaimReviewError.unknownClaim(claim) }
            var provisionID = old.provisionId
            if correction.article != nil || correction.instrument != nil {
                let current = try Row.fetchOne(db, sql: """
                    SELECT i.name, p.article FROM provision p JOIN instrument i ON i.id = p.instrument_id WHERE p.id = ?
                    """, arguments: [old.provisionId])
                let article = ProvisionNames.normaliseArticle(correction.article ?? current?["article"] ?? "")
                guard !article.isEmpty else { throw CaseStoreError.emptyArticle }
                let instrument = try instrumentForCharge(named: correction.instrument ?? current?["name"], article: article, in: db)
                provisionID = try Self.provisionID(instrumentID: instrument.id, article: article, in: db)
            }
            let group = try Row.fetchOne(db, sql: "SELECT subject_group, subject_count FROM charge WHERE id = ?", arguments: [claim.id])
            let personID = person?.id ?? old.personId
            let organisationID = person == nil ? old.organisationId : nil
            let subjectGroup: String? = personID == nil && organisationID == nil ? group?["subject_group"] : nil
            try db.execute(sql: """
                INSERT INTO charge (person_id, organisation_id, provision_id, stage, evidence, date, date_start, section_id, source_text,
                                    subject_group, subject_count, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, 'recorded', ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [personID, organisationID, provisionID, correction.stage?.rawValue ?? old.stage,
                                 correction.date?.description ?? old.date, correction.date?.start.description ?? old.dateStart,
                                 old.sectionId, old.sectionId == nil ? old.sourceText : nil,
                                 subjectGroup, subjectGroup == nil ? nil : group?["subject_count"] as Int?, recorder, now])
            let id = db.lastInsertedRowID
            let what = try Row.fetchOne(db, sql: """
                SELECT COALESCE(pe.name, o.name, c.subject_group) AS subject, c.stage, p.article, i.name FROM charge c
                JOIN provision p ON p.id = c.provision_id JOIN instrument i ON i.id = p.instrument_id
                LEFT JOIN person pe ON pe.id = c.person_id LEFT JOIN organisation o ON o.id = c.organisation_id WHERE c.id = ?
                """, arguments: [id])
            return (ClaimID(kind: .charge, id: id),
                    "\(what?["subject"] ?? "?"): \(what?["stage"] ?? "?") under Article \(what?["article"] ?? "?") of \(what?["name"] ?? "?")")
        case .membership:
            guard let old = try Row.fetchOne(db, sql: "SELECT * FROM membership WHERE id = ?", arguments: [claim.id]) else {
                throw ClaimReviewError.unknownClaim(claim)
            }
            var organisationID: Int64 = old["organisation_id"]
            if let name = correction.organisation {
                guard let id = try Int64.fetchOne(db, sql: "SELECT organisation_id FROM organisation_alias WHERE match_key = ? ORDER BY organisation_id LIMIT 1",
                                                  arguments: [NameKey.matchKey(name)]) else {
                    throw ClaimReviewError.unknownOrganisation(name)
                }
                organisationID = id
            }
            let role = correction.role.nonEmpty ?? old["role"]
            try db.execute(sql: """
                INSERT INTO membership (person_id, organisation_id, role, section_id, source_text, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [person?.id ?? old["person_id"], organisationID, role, old["section_id"] as Int64?,
                                 (old["section_id"] as Int64?) == nil ? old["source_text"] as String? : "corrects \(claim)", recorder, now])
            let id = db.lastInsertedRowID
            let names = try Row.fetchOne(db, sql: """
                SELECT p.name AS person, o.name AS organisation FROM membership m JOIN person p ON p.id = m.person_id
                JOIN organisation o ON o.id = m.organisation_id WHERE m.id = ?
                """, arguments: [id])
            return (ClaimID(kind: .membership, id: id), "\(names?["person"] ?? "?"): \(role) of \(names?["organisation"] ?? "?")")
        case .release:
            guard let old = try Row.fetchOne(db, sql: "SELECT * FROM release_call WHERE id = ?", arguments: [claim.id]) else {
                throw ClaimReviewError.unknownClaim(claim)
            }
            guard let person else { throw ClaimReviewError.nothingToCorrect(claim) }
            let sectionID: Int64 = old["section_id"]
            try db.execute(sql: "INSERT OR IGNORE INTO release_call (person_id, section_id) VALUES (?, ?)", arguments: [person.id, sectionID])
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM release_call WHERE person_id = ? AND section_id = ?", arguments: [person.id, sectionID]) ?? 0
            return (ClaimID(kind: .release, id: id), "release called for \(person.name)")
        }
    }
}
