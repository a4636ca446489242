import CaseIngest
import CaseStore
import GRDB

/// Read-only questions over a casetrack database.
///
/// Every method reads in one snapshot and never writes.
public struct CaseQueries: Sendable {
    private let connections: Connections

    private enum Connections: Sendable {
        case one(any DatabaseReader)
        /// Several read connections to one file: each read takes the least busy.
        case pool(LeastBusy<CaseDatabase>)
    }

    public init(_ database: CaseDatabase) {
        connections = .one(database.writer)
    }

    public init(reader: any DatabaseReader) {
        connections = .one(reader)
    }

    /// Reads through whichever of `readers` has the fewest reads under way when a read starts.
    public init(readers: LeastBusy<CaseDatabase>) {
        connections = .pool(readers)
    }

    /// Runs `body` with a connection (from a pool: the least busy one, held until `body` returns).
    func withReader<T>(_ body: (any DatabaseReader) throws -> T) throws -> T {
        switch connections {
        case .one(let reader): return try body(reader)
        case .pool(let readers): return try readers.with { try body($0.writer) }
        }
    }

    /// `reader.read` on a connection of ``withReader(_:)``.
    func readSnapshot<T>(_ body: (Database) throws -> T) throws -> T {
        try withReader { try $0.read(body) }
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

