/// One invented resolution naming many persons, for timing the extractor and the
/// importer against the length of a text: recitals of the shapes of
/// ``CorpusGenerator/document(number:)`` (lists of prisoners, a sentence, banned
/// movements and their supporters, pre-trial detention, killings), each short and
/// naming a few new persons, with some referring back to a person named before by
/// family name, by full name or by a pronoun, and operative paragraphs calling for
/// releases. Recitals are unlettered (`– whereas …`), so that their number is not
/// bounded by the letters A to ZZ: a longer text has more sections, not longer ones.
extension CorpusGenerator {
    public mutating func longResolution(names target: Int) -> Document {
        let country = word(2...3) + "ia"
        let adjective = String(country.dropLast(2)) + "ian"
        let year = 2024
        var persons: [String] = []
        func people(_ count: Int) -> [String] {
            let names = (0..<count).map { _ in person() }
            persons += names
            return names
        }
        /// A person named before, chosen at random.
        func earlier() -> String {
            persons.isEmpty ? person() : persons[Int.random(in: 0..<persons.count, using: &random)]
        }
        var recitals: [String] = []
        var index = 0
        while persons.count < target {
            let body: String
            switch index % 6 {
            case 0:
                body = "\(Int.random(in: 5...60, using: &random)) political prisoners, including \(Self.list(people(6))), remain in detention in \(country)"
            case 1:
                body = "journalist \(people(1)[0]) was sentenced to \(Int.random(in: 2...12, using: &random)) years' imprisonment on \(date(year: year - 1)) "
                    + "under Article \(Int.random(in: 100...500, using: &random)) of the \(adjective) Criminal Code"
            case 2:
                let movement = "\(word(2...2)) Movement", party = "Party of \(word(2...3))"
                body = "the \(movement) (\(movement.prefix(1))M) and the \(party) were banned on \(date(year: year - 2)); "
                    + "whereas activists \(Self.list(people(3))) were prosecuted for their support for these movements"
            case 3:
                let family = earlier().split(separator: " ").last.map(String.init) ?? ""
                body = "human rights defender \(people(1)[0]), who is in poor health, has been placed in pre-trial detention; "
                    + "whereas the lawyer of Mr \(family) was arrested on \(date(year: year - 1))"
            case 4:
                body = "activists \(Self.list(people(2))) were shot dead by security forces on \(date(year: year - 1))"
            default:
                body = "\(earlier()) remains in detention without trial; whereas he has been denied access to a lawyer since \(date(year: year - 1))"
            }
            recitals.append("– whereas \(body);")
            index += 1
        }
        // Operative paragraphs (numbered, so at most 999): release calls for persons named before.
        var paragraphs = ["1. Calls on the authorities of \(country) to immediately and unconditionally release all political prisoners;"]
        for number in 2...min(900, max(2, target / 100)) {
            let named = (0..<3).map { _ in earlier() }
            paragraphs.append("\(number). Urges the authorities to release \(Self.list(named)) and to drop all charges against them;")
        }
        paragraphs.append("\(paragraphs.count + 1). Instructs its President to forward this resolution to the Council and the Commission.")
        let text = """
            European Parliament resolution of \(date(year: year)) on the human rights situation in \(country) (\(year)/\(2000 + target % 8000)(RSP))
            The European Parliament,
            – having regard to its previous resolutions on \(country),
            – having regard to the Universal Declaration of Human Rights,

            \(recitals.joined(separator: "\n"))
            \(paragraphs.joined(separator: "\n"))
            """
        return Document(fileName: "long-\(target).txt", text: text, persons: persons)
    }
}

extension CorpusGenerator {
    /// One invented resolution naming `names` persons in long lists: `recitals` lettered recitals (at most
    /// 702, A to ZZ) of the shape `whereas 42 political prisoners, including A, B … and Z, remain in detention`,
    /// the names shared among them, then release calls. A longer text has longer sections, as a long real
    /// text's lists of prisoners are (this is the shape of the upload-load benchmark's texts, unpadded).
    public mutating func listResolution(names target: Int, recitals count: Int = 700) -> Document {
        let country = word(2...3) + "ia"
        let count = max(1, min(702, count, target))
        var persons: [String] = []
        var recitals: [String] = []
        for index in 0..<count {
            let share = target / count + (index < target % count ? 1 : 0)
            let people = (0..<share).map { _ in person() }
            persons += people
            recitals.append("\(Self.label(index)). whereas \(30 + index % 60) political prisoners, including \(Self.list(people)), "
                + "remain in detention in \(country) and have been denied access to lawyers of their choice;")
        }
        let text = """
            European Parliament resolution of 12 March 2024 on the human rights situation in \(country) (2024/\(2000 + target % 8000)(RSP))
            The European Parliament,
            – having regard to its previous resolutions on \(country),
            – having regard to the Universal Declaration of Human Rights,

            \(recitals.joined(separator: "\n"))
            1. Calls on the authorities of \(country) to immediately release all political prisoners, including \(Self.list(Array(persons.prefix(20))));
            2. Instructs its President to forward this resolution to the Council and the Commission.
            """
        return Document(fileName: "lists-\(target).txt", text: text, persons: persons)
    }
}
