import CaseIngest
import GRDB

/// Where a user's record comes from: free text (a URL, "phone call with
/// lawyer") or a section of an imported resolution.
public enum RecordSource: Sendable, Equatable {
    case text(String)
    case section(procedure: String, label: String)

    /// Builds a source from the command-line options, or explains what is missing.
    public static func from(text: String?, document: String?, section: String?) throws -> RecordSource {
        let text = text?.trimmingWhitespace()
        if let text, !text.isEmpty {
            try OneLineText.require(text, option: "--source")
            if document != nil || section != nil { throw CaseStoreError.conflictingSource }
            return .text(text)
        }
        guard let document = document?.trimmingWhitespace(), !document.isEmpty,
              let section = section?.trimmingWhitespace(), !section.isEmpty
        else { throw CaseStoreError.missingSource }
        return .section(procedure: document, label: section)
    }

    /// The section id (for a section source) or the text (for a text source).
    func resolve(in db: Database) throws -> (sectionID: Int64?, text: String?) {
        switch self {
        case .text(let text):
            return (nil, text)
        case .section(let procedure, let label):
            // A procedure may have a motion and an adopted text: the adopted text speaks for it.
            guard let documentID = try Int64.fetchOne(
                db, sql: "SELECT id FROM document WHERE procedure = ? COLLATE NOCASE ORDER BY COALESCE(kind = 'adopted text', 0) DESC, id LIMIT 1",
                arguments: [procedure])
            else { throw CaseStoreError.unknownDocument(procedure: procedure) }
            guard let sectionID = try Int64.fetchOne(
                db, sql: "SELECT id FROM section WHERE document_id = ? AND label = ? COLLATE NOCASE",
                arguments: [documentID, label])
            else { throw CaseStoreError.unknownSection(procedure: procedure, label: label) }
            return (sectionID, nil)
        }
    }

    var summary: String {
        switch self {
        case .text(let text): return "source: \(text)"
        case .section(let procedure, let label): return "source: \(procedure) \(label)"
        }
    }
}
