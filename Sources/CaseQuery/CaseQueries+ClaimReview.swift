import CaseIngest
import CaseStore
import GRDB

/// One claim the importer read, as a reviewer checks it: what it says, the
/// words it was read from, and its review state.
public struct ClaimReviewItem: Sendable, Encodable, Equatable {
    public var id: String
    /// `status`, `charge`, `membership` or `release`.
    public var kind: String
    public var personID: Int64?
    /// The person, organisation or group the claim is about.
    public var subject: String
    /// What the claim says of its subject: `detained`, `charged under Article 405 of the Criminal Code`.
    public var claim: String
    /// The status, for a status claim (what `review correct --status` replaces).
    public var status: String?
    /// The date as read (nil: the claim speaks as of its resolution's adoption).
    public var date: String?
    public var document: String
    public var documentID: Int64
    public var section: String
    /// The clause of the section the claim was read from.
    public var quote: String
    /// Words of `quote` the claim was read from (the name, the cue), to highlight.
    public var matched: [String]
    /// `unreviewed`, `confirmed` or `rejected`.
    public var review: String
    public var reviewedBy: String?
    public var reviewedAt: String?
    public var reason: String?
    public var correctedBy: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, subject, claim, status, date, document, section, quote, matched, review, reason
        case personID = "person_id", documentID = "document_id", reviewedBy = "reviewed_by", reviewedAt = "reviewed_at", correctedBy = "corrected_by"
    }
}

/// The claims of one document under review.
public struct ClaimReviewDocument: Sendable, Encodable {
    public var id: Int64
    public var label: String
    public var title: String
    public var adopted: String?
    public var withdrawn: Bool
    public var claims: [ClaimReviewItem]

    public var unreviewed: Int { claims.filter { $0.review == "unreviewed" }.count }
}

extension CaseQueries {
    /// The claims of one document (`document`: id, number or procedure) or of
    /// every document not removed, in document then section order. With
    /// `unreviewedOnly`, only those still to check.
    public func claimsForReview(document: String? = nil, unreviewedOnly: Bool = true) throws -> [ClaimReviewDocument] {
        try read { db in
            let documents: [Row]
            if let document {
                let choice = try ClaimReviews.document(document, in: db)
                documents = try Row.fetchAll(db, sql: "SELECT id, COALESCE(procedure, title) AS label, title, adopted FROM document WHERE id = ?", arguments: [choice.id])
            } else {
                documents = try Row.fetchAll(db, sql: """
                    SELECT id, COALESCE(procedure, title) AS label, title, adopted FROM document d
                    WHERE NOT \(ClaimReviews.withdrawnSQL(document: "d.id")) ORDER BY COALESCE(adopted_start, '9999'), id
                    """)
            }
            return try documents.map { row in
                let id: Int64 = try row[checked: "id"]
                var claims = try Self.reviewItems(document: id, label: row[checked: "label"], in: db)
                if unreviewedOnly { claims.removeAll { $0.review != "unreviewed" } }
                return try ClaimReviewDocument(id: id, label: row[checked: "label"], title: row[checked: "title"], adopted: row[checked: "adopted"],
                                               withdrawn: Bool.fetchOne(db, sql: "SELECT \(ClaimReviews.withdrawnSQL(document: "?"))", arguments: [id]) ?? false,
                                               claims: claims)
            }
        }
    }

    static let reviewColumns = """
        (SELECT cr.decision FROM claim_review cr WHERE cr.claim_kind = :kind AND cr.claim_id = x.id ORDER BY cr.id DESC LIMIT 1) AS decision,
        (SELECT cr.recorded_by FROM claim_review cr WHERE cr.claim_kind = :kind AND cr.claim_id = x.id ORDER BY cr.id DESC LIMIT 1) AS reviewed_by,
        (SELECT cr.recorded_at FROM claim_review cr WHERE cr.claim_kind = :kind AND cr.claim_id = x.id ORDER BY cr.id DESC LIMIT 1) AS reviewed_at,
        (SELECT cr.reason FROM claim_review cr WHERE cr.claim_kind = :kind AND cr.claim_id = x.id ORDER BY cr.id DESC LIMIT 1) AS reason,
        (SELECT cr.corrected_by FROM claim_review cr WHERE cr.claim_kind = :kind AND cr.claim_id = x.id ORDER BY cr.id DESC LIMIT 1) AS corrected_by,
        s.label, s.text AS section_text, s.start_offset AS section_start, s.ordinal
        """

    /// Every claim the import of one document recorded, with its review state.
    static func reviewItems(document id: Int64, label: String, in db: Database) throws -> [ClaimReviewItem] {
        var items: [(ordinal: Int, item: ClaimReviewItem)] = []
        func item(_ kind: ClaimKind, _ row: Row, subject: String, personID: Int64?, claim: String, status: String? = nil, date: String?, cue: String?) throws {
            let sectionText: String = try row[checked: "section_text"]
            let sectionStart: Int = try row[checked: "section_start"]
            // The person's mention nearest the cue (else the first) locates the clause.
            var quote = sectionText, matched: [String] = []
            let cueOffset = cue.flatMap { sectionText.range(of: $0, options: .caseInsensitive) }
                .map { sectionStart + sectionText.unicodeScalars.distance(from: sectionText.unicodeScalars.startIndex, to: $0.lowerBound.samePosition(in: sectionText.unicodeScalars) ?? sectionText.unicodeScalars.startIndex) }
            let mentions = personID == nil ? [] : try Row.fetchAll(db, sql: """
                SELECT text, start_offset, end_offset FROM mention WHERE person_id = ? AND section_id = ? ORDER BY start_offset
                """, arguments: [personID, row["section_id"] as Int64])
            let nearest = cueOffset.flatMap { offset in mentions.min { abs(($0["start_offset"] as Int) - offset) < abs(($1["start_offset"] as Int) - offset) } }
            if let mention = nearest ?? mentions.first {
                quote = try Self.clause(in: sectionText, from: (mention[checked: "start_offset"] as Int) - sectionStart,
                                        to: (mention[checked: "end_offset"] as Int) - sectionStart)
                matched.append(try mention[checked: "text"])
            } else if let organisation = try Row.fetchOne(db, sql: """
                SELECT m.text, m.start_offset, m.end_offset FROM mention m JOIN organisation o ON o.id = m.organisation_id
                WHERE m.section_id = ? AND o.name = ? ORDER BY m.start_offset LIMIT 1
                """, arguments: [row["section_id"] as Int64, subject]) {
                quote = try Self.clause(in: sectionText, from: (organisation[checked: "start_offset"] as Int) - sectionStart,
                                        to: (organisation[checked: "end_offset"] as Int) - sectionStart)
                matched.append(try organisation[checked: "text"])
            }
            if let cue, !cue.isEmpty, quote.range(of: cue, options: .caseInsensitive) != nil { matched.append(cue) }
            let decision: String? = try row[checked: "decision"]
            let ordinal: Int = try row[checked: "ordinal"]
            items.append((ordinal, ClaimReviewItem(
                id: ClaimID(kind: kind, id: try row[checked: "id"]).description, kind: kind.rawValue, personID: personID, subject: subject, claim: claim,
                status: status, date: date, document: label, documentID: id, section: try row[checked: "label"], quote: quote, matched: matched,
                review: decision ?? "unreviewed", reviewedBy: decision == nil ? nil : try row[checked: "reviewed_by"],
                reviewedAt: decision == nil ? nil : try row[checked: "reviewed_at"], reason: try row[checked: "reason"],
                correctedBy: try row[checked: "corrected_by"])))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT x.id, x.section_id, x.person_id, p.name, x.status, x.date, x.cue, x.sentence, \(reviewColumns)
            FROM status_event x JOIN section s ON s.id = x.section_id JOIN person p ON p.id = x.person_id
            WHERE s.document_id = :document AND x.evidence <> 'recorded' ORDER BY s.ordinal, x.id
            """, arguments: ["document": id, "kind": "status"]) {
            let status: String = try row[checked: "status"]
            let sentence: String? = try row[checked: "sentence"]
            try item(.status, row, subject: row[checked: "name"], personID: row[checked: "person_id"],
                     claim: status + (sentence.map { ", \($0)" } ?? ""), status: status, date: row[checked: "date"], cue: row[checked: "cue"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT x.id, x.section_id, x.person_id, COALESCE(pe.name, o.name, x.subject_group) AS subject, x.stage, x.date, x.cue, x.because,
                   pr.article, i.name AS instrument, \(reviewColumns)
            FROM charge x JOIN section s ON s.id = x.section_id JOIN provision pr ON pr.id = x.provision_id JOIN instrument i ON i.id = pr.instrument_id
            LEFT JOIN person pe ON pe.id = x.person_id LEFT JOIN organisation o ON o.id = x.organisation_id
            WHERE s.document_id = :document AND x.evidence <> 'recorded' ORDER BY s.ordinal, x.id
            """, arguments: ["document": id, "kind": "charge"]) {
            var claim = try "\(row[checked: "stage"] as String) under Article \(row[checked: "article"] as String) of the \(row[checked: "instrument"] as String)"
            if let because: String = try row[checked: "because"] { claim += " (inferred: \(because))" }
            try item(.charge, row, subject: row[checked: "subject"], personID: row[checked: "person_id"], claim: claim, date: row[checked: "date"], cue: row[checked: "cue"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT x.id, x.section_id, x.person_id, p.name, x.role, o.name AS organisation, \(reviewColumns)
            FROM membership x JOIN section s ON s.id = x.section_id JOIN person p ON p.id = x.person_id JOIN organisation o ON o.id = x.organisation_id
            WHERE s.document_id = :document AND x.source_text IS NULL ORDER BY s.ordinal, x.id
            """, arguments: ["document": id, "kind": "membership"]) {
            try item(.membership, row, subject: row[checked: "name"], personID: row[checked: "person_id"],
                     claim: "\(row[checked: "role"] as String) of \(row[checked: "organisation"] as String)", date: nil, cue: row[checked: "organisation"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT x.id, x.section_id, x.person_id, p.name, \(reviewColumns)
            FROM release_call x JOIN section s ON s.id = x.section_id JOIN person p ON p.id = x.person_id
            WHERE s.document_id = :document ORDER BY s.ordinal, x.id
            """, arguments: ["document": id, "kind": "release"]) {
            try item(.release, row, subject: row[checked: "name"], personID: row[checked: "person_id"], claim: "release called for", date: nil, cue: "release")
        }
        // Section order, then the kinds in the order a reader meets them.
        return items.enumerated().sorted { ($0.element.ordinal, $0.offset) < ($1.element.ordinal, $1.offset) }.map(\.element.item)
    }
}

extension CaseQueries {
    /// Joins a claim table aliased `alias` to its latest review as `cr`
    /// (columns: ``reviewColumnsSQL``).
    static func reviewJoin(_ kind: ClaimKind, on alias: String) -> String {
        """
        LEFT JOIN claim_review cr ON cr.id = (SELECT max(c2.id) FROM claim_review c2 WHERE c2.claim_kind = '\(kind.rawValue)' AND c2.claim_id = \(alias).id)
        """
    }

    static let reviewColumnsSQL = "COALESCE(cr.decision, 'unreviewed') AS review, cr.reason AS cr_reason, cr.recorded_by AS cr_by, cr.recorded_at AS cr_at"

    /// The rejection in a row read with ``reviewColumnsSQL``, if rejected.
    static func rejection(_ row: Row) throws -> StatusEventView.Retraction? {
        guard try row[checked: "review"] == "rejected" else { return nil }
        return try StatusEventView.Retraction(reason: row[checked: "cr_reason"] ?? "", by: row[checked: "cr_by"] ?? "", at: row[checked: "cr_at"] ?? "")
    }
}

extension CaseQueries {
    /// SQL: how many claims the import of document `d` recorded that are still unreviewed.
    static let unreviewedCountSQL = """
        ((SELECT count(*) FROM status_event x JOIN section s ON s.id = x.section_id
          WHERE s.document_id = d.id AND x.evidence <> 'recorded' AND \(ClaimReviews.stateSQL(.status, id: "x.id")) = 'unreviewed')
         + (SELECT count(*) FROM charge x JOIN section s ON s.id = x.section_id
          WHERE s.document_id = d.id AND x.evidence <> 'recorded' AND \(ClaimReviews.stateSQL(.charge, id: "x.id")) = 'unreviewed')
         + (SELECT count(*) FROM membership x JOIN section s ON s.id = x.section_id
          WHERE s.document_id = d.id AND x.source_text IS NULL AND \(ClaimReviews.stateSQL(.membership, id: "x.id")) = 'unreviewed')
         + (SELECT count(*) FROM release_call x JOIN section s ON s.id = x.section_id
          WHERE s.document_id = d.id AND \(ClaimReviews.stateSQL(.release, id: "x.id")) = 'unreviewed'))
        """
}
