import CaseIngest
import GRDB

extension CaseDatabase {
    /// Creates a person with its name and any further aliases.
    ///
    /// Refuses an empty name, and a name some person already has unless
    /// `allowDuplicate` (two people can share a name; the user must say so).
    public func addPerson(
        name: String, aliases: [String] = [], note: String? = nil,
        allowDuplicate: Bool = false, by recorder: Recorder
    ) throws -> Person {
        let name = try Self.validName(name)
        let aliases = try aliases.map(Self.validName)
        try OneLineText.require(note, option: "--note")
        return try audited("person add", by: recorder) { db in
            let namesake = try Self.activePerson(matchKey: NameKey.matchKey(name), in: db)
            if !allowDuplicate, let existing = namesake {
                throw CaseStoreError.duplicatePerson(name: name, existing: existing.candidate)
            }
            var person = Person(name: name, note: note, createdAt: Timestamp.now())
            try person.insert(db)
            let id = person.id ?? 0
            // The user said these are two people: remember it, so nothing proposes merging them.
            if let namesakeID = namesake?.id {
                try Self.recordDecision(namesakeID, id, decision: "kept-apart", reason: "added as a different person with the same name", by: recorder, in: db)
            }
            for alias in [name] + aliases { try Self.addAlias(alias, to: id, in: db) }
            let extra = aliases.isEmpty ? "" : " (aliases: \(aliases.joined(separator: ", ")))"
            return (person, "created \(name) (id \(id))\(extra)")
        }
    }

    /// Adds another spelling of a person's name. A spelling the person
    /// already has changes nothing (and says so); one another person has is refused.
    public func addAlias(_ alias: String, to query: String, by recorder: Recorder) throws -> (person: Person, added: Bool) {
        let alias = try Self.validName(alias)
        return try auditedIfChanged("person alias", by: recorder) { db in
            let person = try PersonResolver.resolve(query, in: db)
            let id = person.id ?? 0
            if let other = try Self.activePerson(matchKey: NameKey.matchKey(alias), in: db), other.id != id {
                throw CaseStoreError.aliasOfAnother(alias: alias, existing: other.candidate)
            }
            let known = try String.fetchAll(db, sql: "SELECT alias FROM person_alias WHERE person_id = ?", arguments: [id])
            if known.contains(alias) { return ((person, false), nil) }
            try Self.addAlias(alias, to: id, in: db)
            return ((person, true), "added alias \(alias) to \(person.name) (id \(id))")
        }
    }

    /// Merges `absorbed` into `kept`: aliases, mentions, events, charges,
    /// memberships and release calls move; the absorbed id keeps pointing at
    /// the kept identity.
    public func mergePersons(kept keptQuery: String, absorbed absorbedQuery: String, by recorder: Recorder) throws -> (kept: Person, absorbed: Person) {
        try audited("person merge", by: recorder) { db in
            let kept = try PersonResolver.resolve(keptQuery, in: db)
            let absorbed = try PersonResolver.resolve(absorbedQuery, in: db)
            guard let keptID = kept.id, let absorbedID = absorbed.id else { throw CaseStoreError.emptyName }
            if keptID == absorbedID { throw CaseStoreError.samePerson(kept.candidate) }
            try Self.move(person: absorbedID, into: keptID, in: db)
            try Self.recordDecision(keptID, absorbedID, decision: "merged", reason: "merged by user", by: recorder, in: db)
            return ((kept, absorbed), "merged \(absorbed.name) (id \(absorbedID)) into \(kept.name) (id \(keptID))")
        }
    }

    /// Records that two identities are different people, so import never
    /// proposes them again.
    /// Records that two identities are different people. Recording it again
    /// changes nothing and writes no audit entry (`alreadyRecorded` says so).
    public func keepApart(_ first: String, _ second: String, by recorder: Recorder) throws -> (Person, Person, alreadyRecorded: Bool) {
        try auditedIfChanged("person review --keep-apart", by: recorder) { db in
            let a = try PersonResolver.resolve(first, in: db)
            let b = try PersonResolver.resolve(second, in: db)
            guard let aID = a.id, let bID = b.id else { throw CaseStoreError.emptyName }
            if aID == bID { throw CaseStoreError.samePerson(a.candidate) }
            let (low, high) = aID < bID ? (aID, bID) : (bID, aID)
            let recorded = try String.fetchOne(db, sql: "SELECT decision FROM identity_review WHERE person_id = ? AND other_person_id = ?",
                                               arguments: [low, high])
            if recorded == "kept-apart" { return ((a, b, true), nil) }
            try Self.recordDecision(aID, bID, decision: "kept-apart", reason: "kept apart by user", by: recorder, in: db)
            return ((a, b, false), "kept apart \(a.name) (id \(aID)) and \(b.name) (id \(bID))")
        }
    }

    static func move(person absorbedID: Int64, into keptID: Int64, in db: Database) throws {
        let aliases = try PersonAlias.filter(Column("person_id") == absorbedID).fetchAll(db)
        for alias in aliases { try addAlias(alias.alias, to: keptID, in: db) }
        try db.execute(sql: "DELETE FROM person_alias WHERE person_id = ?", arguments: [absorbedID])
        // Marked merged first: an event may move only to the identity its person was merged into.
        try db.execute(sql: "UPDATE person SET merged_into_id = ? WHERE id = ? OR merged_into_id = ?",
                       arguments: [keptID, absorbedID, absorbedID])
        for table in ["mention", "status_event", "charge", "membership"] {
            try db.execute(sql: "UPDATE \(table) SET person_id = ? WHERE person_id = ?", arguments: [keptID, absorbedID])
        }
        try db.execute(sql: "UPDATE OR IGNORE release_call SET person_id = ? WHERE person_id = ?", arguments: [keptID, absorbedID])
        try db.execute(sql: "DELETE FROM release_call WHERE person_id = ?", arguments: [absorbedID])
    }

    static func recordDecision(_ a: Int64, _ b: Int64, decision: String, reason: String, by recorder: Recorder, in db: Database) throws {
        let (low, high) = a < b ? (a, b) : (b, a)
        let now = Timestamp.now()
        try db.execute(sql: """
            INSERT INTO identity_review (person_id, other_person_id, reason, decision, decided_by, decided_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (person_id, other_person_id) DO UPDATE
            SET decision = excluded.decision, decided_by = excluded.decided_by, decided_at = excluded.decided_at
            """, arguments: [low, high, reason, decision, recorder.name, now, now])
    }

    static func addAlias(_ alias: String, to personID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO person_alias (person_id, alias, match_key, variant_key, family_key) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [personID, alias, NameKey.matchKey(alias), NameKey.variantKey(alias), NameKey.familyKey(alias)])
    }

    /// For the scale benchmark's generator: an alias with all its keys, inside the caller's transaction.
    public static func addAliasForBenchmark(_ alias: String, to personID: Int64, in db: Database) throws {
        try addAlias(alias, to: personID, in: db)
    }

    static func activePerson(matchKey: String, in db: Database) throws -> Person? {
        try Person.fetchOne(db, sql: """
            SELECT p.* FROM person p JOIN person_alias a ON a.person_id = p.id
            WHERE a.match_key = ? AND p.merged_into_id IS NULL ORDER BY p.id LIMIT 1
            """, arguments: [matchKey])
    }

    /// A name as stored: trimmed, non-empty, on one line, with some letter in it.
    static func validName(_ raw: String) throws -> String {
        let name = raw.trimmingWhitespace()
        guard !name.isEmpty, !NameKey.tokens(name).isEmpty else { throw CaseStoreError.emptyName }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw CaseStoreError.controlCharacters(name)
        }
        if name.count > 500 { throw CaseStoreError.nameTooLong(name.count) }
        return name
    }
}
