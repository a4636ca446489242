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
    /// An undated past step placed between others: after this date, before that one (either may be nil: open).
    public var dateAfter: String? = nil
    public var dateBefore: String? = nil
    /// The event's place in the person's story within its document, from 1.
    public var step: Int? = nil
    /// `present` (a situation as of the resolution), `past` (a step), nil (not worked out).
    public var tense: String? = nil

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
