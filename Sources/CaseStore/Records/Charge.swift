import GRDB

/// A person or an organisation charged under a provision.
public struct Charge: Sendable, Equatable, SnakeCaseRecord {
    public static let databaseTableName = "charge"
    public var id: Int64?
    public var personId: Int64?
    public var organisationId: Int64?
    public var provisionId: Int64
    public var stage: String
    public var evidence: String
    public var date: String?
    public var dateStart: String?
    public var sectionId: Int64?
    public var sourceText: String?
    public var because: String?
    public var viaOrganisationId: Int64?
    public var cue: String?
    public var recordedBy: String
    public var recordedAt: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
