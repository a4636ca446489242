/// Provisions: `Article(s) N[, M and K] of INSTRUMENT`, with the instrument in
/// one canonical form per document set (`Freedonia's Criminal Code`,
/// `Freedonian Criminal Code` → `Criminal Code of Freedonia`; `Code on X` →
/// `Code of X`; an acronym → its expansion).
extension ExtractionRun {
    mutating func findProvisions() {
        for section in tokens.indices where isBody(section) {
            let list = tokens[section]
            var index = 0
            while index < list.count {
                let word = list[index].text
                guard ["Article", "Articles", "Rule", "Rules"].contains(word), index + 1 < list.count, list[index + 1].isNumber,
                      !isInOrganisationList(section, index)
                else { index += 1; continue }
                // Collect the article numbers.
                var articles: [(String, Int, Int)] = []
                var position = index + 1
                while position < list.count {
                    let token = list[position]
                    if token.isNumber {
                        var label = token.text
                        var end = position
                        if position + 3 < list.count, list[position + 1].text == "(", list[position + 2].isNumber,
                           list[position + 3].text == ")", adjacent(section, position, position + 1) {
                            label += "(\(list[position + 2].text))"
                            end = position + 3
                        }
                        articles.append((label, list[position - 1].text.hasPrefix("Article") || list[position - 1].text.hasPrefix("Rule") ? position - 1 : position, end))
                        position = end + 1
                        continue
                    }
                    if [",", "and"].contains(token.text) || (["Article", "Rule"].contains(token.text) && position + 1 < list.count && list[position + 1].isNumber) {
                        position += 1
                        continue
                    }
                    break
                }
                index = max(position, index + 1)
                guard !articles.isEmpty, position < list.count, list[position].text == "of" else { continue }
                guard let (instrument, surface) = instrumentName(section, from: position + 1) else { continue }
                for (article, start, end) in articles {
                    addProvision(instrument: instrument, surface: surface, article: article, mention: mention(section, start, end))
                }
            }
        }
    }

    /// The instrument named after `of`: `(the|its) Treaty on European Union`,
    /// `Freedonia's Criminal Code`, `the EPCA`.
    func instrumentName(_ section: Int, from start: Int) -> (String, String)? {
        let list = tokens[section]
        var index = start
        var ownedByParliament = false
        if index < list.count, list[index].lower == "the" { index += 1 }
        if index < list.count, list[index].lower == "its" { ownedByParliament = true; index += 1 }
        guard index < list.count, list[index].isCapitalised, let end = phraseEnd(section, from: index, crossAnd: false) else { return nil }
        var words = list[index...end].map(\.text)
        let surface = text(section, index, end)
        if words.count == 1, let expansion = acronyms[words[0]] { return (canonicalInstrument(expansion), surface) }
        guard Self.isInstrumentName(words) else { return nil }
        // Trim what follows the instrument word (`Criminal Code of Freedonia` keeps its `of`).
        if ownedByParliament, words.starts(with: ["Rules", "of", "Procedure"]) {
            return ("European Parliament Rules of Procedure", surface)
        }
        if let lastHead = words.lastIndex(where: { Lexicon.instrumentHeads.contains($0) }), lastHead + 1 < words.count,
           !Self.connectors.contains(words[lastHead + 1]) {
            words = Array(words[...lastHead])
        }
        return (canonicalInstrument(words.joined(separator: " ").replacingOccurrences(of: " ’s", with: "’s")), surface)
    }

    func canonicalInstrument(_ raw: String) -> String {
        var name = raw.replacingOccurrences(of: " on ", with: " of ", options: [], range: raw.range(of: "Code on "))
        var words = name.split(separator: " ").map(String.init)
        var country: String?
        // `Freedonia’s Criminal Code`, `Freedonian Criminal Code`
        if words.count >= 2, words[0].hasSuffix("’s") {
            country = String(words[0].dropLast(2))
            words.removeFirst()
        } else if words.count >= 2, let docCountry = document.country, CountryNames.isAdjective(words[0], of: docCountry),
                  !Lexicon.instrumentHeads.contains(words[0]) {
            country = docCountry
            words.removeFirst()
        }
        name = words.joined(separator: " ")
        let national = ["Code", "Law", "Constitution", "Act", "Decree"].contains { name.contains($0) }
            && !["European", "Union", "Treaty", "Agreement", "Convention", "Covenant", "Rules"].contains { name.contains($0) }
        if national {
            let owner = country.map { own in
                document.country.map { CountryNames.isAdjective(own, of: $0) ? $0 : own } ?? own
            } ?? document.country
            if let owner, !name.contains(" of \(owner)") { name += " of \(owner)" }
        }
        return name
    }

    mutating func addProvision(instrument: String, surface: String, article: String, mention: Extraction.Mention) {
        let key = ProvisionNames.instrumentKey(instrument)
        if let index = provisions.firstIndex(where: { ProvisionNames.instrumentKey($0.instrument) == key && $0.article == article }) {
            if !provisions[index].mentions.contains(where: { $0.start == mention.start }) { provisions[index].mentions.append(mention) }
            if surface != instrument, !provisions[index].instrumentAliases.contains(surface) { provisions[index].instrumentAliases.append(surface) }
            return
        }
        provisions.append(.init(instrument: instrument, instrumentAliases: surface == instrument ? [] : [surface],
                                article: article, mentions: [mention]))
    }
}
