import CaseIngest
import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// The cells of a statement's current row, read straight from SQLite as it stored them:
/// no `DatabaseValue` per cell, no generic decoding. A whole list reads 300,000 status events
/// and 230,000 names and other names through these; each read gives nil for a cell of another
/// storage class than asked, and the caller refuses the row as `row[checkedAt:]` would.
///
/// Text is read as GRDB reads it (`String(cString:)`: up to the first NUL, bytes that are not
/// UTF-8 repaired), so every answer is the same as through `DatabaseValue`.
struct StatementCells {
    let handle: SQLiteStatement

    init(_ statement: Statement) { handle = statement.sqliteStatement }

    /// SQLite's storage class of the cell (`SQLITE_NULL`, `SQLITE_INTEGER`, `SQLITE_TEXT`, …).
    @inline(__always) func storageClass(_ index: CInt) -> CInt { sqlite3_column_type(handle, index) }

    @inline(__always) func isNull(_ index: CInt) -> Bool { storageClass(index) == SQLITE_NULL }

    /// The integer in the cell; nil for any other storage class.
    @inline(__always) func integer(_ index: CInt) -> Int64? {
        storageClass(index) == SQLITE_INTEGER ? sqlite3_column_int64(handle, index) : nil
    }

    /// The text in the cell; nil for any other storage class.
    @inline(__always) func text(_ index: CInt) -> String? {
        guard storageClass(index) == SQLITE_TEXT, let bytes = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: bytes)
    }

    /// Whether the cell is text whose bytes are exactly `expected`'s (nil: not text). Equal bytes
    /// hold no NUL where `expected` holds none, so the cell reads as a string equal to `expected`.
    @inline(__always) func text(_ index: CInt, hasBytesOf expected: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard storageClass(index) == SQLITE_TEXT, let bytes = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count == expected.count else { return false }
        return count == 0 || memcmp(bytes, expected.baseAddress!, count) == 0
    }

    /// The text in the cell as one of `strings` when its bytes are one of theirs (no new
    /// string is made, the known one is shared), else read as ``text(_:)`` reads it; nil for any
    /// other storage class.
    @inline(__always) func text(_ index: CInt, among strings: InternedStrings) -> String? {
        guard storageClass(index) == SQLITE_TEXT, let bytes = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        if let known = strings.string(bytes: bytes, count: count) { return known }
        return String(cString: bytes)
    }
}

/// A few strings a column holds over and over (the seventeen statuses), found by their bytes,
/// so that reading one makes no new string.
final class InternedStrings: Sendable {
    private let entries: [(bytes: [UInt8], string: String)]

    init(_ strings: [String]) {
        entries = strings.filter { !$0.utf8.contains(0) }.map { (Array($0.utf8), $0) }
    }

    /// The seventeen statuses of ``CaseStatus``.
    static let statuses = InternedStrings(CaseStatus.allCases.map(\.rawValue))

    @inline(__always) func string(bytes: UnsafePointer<UInt8>, count: Int) -> String? {
        for entry in entries where entry.bytes.count == count {
            if entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes, count) == 0 }) { return entry.string }
        }
        return nil
    }
}
