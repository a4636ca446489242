import CaseStore
import GRDB

/// A cell a read could not convert to the type asked for: text that is a
/// BLOB, or bytes that are not UTF-8. Thrown instead of GRDB's trap.
struct UndecodableCell: Error {
    var column: String
    var underlying: (any Error)?
}

/// Bytes stored where text was expected.
struct BytesAsText: Error {}

extension Row {
    /// The value of `column`, or an error (never a trap) when the stored
    /// value cannot be converted, e.g. a text column another tool filled with bytes.
    subscript<Value: DatabaseValueConvertible>(checked column: String) -> Value {
        get throws {
            do {
                try Self.rejectBytesAsText(Value.self, try decode(DatabaseValue.self, forColumn: column))
                return try decode(Value.self, forColumn: column)
            } catch {
                throw UndecodableCell(column: column, underlying: error)
            }
        }
    }

    /// A cursor's row turns bytes into text silently (repairing what is not
    /// UTF-8): bytes read as text are refused whatever the row's kind.
    static func rejectBytesAsText<Value>(_ type: Value.Type, _ value: DatabaseValue) throws {
        guard type == String.self || type == String?.self, case .blob = value.storage else { return }
        throw BytesAsText()
    }

    /// The value at `index`, or an error (never a trap); see `subscript(checked:)`.
    subscript<Value: DatabaseValueConvertible>(checkedAt index: Int) -> Value {
        get throws {
            do {
                try Self.rejectBytesAsText(Value.self, try decode(DatabaseValue.self, atIndex: index))
                return try decode(Value.self, atIndex: index)
            } catch {
                let column = index < count ? columnNames[columnNames.index(columnNames.startIndex, offsetBy: index)] : "#\(index)"
                throw UndecodableCell(column: column, underlying: error)
            }
        }
    }
}

extension CaseQueries {
    /// Reads in one snapshot, like `reader.read`, but a cell that cannot be
    /// decoded becomes one sentence naming its table, row and column
    /// (`CaseStoreError.unreadableRow`), found by scanning the text columns:
    /// the cell whose column matches the one that failed, else the first; a cell of another type than its
    /// column's (text in an id column) is one sentence naming the column (`CaseStoreError.unreadableCell`).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try withReader { reader in try reader.read { db in
            do { return try body(db) } catch let error as UndecodableCell {
                throw try Self.unreadableRowError(column: error.column, in: db) ?? CaseStoreError.unreadableCell(column: error.column)
            } catch is RowDecodingError {
                throw try Self.unreadableRowError(column: nil, in: db) ?? CaseStoreError.unreadableCell(column: nil)
            }
        } }
    }

    static func unreadableRowError(column: String?, in db: Database) throws -> CaseStoreError? {
        let cells = try unreadableText(in: db)
        guard let cell = cells.first(where: { $0.column == column }) ?? cells.first else { return nil }
        return .unreadableRow(table: cell.table, row: cell.row, column: cell.column)
    }
}

/// Where each column of one statement's rows is, found once, as `row[checked:]` finds a name (the
/// first column whose name matches it, ignoring case): GRDB's lookup by name lowercases every
/// column name of the row on each read, which for an answer of many rows and columns adds up.
struct ColumnPositions {
    private var positions: [String: Int] = [:]

    /// The columns of `row` (any row of the statement: all have the same).
    init(_ row: Row?) {
        guard let row else { return }
        for (index, name) in row.columnNames.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = index
        }
    }

    func callAsFunction(_ name: String) -> Int? { positions[name.lowercased()] }
}

extension Row {
    /// `row[checked: column]`, the column found in `positions` (a name it lacks is looked up as before).
    subscript<Value: DatabaseValueConvertible>(checked column: String, at positions: ColumnPositions) -> Value {
        get throws {
            guard let index = positions(column) else { return try self[checked: column] }
            do {
                try Self.rejectBytesAsText(Value.self, try decode(DatabaseValue.self, atIndex: index))
                return try decode(Value.self, atIndex: index)
            } catch {
                throw UndecodableCell(column: column, underlying: error)
            }
        }
    }
}
