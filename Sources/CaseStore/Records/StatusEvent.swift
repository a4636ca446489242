import GRDB

/// A change in a person's situation. Append-only: never updated, never deleted.
public struct StatusEvent: Sendable, Equatable, SnakeCaseRecord {
    public static let databaseTableName = "status_event"
    public var id: Int64?
    public var personId: Int64
    public var status: String
    public var date: String?
    public var dateStart: String?
    public var evidence: String
    public var sectionId: Int64?
    public var sourceText: String?
    public var cue: String?
    public var note: String?
    public var sentence: String?
    public var place: String?
    public var recordedBy: String
    public var recordedAt: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The record that a status event was wrong. The event itself stays.
public struct StatusRetraction: Sendable, Equatable, SnakeCaseRecord {
    public static let databaseTableName = "status_retraction"
    public var id: Int64?
    public var eventId: Int64
    public var reason: String
    public var recordedBy: String
    public var recordedAt: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
