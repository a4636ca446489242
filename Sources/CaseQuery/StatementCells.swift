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

    /// The cell's value, asked of the statement once: its storage class, integer, bytes and their
    /// count are then read off it (each `sqlite3_column_*` call asks the statement again).
    @inline(__always) func value(_ index: CInt) -> CellValue { CellValue(value: sqlite3_column_value(handle, index)) }

    /// The integer in a cell already known to hold one (``storageClass(_:)`` is `SQLITE_INTEGER`).
    @inline(__always) func knownInteger(_ index: CInt) -> Int64 { sqlite3_column_int64(handle, index) }

    /// The text in a cell already known to hold text (``storageClass(_:)`` is `SQLITE_TEXT`), read as ``text(_:)`` reads it.
    @inline(__always) func knownText(_ index: CInt) -> String? {
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: bytes)
    }

    /// ``knownText(_:)`` through `memo`: a short text read before (a date: a whole list reads the same
    /// few thousand dates 400,000 times) is the string made of those bytes then, not a new one.
    @inline(__always) func knownText(_ index: CInt, memo: TextMemo) -> String? {
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        return memo.string(bytes, count: Int(sqlite3_column_bytes(handle, index)))
    }

    /// The bytes of a cell already known to hold text (nil only when SQLite cannot give them).
    @inline(__always) func knownBytes(_ index: CInt) -> UnsafePointer<UInt8>? { sqlite3_column_text(handle, index) }

    /// How many bytes the cell's text has (asked after ``knownBytes(_:)``).
    @inline(__always) func byteCount(_ index: CInt) -> Int { Int(sqlite3_column_bytes(handle, index)) }

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

/// One cell of a statement's current row as SQLite holds it (`sqlite3_column_value`), read as the
/// statement's own `sqlite3_column_*` functions read it. Valid until the statement steps or resets;
/// read on the connection's one thread (GRDB opens connections without SQLite's mutex, which is
/// all that `sqlite3_column_*` add: the same reads, behind that mutex).
struct CellValue {
    let value: OpaquePointer?

    /// SQLite's storage class (`SQLITE_NULL` when SQLite gave no value).
    @inline(__always) var storageClass: CInt { value.map { sqlite3_value_type($0) } ?? SQLITE_NULL }

    /// The integer in a cell known to hold one.
    @inline(__always) var integer: Int64 { value.map { sqlite3_value_int64($0) } ?? 0 }

    /// The bytes of a cell known to hold text, NUL-terminated (nil only when SQLite cannot give them).
    @inline(__always) var bytes: UnsafePointer<UInt8>? { value.flatMap { sqlite3_value_text($0) } }

    /// How many bytes the text has (asked after ``bytes``).
    @inline(__always) var byteCount: Int { value.map { Int(sqlite3_value_bytes($0)) } ?? 0 }

    /// Whether `count` bytes at `bytes` are exactly `expected`'s.
    @inline(__always) static func bytes(_ bytes: UnsafePointer<UInt8>, count: Int, equal expected: UnsafeBufferPointer<UInt8>) -> Bool {
        count == expected.count && (count == 0 || memcmp(bytes, expected.baseAddress!, count) == 0)
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
        index(bytes: bytes, count: count).map { entries[$0].string }
    }

    /// The position of the string whose bytes these are, if one is.
    @inline(__always) func index(bytes: UnsafePointer<UInt8>, count: Int) -> Int? {
        for (index, entry) in entries.enumerated() where entry.bytes.count == count {
            if entry.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes, count) == 0 }) { return index }
        }
        return nil
    }

    /// The string at a position ``index(bytes:count:)`` gave.
    @inline(__always) subscript(index: Int) -> String { entries[index].string }

    /// The position of `string` among these (nil: not one of them).
    func index(of string: String) -> Int? { entries.firstIndex { $0.string == string } }
}

/// `String(cString:)` of short texts, remembered by their exact bytes: the same bytes always make
/// the same string, so an answer is the same whether it was made now or found here. Texts of more
/// than 15 bytes, or holding a NUL (where `String(cString:)` stops), are made each time; once the
/// table is three-quarters full, new texts are made each time too.
final class TextMemo {
    static let size = 1 << 13
    // Fixed storage behind `let` pointers: read and written with no exclusivity check per access
    // (a class's array properties are checked at every read, which cost more than the lookup).
    private let low = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
    private let high = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
    /// The text's byte count plus one (0: an empty slot).
    private let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    private let strings = UnsafeMutablePointer<String>.allocate(capacity: size)
    private var used = 0

    init() {
        lengths.initialize(repeating: 0, count: Self.size)
    }

    deinit {
        for slot in 0..<Self.size where lengths[slot] != 0 { (strings + slot).deinitialize(count: 1) }
        low.deallocate()
        high.deallocate()
        lengths.deallocate()
        strings.deallocate()
    }

    @inline(__always) func string(_ bytes: UnsafePointer<UInt8>, count: Int) -> String {
        let slot = slot(bytes, count: count)
        return slot >= 0 ? strings[Int(slot)] : String(cString: bytes)
    }

    /// The string in `slot` (one ``slot(_:count:)`` gave).
    @inline(__always) subscript(slot: Int32) -> String { strings[Int(slot)] }

    /// Where `String(cString: bytes)` is kept (made and kept now if it was not yet); -1 for a
    /// text that is not kept (too long, holding a NUL, or the table full).
    @inline(__always) func slot(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int32 {
        guard count <= 15, memchr(bytes, 0, count) == nil else { return -1 }
        var key: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: bytes, byteCount: count) }
        var slot = Int(truncatingIfNeeded: (key.0 &* 0x9E37_79B9_7F4A_7C15 ^ key.1 &* 0xC2B2_AE3D_27D4_EB4F) >> 51) & (Self.size - 1)
        let length = UInt8(count + 1)
        while lengths[slot] != 0 {
            if lengths[slot] == length, low[slot] == key.0, high[slot] == key.1 { return Int32(slot) }
            slot = (slot + 1) & (Self.size - 1)
        }
        guard used < Self.size * 3 / 4 else { return -1 }
        used += 1
        lengths[slot] = length
        low[slot] = key.0
        high[slot] = key.1
        (strings + slot).initialize(to: String(cString: bytes))
        return Int32(slot)
    }
}
