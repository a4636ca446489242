import CaseIngest
import GRDB

/// A charge a user records against a person.
public struct ChargeEntry: Sendable {
    public var person: String
    public var article: String
    public var instrument: String?
    public var stage: ChargeStage
    public var date: PartialDate?
    public var source: RecordSource

    public init(person: String, article: String, instrument: String?, stage: ChargeStage,
                date: PartialDate?, source: RecordSource) {
        self.person = person
        self.article = article
        self.instrument = instrument
        self.stage = stage
        self.date = date
        self.source = source
    }
}

extension CaseDatabase {
    /// Records a charge with evidence `recorded`.
    public func addCharge(_ entry: ChargeEntry, by recorder: Recorder) throws -> (charge: Charge, person: Person, instrument: String) {
        try OneLineText.require(entry.instrument, option: "--instrument")
        try OneLineText.require(entry.article, option: "--article")
        let article = ProvisionNames.normaliseArticle(entry.article)
        guard !article.isEmpty else { throw CaseStoreError.emptyArticle }
        return try audited("charge add", by: recorder) { db in
            let person = try PersonResolver.resolve(entry.person, in: db)
            let instrument = try Self.instrumentForCharge(named: entry.instrument, article: article, in: db)
            let provisionID = try Self.provisionID(instrumentID: instrument.id, article: article, in: db)
            let (sectionID, text) = try entry.source.resolve(in: db)
            var charge = Charge(
                personId: person.id, organisationId: nil, provisionId: provisionID,
                stage: entry.stage.rawValue, evidence: ChargeEvidence.recorded.rawValue,
                date: entry.date?.description, dateStart: entry.date?.start.description,
                sectionId: sectionID, sourceText: text, because: nil, viaOrganisationId: nil, cue: nil,
                recordedBy: recorder.name, recordedAt: Timestamp.now())
            try charge.insert(db)
            try ClaimReviews.confirmByAuthor(ClaimID(kind: .charge, id: charge.id ?? 0), by: recorder.name, at: charge.recordedAt, in: db)
            let summary = "\(person.name) (id \(person.id ?? 0)): \(entry.stage.rawValue) under Article \(article) of \(instrument.name)"
                + " [charge \(charge.id ?? 0)], \(entry.source.summary)"
            return ((charge, person, instrument.name), summary)
        }
    }

    /// The instrument a user names, or the only one that has this article.
    static func instrumentForCharge(named name: String?, article: String, in db: Database) throws -> (id: Int64, name: String) {
        if let name = name?.trimmingWhitespace(), !name.isEmpty {
            return try instrument(named: name, in: db)
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT DISTINCT i.id, i.name FROM provision p JOIN instrument i ON i.id = p.instrument_id
            WHERE p.article = ? ORDER BY i.name
            """, arguments: [article])
        if rows.count == 1 { return (rows[0]["id"], rows[0]["name"]) }
        throw CaseStoreError.missingInstrument(article: article, instruments: rows.map { $0["name"] })
    }

    /// The instrument a user names: exactly this name or alias first (case, word order, `the`/`of`
    /// aside); failing that, the one instrument whose name begins with these words, or else has them all
    /// (`Criminal Code` for `Criminal Code of Freedonia` while no instrument is called just that: the
    /// front ends say which instrument was taken). Several such is an error listing their full names, each
    /// of which, typed, selects it; none, and a new instrument is created under this name.
    static func instrument(named name: String, in db: Database) throws -> (id: Int64, name: String) {
        let key = ProvisionNames.instrumentKey(name)
        if let row = try Row.fetchOne(db, sql: """
            SELECT i.id, i.name FROM instrument_alias a JOIN instrument i ON i.id = a.instrument_id
            WHERE a.match_key = ? ORDER BY i.id LIMIT 1
            """, arguments: [key]) {
            return (row["id"], row["name"])
        }
        let resembling = try resemblingInstruments(name, in: db)
        if resembling.count == 1, let only = resembling.first,
           let id = try Int64.fetchOne(db, sql: "SELECT id FROM instrument WHERE name = ? ORDER BY id LIMIT 1", arguments: [only]) {
            return (id, only)
        }
        if resembling.count > 1 { throw CaseStoreError.ambiguousInstrument(name: name, instruments: resembling) }
        try db.execute(sql: "INSERT INTO instrument (name) VALUES (?)", arguments: [name])
        let id = db.lastInsertedRowID
        try addInstrumentAlias(name, to: id, in: db)
        return (id, name)
    }

    /// Known instruments a name is not exactly but may be short for: those whose name begins with its
    /// words, else those whose name has all its words (`Penal Code` for `Penal Code of Freedonia`); full names, sorted.
    static func resemblingInstruments(_ name: String, in db: Database) throws -> [String] {
        let typed = significantWords(name)
        guard !typed.isEmpty else { return [] }
        var byPrefix = Set<String>(), byWords = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT i.name, a.alias FROM instrument_alias a JOIN instrument i ON i.id = a.instrument_id") {
            let words = significantWords(row["alias"])
            if words.starts(with: typed) { byPrefix.insert(row["name"]) }
            if Set(typed).isSubset(of: Set(words)) { byWords.insert(row["name"]) }
        }
        return (byPrefix.isEmpty ? byWords : byPrefix).sorted()
    }

    /// A name's words in order, without those ``ProvisionNames/instrumentKey(_:)`` also leaves out.
    static func significantWords(_ name: String) -> [String] {
        NameKey.tokens(name).map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : $0 }
            .filter { !["the", "of", "on", "s", "'s", "its", ""].contains($0) }
    }

    static func addInstrumentAlias(_ alias: String, to instrumentID: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO instrument_alias (instrument_id, alias, match_key) VALUES (?, ?, ?)
            """, arguments: [instrumentID, alias, ProvisionNames.instrumentKey(alias)])
    }

    static func provisionID(instrumentID: Int64, article: String, in db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT OR IGNORE INTO provision (instrument_id, article) VALUES (?, ?)",
                       arguments: [instrumentID, article])
        return try Int64.fetchOne(db, sql: "SELECT id FROM provision WHERE instrument_id = ? AND article = ?",
                                  arguments: [instrumentID, article]) ?? 0
    }
}
