import CaseStore

/// What an import stored (or, in a dry run, would store), line by line: the
/// CLI prints these lines and the web app's preview lists them.
public enum ImportReport {
    public static func lines(_ summary: ImportSummary) -> [String] {
        let name = summary.procedure ?? summary.title
        if summary.alreadyImported {
            return ["\(summary.file): \(name) is already imported (document \(summary.documentID ?? 0)); nothing changed."]
        }
        let adopted: String
        switch summary.adoptedBasis {
        case "procedure-year": adopted = "\(summary.adopted ?? "?") (only the procedure year is known; give --adopted or import a resolution that cites it)"
        case "cited": adopted = "\(summary.adopted ?? "?") (from a later resolution citing it)"
        case nil: adopted = "unknown"
        default: adopted = summary.adopted ?? "unknown"
        }
        var lines = [
            "\(summary.dryRun ? "[dry run, nothing written] " : "")\(summary.file): \(name)",
            "  adopted: \(adopted)",
            "  sections: \(summary.sections)",
            "  persons: \(summary.personsNew) new, \(summary.personsMatched) matched, \(summary.reviews.count) to review",
            "  organisations: \(summary.organisations)   provisions: \(summary.provisions)   mentions: \(summary.mentions)",
            "  charges: \(summary.charges)   status events: \(summary.statuses)   memberships: \(summary.memberships)   release calls: \(summary.releaseCalls)",
        ]
        for review in summary.reviews {
            lines.append("  review: \(review.name) / \(review.existing): \(review.reason) (casetrack person review)")
        }
        for dated in summary.backfilled { lines.append("  dated earlier resolution \(dated)") }
        if summary.restored { lines.append("  restored: this text had been removed; importing it again brought its claims back, unreviewed") }
        if summary.rememberedRejections > 0 {
            lines.append("  rejected again: \(summary.rememberedRejections) claims a person rejected before (casetrack review list --all)")
        }
        let claims = summary.statuses + summary.charges + summary.memberships + summary.releaseCalls
        if claims > 0, !summary.dryRun, let id = summary.documentID {
            lines.append("  to review: \(claims - summary.rememberedRejections) claims, unreviewed until confirmed (casetrack review list --document \(id))")
        }
        return lines
    }
}
