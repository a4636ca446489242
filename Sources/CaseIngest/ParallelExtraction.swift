import Foundation

/// Extracts many texts on every core; results come back in input order.
public enum ParallelExtraction {
    public static func extract(_ inputs: [(text: String, name: String)]) -> [Result<Extraction, IngestError>] {
        map(inputs.count) { index throws(IngestError) in try Extractor.extract(text: inputs[index].text, name: inputs[index].name) }
    }

    public static func extract(files: [(data: Data, name: String)]) -> [Result<Extraction, IngestError>] {
        map(files.count) { index throws(IngestError) in
            try Extractor.extract(data: files[index].data, name: files[index].name, checkingLimits: true)
        }
    }

    private static func map(_ count: Int, _ body: @Sendable (Int) throws(IngestError) -> Extraction) -> [Result<Extraction, IngestError>] {
        let results = ResultBox(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, Result { () throws(IngestError) -> Extraction in try body(index) })
        }
        return results.values.map { $0! }
    }
}

/// Slots written by concurrent workers, one each, under a lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<Extraction, IngestError>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Extraction, IngestError>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
