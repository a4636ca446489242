import GRDB

/// A person: an identity, with its aliases in `person_alias`.
public struct Person: Sendable, Equatable, SnakeCaseRecord {
    public static let databaseTableName = "person"
    public var id: Int64?
    public var name: String
    public var note: String?
    public var mergedIntoId: Int64?
    public var createdAt: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var candidate: PersonCandidate { PersonCandidate(id: id ?? 0, name: name) }
}

/// One spelling or order of a person's name.
public struct PersonAlias: Sendable, Equatable, SnakeCaseRecord {
    public static let databaseTableName = "person_alias"
    public var id: Int64?
    public var personId: Int64
    public var alias: String
    public var matchKey: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
