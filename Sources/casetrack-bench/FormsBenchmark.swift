import CaseCorpus
import CaseIngest
import Foundation

/// `casetrack-bench forms [--verbose] [--only FORM,…] [DIR…]` (or `--show FORM FILE`: one file in one form): every development text (the test
/// fixtures' `dev/composed`, `dev/real`, `dev/real2` … `dev/real5` and the samples) read clean and in
/// every ``CopyForm``; prints form × the share of the clean text's persons and status steps kept,
/// and the texts refused though their clean text is read. `--verbose` lists, per form, the texts under
/// 0.9 and what they lost. HTML texts are left out (their forms are the page's, not a copy's).
enum FormsBenchmark {
    static let folders = ["composed", "real", "real2", "real3", "real4", "real5"]

    static func texts(in directories: [String]) -> [(name: String, text: String)] {
        var found: [(String, String)] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") {
                guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
                found.append((String((directory as NSString).lastPathComponent) + "/" + name, String(decoding: data, as: UTF8.self)))
            }
        }
        return found
    }

    static func facts(_ text: String, _ name: String) -> FormRobustness.Facts? {
        guard let extraction = try? Extractor.extract(data: Data(text.utf8), name: name) else { return nil }
        return FormRobustness.Facts(persons: Set(extraction.persons.map(\.name)),
                                    steps: Set(extraction.statuses.map { "\($0.person)|\($0.status)" }))
    }

    static func run(arguments: [String]) {
        // `forms --show FORM FILE`: the file in that form, to read what the extractor was given.
        if arguments.first == "--show", arguments.count == 3, let form = CopyForm(rawValue: arguments[1]),
           let data = FileManager.default.contents(atPath: arguments[2]) {
            print(form.apply(String(decoding: data, as: UTF8.self)))
            return
        }
        let verbose = arguments.contains("--verbose")
        let only = arguments.firstIndex(of: "--only").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        let forms = only.map { $0.split(separator: ",").compactMap { CopyForm(rawValue: String($0)) } } ?? CopyForm.allCases
        var directories = arguments.enumerated().filter { index, value in
            !value.hasPrefix("--") && (index == 0 || arguments[index - 1] != "--only")
        }.map(\.element)
        if directories.isEmpty {
            directories = folders.map { "Tests/CaseIngestTests/Fixtures/dev/\($0)" } + ["SampleData"]
        }
        let texts = texts(in: directories)
        let started = Date()
        let scores = FormRobustness.measure(texts: texts, forms: forms, read: facts)
        print("# forms: \(texts.count) development texts, each clean and in \(forms.count) forms (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
        print(FormRobustness.table(scores))
        if verbose {
            for score in scores where !score.losses.isEmpty {
                print("\n## \(score.form)")
                for (text, lost) in score.losses { print("  \(text): \(lost.prefix(8).joined(separator: ", "))\(lost.count > 8 ? ", …" : "")") }
            }
        }
    }
}
