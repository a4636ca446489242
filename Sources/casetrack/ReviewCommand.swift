import ArgumentParser
import CaseIngest
import CaseQuery
import CaseStore

/// `casetrack review`: a person checks what the importer read.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Check what the importer read: list unreviewed claims, confirm, reject or correct them.",
        discussion: """
            Every status event, charge, membership and release call an import records starts unreviewed. \
            Answers mark it (*) until a person confirms it; a rejected claim drops out of every answer and \
            stays in the history with its reason. Claim ids share one namespace: s12 a status event, c4 a \
            charge, m5 a membership, r3 a release call.
            """,
        subcommands: [ReviewList.self, ReviewConfirm.self, ReviewReject.self, ReviewCorrect.self],
        defaultSubcommand: ReviewList.self)
}

/// Parses typed claim ids, or says what one looks like.
func claimIDs(_ words: [String]) throws -> [ClaimID] {
    try words.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }.map { word in
        guard let id = ClaimID(word) else { throw ClaimReviewError.badClaimID(word) }
        return id
    }
}

struct ReviewList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The claims still to check, per resolution, each with the words it was read from.")

    @Option(help: "Only this document: its id, number or procedure.") var document: String?
    @Flag(help: "Also list claims already confirmed or rejected.") var all = false
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Output format.") var format: ListFormat = .text

    func run() throws {
        let documents = try database.queries().claimsForReview(document: document, unreviewedOnly: !all)
        let claims = documents.flatMap(\.claims)
        switch format {
        case .json:
            try Output.json(claims)
        case .csv:
            Output.csv(header: ["id", "review", "document", "section", "subject", "claim", "date", "quote"],
                       rows: claims.map { [$0.id, $0.review, $0.document, $0.section, $0.subject, $0.claim, $0.date ?? "", $0.quote] })
        default:
            if claims.isEmpty {
                return Output.line(all ? "No claims recorded by imports." : "Nothing to review: every claim is confirmed or rejected.")
            }
            for document in documents where !document.claims.isEmpty {
                Output.line("\(document.label) (document \(document.id)\(document.adopted.map { ", adopted \($0)" } ?? "")): "
                            + "\(document.claims.count) \(all ? "claims" : "unreviewed")")
                for claim in document.claims {
                    let state = claim.review == "unreviewed" ? "" : " [\(claim.review)\(claim.reason.map { ": \($0)" } ?? "")]"
                    Output.line("  \(claim.id.padding(toLength: max(5, claim.id.count), withPad: " ", startingAt: 0)) \(claim.section): "
                                + "\(claim.subject): \(claim.claim)\(claim.date.map { ", \($0)" } ?? "")\(state)")
                    Output.line("        “\(claim.quote)”")
                }
                Output.line()
            }
            if !all {
                Output.line("Confirm with 'casetrack review confirm ID…' (or --document DOC for a whole resolution), "
                            + "reject with 'casetrack review reject ID --reason TEXT'.")
            }
        }
    }
}

struct ReviewConfirm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm claims (s12 c4 …), or every unreviewed claim of one resolution with --document.")

    @Argument(help: "Claim ids, as 'casetrack review' lists them.") var ids: [String] = []
    @Option(help: "Confirm every unreviewed claim of this document (id, number or procedure) after reading it.") var document: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        if ids.isEmpty && document == nil { throw ValidationError("Give claim ids (e.g. s12 c4) or --document DOC.") }
        if !ids.isEmpty && document != nil { throw ValidationError("Give claim ids or --document, not both.") }
    }

    func run() throws {
        let database = try database.open()
        let outcome = try document.map { try database.confirmDocument($0, by: recorder.recorder) }
            ?? database.confirmClaims(try claimIDs(ids), by: recorder.recorder)
        if output.format == .json { return try Output.json(outcome) }
        if let document = outcome.document {
            Output.line("Confirmed \(outcome.changed.count) claims of \(document)"
                        + (outcome.unchanged.isEmpty ? "." : "; \(outcome.unchanged.count) already reviewed were left as they are."))
        } else {
            if !outcome.changed.isEmpty { Output.line("Confirmed \(outcome.changed.map(\.description).joined(separator: ", ")).") }
            if !outcome.unchanged.isEmpty { Output.line("Already confirmed: \(outcome.unchanged.map(\.description).joined(separator: ", ")); nothing changed for them.") }
        }
    }
}

struct ReviewReject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject a claim the importer got wrong; it drops out of answers and stays in the history with the reason.")

    @Argument(help: "The claim id, e.g. s12.") var id: String
    @Option(help: "Why it is wrong (required).") var reason: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        guard let claim = ClaimID(id) else { throw ClaimReviewError.badClaimID(id) }
        let outcome = try database.open().rejectClaim(claim, reason: reason, by: recorder.recorder)
        if output.format == .json { return try Output.json(outcome) }
        Output.line(outcome.changed.isEmpty ? "\(claim) is already rejected; nothing changed." : "Rejected \(claim): \(reason.trimmingWhitespace())")
    }
}

struct ReviewCorrect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Record the right claim in place of a wrong one: the wrong one is rejected, linked to the new one, in one step.",
        discussion: """
            A status event (s…) takes --status, --date, --person; a charge (c…) --article, --instrument, --stage, \
            --date, --person; a membership (m…) --organisation, --role, --person; a release call (r…) --person. \
            What is not given is copied from the wrong claim; the new claim cites the same section.
            """)

    @Argument(help: "The claim id, e.g. s12.") var id: String
    @Option(help: "The right person (a name or an id).") var person: String?
    @Option(help: "The right status.") var status: String?
    @Option(help: "The right date: YYYY, YYYY-MM or YYYY-MM-DD.") var date: String?
    @Option(help: "The right article.") var article: String?
    @Option(help: "The right instrument.") var instrument: String?
    @Option(help: "The right stage: alleged, charged, convicted, acquitted or dropped.") var stage: String?
    @Option(help: "The right organisation.") var organisation: String?
    @Option(help: "The right role in the organisation.") var role: String?
    @Option(help: "Why (default: what the correction says).") var reason: String?
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var recorder: RecorderOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        guard let claim = ClaimID(id) else { throw ClaimReviewError.badClaimID(id) }
        let correction = ClaimCorrection(
            person: person, status: try status.map { try CaseStatus(parsing: $0) }, date: try date.map { try PartialDate(parsing: $0) },
            article: article, instrument: instrument, stage: try stage.map { try ChargeStage(parsing: $0) },
            organisation: organisation, role: role, reason: reason)
        let outcome = try database.open().correctClaim(claim, correction, by: recorder.recorder)
        if output.format == .json { return try Output.json(outcome) }
        Output.line("Corrected \(claim): recorded \(outcome.corrected?.description ?? "?") (confirmed) and rejected \(claim), linked to it.")
    }
}
