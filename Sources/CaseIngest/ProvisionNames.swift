/// How articles and instruments are written, so one provision has one name.
///
/// - An article is written without the word "Article" and without spaces:
///   `Art. 460-1` and `460 - 1` are both `460-1`; `3 (5)` is `3(5)`.
/// - An instrument's key ignores case, diacritics, `the`, `of`, `on` and
///   possessives, so `Code of Administrative Offences` and `Code on
///   Administrative Offences` are one instrument.
public enum ProvisionNames {
    public static func normaliseArticle(_ text: String) -> String {
        var words = text.trimmingWhitespace()
        for prefix in articlePrefixes where words.lowercased().hasPrefix(prefix) {
            words = String(words.dropFirst(prefix.count))
            break
        }
        return String(words.filter { !$0.isWhitespace })
    }

    /// The words before an article's number that its name leaves out, longest first (`Words/provision-words.txt`, class `article-prefix`).
    private static let articlePrefixes: [String] = WordLists.classList(PackageResources.provision_words_txt, "article-prefix")

    /// Words an instrument's key leaves out (`Words/provision-words.txt`, class `key-ignored`).
    private static let ignoredWords: Set<String> = WordLists.wordClass(PackageResources.provision_words_txt, "key-ignored")

    public static func instrumentKey(_ name: String) -> String {
        NameKey.tokens(name)
            .map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : $0 }
            .filter { !ignoredWords.contains($0) }
            .sorted()
            .joined(separator: " ")
    }
}
