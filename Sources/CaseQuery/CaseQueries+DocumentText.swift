import CaseIngest
import CaseStore
import GRDB

/// One resolution as imported: its sections, with the names found in each.
public struct DocumentText: Sendable, Encodable {
    /// A name found in a section: where it lies in the section's text
    /// (Unicode scalar offsets) and what it names.
    public struct Mark: Sendable, Encodable, Equatable {
        public var start: Int
        public var end: Int
        /// `person`, `organisation` or `provision`.
        public var kind: String
        public var personID: Int64?
        /// The person's name as casetrack keeps it, or the organisation's name.
        public var name: String?

        enum CodingKeys: String, CodingKey {
            case start, end, kind, name
            case personID = "person_id"
        }
    }

    public struct Section: Sendable, Encodable {
        public var label: String
        public var kind: String
        public var text: String
        public var marks: [Mark]
    }

    public var summary: DocumentSummary
    /// The resolution on the European Parliament's site.
    public var address: String?
    public var sections: [Section]
}

extension CaseQueries {
    /// A resolution by its id or procedure, with every section and the names found in it.
    public func documentText(_ reference: String) throws -> DocumentText {
        let trimmed = reference.trimmingWhitespace()
        return try read { db in
            let id: Int64
            if let number = Int64(trimmed), try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [number]) == true {
                id = number
            } else {
                id = try Self.documentID(trimmed, in: db).id
            }
            guard let summary = try Self.documentSummaries(where: "d.id = ?", arguments: [id], in: db).first else {
                throw CaseQueryError.unknownDocument(procedure: trimmed, known: [])
            }
            var marks: [Int64: [DocumentText.Mark]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT m.section_id, m.start_offset - s.start_offset AS start, m.end_offset - s.start_offset AS finish,
                       m.person_id, m.organisation_id, COALESCE(p2.name, p.name) AS person_name, o.name AS organisation_name,
                       COALESCE(p.merged_into_id, m.person_id) AS shown_person
                FROM mention m JOIN section s ON s.id = m.section_id
                LEFT JOIN person p ON p.id = m.person_id LEFT JOIN person p2 ON p2.id = p.merged_into_id
                LEFT JOIN organisation o ON o.id = m.organisation_id
                WHERE s.document_id = ? ORDER BY m.section_id, m.start_offset
                """, arguments: [id]) {
                let personID: Int64? = try row[checked: "person_id"]
                let organisationID: Int64? = try row[checked: "organisation_id"]
                let kind = personID != nil ? "person" : organisationID != nil ? "organisation" : "provision"
                try marks[row[checked: "section_id"], default: []].append(DocumentText.Mark(
                    start: row[checked: "start"], end: row[checked: "finish"], kind: kind,
                    personID: personID == nil ? nil : row[checked: "shown_person"],
                    name: personID != nil ? row[checked: "person_name"] : row[checked: "organisation_name"]))
            }
            let sections = try Row.fetchAll(db, sql: "SELECT id, label, kind, text FROM section WHERE document_id = ? ORDER BY ordinal", arguments: [id])
                .map { row in
                    try DocumentText.Section(label: row[checked: "label"], kind: row[checked: "kind"], text: row[checked: "text"],
                                             marks: marks[row[checked: "id"]] ?? [])
                }
            return DocumentText(summary: summary, address: Self.parliamentAddress(procedure: summary.procedure, reference: summary.reference),
                                sections: sections)
        }
    }
}
