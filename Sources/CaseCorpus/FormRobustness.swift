/// How much of what a clean text yields is still found when the text comes in another form (see
/// ``CopyForm``): for each form, the share of the clean extraction's persons and status steps the
/// broken text's extraction keeps, and the texts it refuses though their clean text is read.
public enum FormRobustness {
    /// What one extraction found: person names, and status steps as `person|status`.
    public struct Facts: Sendable, Equatable {
        public var persons: Set<String>
        public var steps: Set<String>
        public init(persons: Set<String>, steps: Set<String>) {
            self.persons = persons
            self.steps = steps
        }
    }

    /// One form over all texts.
    public struct Score: Sendable {
        public var form: CopyForm
        public var texts = 0
        public var refused: [String] = []
        public var persons = 0, personsKept = 0
        public var steps = 0, stepsKept = 0
        /// Texts that kept less than `threshold` of their persons or steps, with what they lost.
        public var losses: [(text: String, lost: [String])] = []

        public var personShare: Double { persons == 0 ? 1 : Double(personsKept) / Double(persons) }
        public var stepShare: Double { steps == 0 ? 1 : Double(stepsKept) / Double(steps) }
    }

    /// Reads each text clean and in each form with `read` (nil: refused), and scores each form.
    /// Texts whose clean form is refused are left out.
    public static func measure(texts: [(name: String, text: String)], forms: [CopyForm], threshold: Double = 0.9,
                               read: (String, String) -> Facts?) -> [Score] {
        var scores = forms.map { Score(form: $0) }
        for (name, text) in texts {
            guard let clean = read(text, name) else { continue }
            for (index, form) in forms.enumerated() {
                scores[index].texts += 1
                scores[index].persons += clean.persons.count
                scores[index].steps += clean.steps.count
                guard let broken = read(form.apply(text), name) else {
                    scores[index].refused.append(name)
                    scores[index].losses.append((name, ["refused"]))
                    continue
                }
                let keptPersons = clean.persons.intersection(broken.persons)
                let keptSteps = clean.steps.intersection(broken.steps)
                scores[index].personsKept += keptPersons.count
                scores[index].stepsKept += keptSteps.count
                if Double(keptPersons.count) < threshold * Double(clean.persons.count)
                    || Double(keptSteps.count) < threshold * Double(clean.steps.count) {
                    let lost = clean.persons.subtracting(keptPersons).sorted() + clean.steps.subtracting(keptSteps).sorted()
                    scores[index].losses.append((name, lost))
                }
            }
        }
        return scores
    }

    /// The scores as a table: form, texts, refused, persons kept, steps kept, texts under the threshold.
    public static func table(_ scores: [Score]) -> String {
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        func share(_ value: Double) -> String {
            let tenths = Int((value * 1000).rounded())
            return "\(tenths / 1000).\(String(repeating: "0", count: 3 - String(tenths % 1000).count))\(tenths % 1000)"
        }
        var lines = [pad("form", 20) + pad("texts", 7) + pad("refused", 9) + pad("persons", 16) + pad("steps", 16) + "under 0.9"]
        for score in scores {
            lines.append(pad(score.form.rawValue, 20) + pad(String(score.texts), 7) + pad(String(score.refused.count), 9)
                         + pad("\(share(score.personShare)) \(score.personsKept)/\(score.persons)", 16)
                         + pad("\(share(score.stepShare)) \(score.stepsKept)/\(score.steps)", 16) + String(score.losses.count))
        }
        return lines.joined(separator: "\n")
    }
}
