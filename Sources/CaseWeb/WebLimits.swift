import CaseIngest

/// Sizes and rates the app enforces.
enum WebLimits {
    /// A resolution file as large as `casetrack import` reads, plus the multipart form around it.
    static let uploadBytes = TextDecoding.maximumBytes + 64 * 1024
    /// Any other form: a few fields of text.
    static let formBytes = 64 * 1024
    /// Persons per page of the person list.
    static let personsPerPage = 100
    /// Audit-log lines per page.
    static let logPerPage = 200
}
