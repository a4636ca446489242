import CaseIngest
import CaseStore
import GRDB

/// Read-only questions over a casetrack database.
///
/// Every method reads in one snapshot and never writes.
public struct CaseQueries: Sendable {
    let reader: any DatabaseReader

    public init(_ database: CaseDatabase) {
        self.reader = database.writer
    }

    public init(reader: any DatabaseReader) {
        self.reader = reader
    }
}

/// Where a fact comes from: a section of a resolution, or a user's text.
public struct SourceRef: Sendable, Equatable, Encodable, CustomStringConvertible {
    public var document: String?
    public var section: String?
    public var text: String?

    public init(document: String?, section: String?, text: String?) {
        self.document = document
        self.section = section
        self.text = text
    }

    public var description: String {
        if let document, let section { return "\(document) \(section)" }
        return text ?? "unknown source"
    }

    enum CodingKeys: String, CodingKey { case document, section, text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if document != nil || section != nil {
            try container.encode(document, forKey: .document)
            try container.encode(section, forKey: .section)
        } else {
            try container.encode(text, forKey: .text)
        }
    }

    /// Reads `document`, `section` and `source_text` columns of a row.
    init(row: Row) throws {
        try self.init(document: row[checked: "source_document"], section: row[checked: "source_section"], text: row[checked: "source_text"])
    }

    /// SQL joining a table aliased `x` with a `section_id` to its section and document.
    static func joins(on alias: String) -> String {
        """
        LEFT JOIN section src_s ON src_s.id = \(alias).section_id
        LEFT JOIN document src_d ON src_d.id = src_s.document_id
        """
    }

    static let columns = "COALESCE(src_d.procedure, src_d.title) AS source_document, src_s.label AS source_section"
}

