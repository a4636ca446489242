import CaseIngest

/// "Did you mean": the known names closest to what a user typed.
///
/// - Case, diacritics, hyphens and underscores are ignored.
/// - A known name that starts with what was typed (`house` for `house arrest`) is close.
/// - Otherwise the edit distance must be at most a third of the typed length (at least 2).
public enum Suggestions {
    public static func closest(to typed: String, among known: [String], limit: Int = 3) -> [String] {
        let wanted = key(typed)
        guard !wanted.isEmpty else { return [] }
        var scored: [(distance: Int, name: String)] = []
        var seen: Set<String> = []
        for name in known where seen.insert(name).inserted {
            let candidate = key(name)
            if candidate.hasPrefix(wanted) || candidate.split(separator: " ").contains(where: { $0.hasPrefix(wanted) && wanted.count >= 3 }) {
                scored.append((0, name))
                continue
            }
            let whole = NameKey.editDistance(wanted, candidate)
            let word = candidate.split(separator: " ").map { NameKey.editDistance(wanted, String($0)) }.min() ?? whole
            let distance = min(whole, word + 1)
            if distance <= max(2, wanted.count / 3) { scored.append((distance, name)) }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }

    /// Folded, with `-` and `_` as spaces and runs of spaces collapsed.
    public static func key(_ text: String) -> String {
        String(NameKey.fold(text).map { $0 == "-" || $0 == "_" ? " " : $0 })
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
    public static func quotedList(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
    }
}
