import CaseIngest
import Foundation
import GRDB

/// A status change a user records.
public struct StatusChange: Sendable {
    public var person: String
    public var status: CaseStatus
    public var date: PartialDate
    public var source: RecordSource
    public var note: String?
    public var sentence: String?
    public var place: String?

    public init(person: String, status: CaseStatus, date: PartialDate, source: RecordSource,
                note: String? = nil, sentence: String? = nil, place: String? = nil) {
        self.person = person
        self.status = status
        self.date = date
        self.source = source
        self.note = note
        self.sentence = sentence
        self.place = place
    }
}

extension CaseDatabase {
    /// Appends a status event. The current status is derived from the events.
    ///
    /// A date that starts after `today` is refused. The same status on the
    /// same date again is recorded (a second source may confirm it), and
    /// `sameEarlier` names the standing event it repeats, for a warning.
    public func setStatus(_ change: StatusChange, today: PartialDate? = nil, by recorder: Recorder)
        throws -> (event: StatusEvent, person: Person, sameEarlier: Int64?) {
        try OneLineText.require(change.note, option: "--note")
        try OneLineText.require(change.sentence, option: "--sentence")
        try OneLineText.require(change.place, option: "--place")
        let today = try today ?? PartialDate.today()
        if change.date.start > today {
            throw CaseStoreError.futureDate(date: change.date.description, today: today.description)
        }
        return try audited("status set", by: recorder) { db in
            let person = try PersonResolver.resolve(change.person, in: db)
            let (sectionID, text) = try change.source.resolve(in: db)
            let sameEarlier = try Int64.fetchOne(db, sql: """
                SELECT e.id FROM status_event e
                WHERE e.person_id = ? AND e.status = ? AND e.effective_date = ?
                  AND NOT EXISTS (SELECT 1 FROM status_retraction r WHERE r.event_id = e.id)
                ORDER BY e.id LIMIT 1
                """, arguments: [person.id, change.status.rawValue, change.date.description])
            var event = StatusEvent(
                personId: person.id ?? 0, status: change.status.rawValue,
                date: change.date.description, dateStart: change.date.start.description,
                evidence: "recorded", sectionId: sectionID, sourceText: text, cue: nil,
                note: change.note.nonEmpty, sentence: change.sentence.nonEmpty, place: change.place.nonEmpty,
                recordedBy: recorder.name, recordedAt: Timestamp.now())
            try event.insert(db)
            try ClaimReviews.confirmByAuthor(ClaimID(kind: .status, id: event.id ?? 0), by: recorder.name, at: event.recordedAt, in: db)
            let summary = "\(person.name) (id \(person.id ?? 0)): \(change.status.rawValue) from \(change.date) "
                + "[event \(event.id ?? 0)], \(change.source.summary)"
            return ((event, person, sameEarlier), summary)
        }
    }

    /// Marks a status event as wrong. The event stays in the history.
    public func retractStatus(eventID: Int64, reason: String, by recorder: Recorder) throws -> (event: StatusEvent, person: Person) {
        let reason = reason.trimmingWhitespace()
        guard !reason.isEmpty else { throw CaseStoreError.emptyReason }
        try OneLineText.require(reason, option: "--reason")
        return try audited("status retract", by: recorder) { db in
            guard let event = try StatusEvent.fetchOne(db, key: eventID) else {
                throw CaseStoreError.unknownEvent(id: eventID)
            }
            if try StatusRetraction.filter(Column("event_id") == eventID).fetchCount(db) > 0 {
                throw CaseStoreError.alreadyRetracted(id: eventID)
            }
            var retraction = StatusRetraction(eventId: eventID, reason: reason, recordedBy: recorder.name, recordedAt: Timestamp.now())
            try retraction.insert(db)
            let person = try PersonResolver.follow(id: event.personId, in: db) ?? Person(name: "?", createdAt: "")
            return ((event, person), "retracted event \(eventID) (\(person.name): \(event.status)\(event.date.map { " from \($0)" } ?? "")): \(reason)")
        }
    }
}

extension PartialDate {
    /// Today, at day precision, in the user's time zone.
    public static func today() throws -> PartialDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return try PartialDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}

extension Optional where Wrapped == String {
    /// nil for nil, empty or blank text; the trimmed text otherwise.
    var nonEmpty: String? {
        guard let text = self?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }
}
