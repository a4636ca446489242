import CaseIngest
import CasePages
import CaseQuery
import CaseStore
import Foundation
import Hummingbird

/// The Review page of one resolution: each claim the importer read beside the
/// words it was read from, with confirm, reject and correct.
///
/// Made for the keyboard and for few requests: the first unreviewed claim's
/// Confirm button has the focus, so Enter confirms it; the answer to that one
/// POST is the page again (no redirect), the focus on the next claim.
extension CaseWebApp {
    func addClaimReviewRoutes(to router: Router<WebContext>) {
        let database = self.database
        page(router, "/documents/:id/review") { _, context, _ in
            let id = try Self.number(context.parameters.get("id"), field: "document")
            return try await self.claimReviewPage(document: id, context: context)
        }
        form(router, "/documents/:id/review") { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "document")
            let claimText = form["claim"] ?? ""
            guard let claim = ClaimID(claimText) else { throw ClaimReviewError.badClaimID(claimText) }
            let recorder = Self.recorder(account)
            let message: String
            switch form["action"] ?? "confirm" {
            case "confirm":
                let outcome = try await Blocking.run { try database.confirmClaims([claim], by: recorder) }
                message = outcome.changed.isEmpty ? "\(claim) was already confirmed." : "Confirmed \(claim)."
            case "reject":
                let reason = form["reason"] ?? ""
                _ = try await Blocking.run { try database.rejectClaim(claim, reason: reason, by: recorder) }
                message = "Rejected \(claim): \(reason.trimmingWhitespace())"
            case "correct":
                let correction = ClaimCorrection(
                    person: form["person"], status: try form["status"].map { try CaseStatus(parsing: $0) },
                    date: try form["date"].map(PartialDate.init(parsing:)), article: form["article"], instrument: form["instrument"],
                    stage: try form["stage"].map { try ChargeStage(parsing: $0) }, organisation: form["organisation"], role: form["role"],
                    reason: form["reason"])
                let outcome = try await Blocking.run { try database.correctClaim(claim, correction, by: recorder) }
                message = "Corrected \(claim): recorded \(outcome.corrected?.description ?? "?") and rejected \(claim), linked to it."
            default:
                throw WebError.missingField("action")
            }
            return try await self.claimReviewPage(document: id, context: context, message: message, after: claim)
        }
        form(router, "/documents/:id/review/confirm-all") { _, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "document")
            let outcome = try await Blocking.run { try database.confirmDocument(String(id), by: Self.recorder(account)) }
            return try await self.claimReviewPage(document: id, context: context,
                                                  message: "Confirmed the \(outcome.changed.count) unreviewed claims of \(outcome.document ?? "the resolution").")
        }
        form(router, "/documents/:id/remove") { form, _, context, account in
            let id = try Self.number(context.parameters.get("id"), field: "document")
            let reason = form["reason"] ?? ""
            let outcome = try await Blocking.run { try database.removeDocument(String(id), reason: reason, by: Self.recorder(account)) }
            return self.done("Removed \(outcome.document ?? "the document"): \(outcome.changed.count) claims rejected; import the text again to bring it back.",
                             goTo: "/documents", context: context)
        }
    }

    /// The page, with `message` shown at the top and the focus on the first unreviewed claim after `after`.
    func claimReviewPage(document id: Int64, context: WebContext, message: String? = nil, after: ClaimID? = nil) async throws -> Response {
        let queries = self.queries
        let documents = try await Blocking.run { try queries.claimsForReview(document: String(id), unreviewedOnly: false) }
        guard let document = documents.first else { throw ClaimReviewError.unknownDocument(String(id)) }
        return try html("claim_review", ClaimReviewBody(document, message: message, after: after?.description), context: context)
    }
}

/// What `claim_review.mustache` shows; every value escaped by the template.
struct ClaimReviewBody {
    struct Segment { var text: String; var mark: Bool }
    struct Claim {
        var id: String
        var kind: String
        var subject: String
        var personID: Int64?
        var claim: String
        var date: String
        var section: String
        var segments: [Segment]
        var review: String
        var unreviewed: Bool
        var rejected: Bool
        var decided: String?
        var focus: Bool
        var isStatus: Bool
        var isCharge: Bool
        var isMembership: Bool
        var number: Int
    }

    var documentID: Int64
    var label: String
    var title: String
    var adopted: String
    var removed: Bool
    var message: String?
    var total: Int
    var unreviewed: Int
    var claims: [Claim]
    var statuses: [String]
    var done: Bool

    init(_ document: ClaimReviewDocument, message: String?, after: String?) {
        documentID = document.id
        label = document.label
        title = document.title
        adopted = document.adopted ?? "unknown"
        removed = document.withdrawn
        self.message = message
        total = document.claims.count
        unreviewed = document.unreviewed
        done = unreviewed == 0
        statuses = CaseStatus.allCases.map(\.rawValue)
        // The focus: the first unreviewed claim after the one just decided, else the first unreviewed.
        let ids = document.claims.map(\.id)
        let start = after.flatMap { ids.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let order = Array(document.claims.indices[start...]) + Array(document.claims.indices[..<start])
        let focus = order.first { document.claims[$0].review == "unreviewed" }
        claims = document.claims.enumerated().map { index, item in
            Claim(id: item.id, kind: item.kind == "release" ? "release call" : item.kind, subject: item.subject, personID: item.personID, claim: item.claim,
                  date: item.date.map { "as read: \($0)" } ?? "as of the resolution (\(document.adopted ?? "date unknown"))",
                  section: item.section, segments: Self.segments(item.quote, marking: item.matched), review: item.review,
                  unreviewed: item.review == "unreviewed", rejected: item.review == "rejected",
                  decided: item.review == "unreviewed" ? nil
                      : "\(item.review) by \(item.reviewedBy ?? "?") \(item.reviewedAt ?? "")" + (item.reason.map { ": \($0)" } ?? "")
                          + (item.correctedBy.map { " (corrected as \($0))" } ?? ""),
                  focus: index == focus, isStatus: item.kind == "status", isCharge: item.kind == "charge", isMembership: item.kind == "membership",
                  number: index + 1)
        }
    }

    /// The quote cut into plain and marked runs: each matched word group marked where it occurs (any case).
    static func segments(_ quote: String, marking words: [String]) -> [Segment] {
        var marked: [Range<String.Index>] = []
        func occurrences(_ word: String) -> [Range<String.Index>] {
            var found: [Range<String.Index>] = [], from = quote.startIndex
            while let range = quote.range(of: word, options: [.caseInsensitive, .diacriticInsensitive], range: from..<quote.endIndex) {
                found.append(range)
                from = range.upperBound
            }
            return found
        }
        // The name wherever it stands; each other word (the cue) only where it is nearest the name.
        let anchor = words.first.flatMap { occurrences($0).first }
        for (index, word) in words.enumerated() where !word.isEmpty {
            var ranges = occurrences(word)
            if index > 0, let anchor, ranges.count > 1 {
                let distance = { (range: Range<String.Index>) in
                    abs(quote.distance(from: anchor.lowerBound, to: range.lowerBound))
                }
                ranges = [ranges.min { distance($0) < distance($1) }!]
            }
            for range in ranges where !marked.contains(where: { $0.overlaps(range) }) { marked.append(range) }
        }
        marked.sort { $0.lowerBound < $1.lowerBound }
        var segments: [Segment] = []
        var position = quote.startIndex
        for range in marked {
            if position < range.lowerBound { segments.append(Segment(text: String(quote[position..<range.lowerBound]), mark: false)) }
            segments.append(Segment(text: String(quote[range]), mark: true))
            position = range.upperBound
        }
        if position < quote.endIndex { segments.append(Segment(text: String(quote[position...]), mark: false)) }
        return segments
    }
}

/// The import preview's list of what will be recorded: persons (new or matched),
/// statuses with their dates, charges and release calls, each with its section.
struct ImportClaims: Codable, Equatable {
    struct Item: Codable, Equatable { var text: String; var section: String; var note: String? }
    var persons: [Item]
    var statuses: [Item]
    var charges: [Item]
    var memberships: [Item]
    var releaseCalls: [Item]

    struct Group: Codable, Equatable { var title: String; var kind: String; var count: Int; var items: [Item] }
    /// The kinds that have something, in the order a reader checks them (stored: templates read stored properties).
    var groups: [Group] = []

    init?(_ extraction: Extraction, summary: ImportSummary) {
        if summary.alreadyImported { return nil }
        persons = extraction.persons.map { person in
            let matched = summary.matched[person.name]
            return Item(text: person.name + (person.aliases.isEmpty ? "" : " (also \(person.aliases.joined(separator: "; ")))"),
                        section: person.mentions.first?.section ?? "",
                        note: matched.map { "matched: known as person \($0)" } ?? "new")
        }
        statuses = extraction.statuses.filter { $0.supersededBy == nil }.map { status in
            Item(text: "\(status.person): \(status.status)\(status.sentence.map { ", \($0)" } ?? "")", section: status.section,
                 note: status.date.map { "dated \($0)" } ?? "as of the resolution")
        }
        charges = extraction.charges.map { charge in
            let subject = charge.subject.person ?? charge.subject.organisation ?? charge.subject.group ?? "?"
            return Item(text: "\(subject): \(charge.stage) under Article \(charge.article) of the \(charge.instrument)", section: charge.section,
                        note: charge.evidence + (charge.because.map { ": \($0)" } ?? ""))
        }
        memberships = extraction.memberships.map { Item(text: "\($0.person): \($0.role) of \($0.organisation)", section: $0.section, note: nil) }
        releaseCalls = extraction.releaseCalls.map { call in
            Item(text: call.person, section: ([call.section] + call.also).joined(separator: ", "), note: nil)
        }
        groups = [("Persons", "persons", persons), ("Statuses", "statuses", statuses), ("Charges", "charges", charges),
                  ("Memberships", "memberships", memberships), ("Release calls", "release-calls", releaseCalls)]
            .filter { !$0.2.isEmpty }.map { Group(title: $0.0, kind: $0.1, count: $0.2.count, items: $0.2) }
    }
}
