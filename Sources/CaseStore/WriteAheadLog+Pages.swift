import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The rows a `-wal` can change, found from its pages (SQLite's file format),
/// so that ``WriteAheadLog/reconcile(_:)`` verifies those rows, not the
/// whole file.
///
/// A page the `-wal` does not hold is the same with and without it, so a row
/// can differ between the file alone and the file with its `-wal` only when
/// a page holding it is in the `-wal`: its table leaf page (either version:
/// the rows on the file's version may be gone, those on the `-wal`'s may be
/// new), or one of its overflow pages. Each page in the `-wal` is placed,
/// in both versions, by walking the table b-trees down from their roots:
/// a table leaf gives its rows, an index page carries no sealed data, an
/// overflow page must be one of a listed row, a free page must be on the
/// free list, and a table interior page may only point to unchanged pages
/// that were, and stay, in the same table. Any page that cannot be placed so
/// (what SQLite itself never writes) makes the check fall back to the whole
/// file. (`PRAGMA quick_check`, run first, holds every page to one use.)
enum WalPages {
    /// The rows, by table name, on the pages a `-wal` changes (in either
    /// version), or why its pages could not be placed.
    enum Outcome: Equatable {
        case rows([String: Set<Int64>], pagesRead: Int)
        case unplaced(String)
    }

    /// `walDB` reads the file with its `-wal`, `aloneDB` the file alone;
    /// `wal` lists the `-wal`'s committed pages.
    static func changedRows(path: String, wal: WriteAheadLog.Contents, walDB: Database, aloneDB: Database) throws -> Outcome {
        // A -wal that changes the schema (a migration) is checked whole: the roots below would not hold for both.
        let schemaSQL = "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY type, name"
        let schema = try Row.fetchAll(walDB, sql: schemaSQL)
        guard schema == (try Row.fetchAll(aloneDB, sql: schemaSQL)) else { return .unplaced("it changes the schema") }
        for db in [walDB, aloneDB] where try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") != 0 {
            return .unplaced("the file uses auto_vacuum")
        }
        var tables: [(name: String, root: UInt32)] = [("sqlite_schema", 1)]
        for row in schema where (row[0] as String?) == "table" {
            if let name = row[1] as String?, let root = row[3] as Int64?, root > 0 { tables.append((name, UInt32(root))) }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        guard let main = MainFileDescriptors.shared.descriptor(for: path) else { return .unplaced("the file cannot be read") }
        let walFD = open(path + "-wal", O_RDONLY | O_CLOEXEC)
        guard walFD >= 0 else { return .unplaced("the -wal cannot be read") }
        defer { close(walFD) }
        var views = [View(pageSize: wal.pageSize, pageCount: UInt32(size / wal.pageSize), main: main, wal: walFD, frames: [:]),
                     View(pageSize: wal.pageSize, pageCount: wal.pageCount, main: main, wal: walFD, frames: wal.pages)]
        for index in views.indices {
            guard let first = views[index].page(1), first.count > 20 else { return .unplaced("its first page cannot be read") }
            views[index].usable = wal.pageSize - Int(first[20])
        }
        var rows: [String: Set<Int64>] = [:]
        var overflow: [Set<UInt32>] = [[], []]
        var other: [[UInt32]] = [[], []]
        for page in wal.pages.keys.sorted() {
            for (index, otherIndex) in [(0, 1), (1, 0)] where page <= views[index].pageCount {
                guard let bytes = views[index].page(page) else { return .unplaced("page \(page) cannot be read") }
                guard let node = Node(bytes, page: page) else { other[index].append(page); continue }
                guard node.isTable else { continue }  // an index page: no sealed data
                guard let owner = views[index].owner(of: page, node: node, bytes: bytes, tables: tables) else {
                    // A table page no table reaches: only a free page may be one (its old bytes).
                    other[index].append(page)
                    continue
                }
                if node.isLeaf {
                    for cell in node.cells {
                        guard let leaf = views[index].leafCell(bytes, at: cell) else { return .unplaced("page \(page) holds a damaged row") }
                        rows[owner, default: []].insert(leaf.rowid)
                        guard var next = leaf.overflow else { continue }
                        for _ in 0..<leaf.overflowPages {
                            guard next != 0, overflow[index].insert(next).inserted, let chained = views[index].page(next) else { break }
                            next = Node.word(chained, 0)
                        }
                    }
                } else {
                    // Children the -wal leaves as they are belong to the same table in the other version, or
                    // are leaves whose rows are then listed (for this table and any other that holds the page).
                    for child in node.children(bytes) where wal.pages[child] == nil {
                        guard child <= views[otherIndex].pageCount, let childBytes = views[otherIndex].page(child),
                              let childNode = Node(childBytes, page: child), childNode.isTable else {
                            return .unplaced("page \(child) is not a table page")
                        }
                        if let root = tables.first(where: { $0.name == owner })?.root, let key = childNode.firstKey(childBytes, view: views[otherIndex]),
                           views[otherIndex].descend(root: root, key: key).contains(child) { continue }
                        guard childNode.isLeaf else { return .unplaced("pages under page \(child) would move between tables") }
                        let elsewhere = views[otherIndex].owner(of: child, node: childNode, bytes: childBytes, tables: tables)
                        for cell in childNode.cells {
                            guard let leaf = views[otherIndex].leafCell(childBytes, at: cell) else { return .unplaced("page \(child) holds a damaged row") }
                            rows[owner, default: []].insert(leaf.rowid)
                            if let elsewhere { rows[elsewhere, default: []].insert(leaf.rowid) }
                        }
                    }
                }
            }
        }
        for index in views.indices where !other[index].isEmpty {
            let free = views[index].freePages()
            for page in other[index] where !overflow[index].contains(page) && !free.contains(page) {
                let first = views[index].page(page).map { String($0[page == 1 ? 100 : 0]) } ?? "none"
                return .unplaced("page \(page) (\(index == 0 ? "the file's" : "the -wal's") version, type \(first)) is neither a table's, "
                                 + "an overflow page of a changed row, nor free")
            }
        }
        return .rows(rows, pagesRead: views[0].pagesRead + views[1].pagesRead)
    }

    /// The pages of the database as one version sees them: the file alone
    /// (no frames), or with the `-wal`'s committed frames over it.
    struct View {
        var pageSize: Int
        var pageCount: UInt32
        var main: Int32
        var wal: Int32
        /// Page number to the offset of its latest committed image in the `-wal`.
        var frames: [UInt32: UInt64]
        var usable = 0
        var cache: [UInt32: [UInt8]] = [:]
        var pagesRead = 0

        mutating func page(_ number: UInt32) -> [UInt8]? {
            guard number >= 1, number <= pageCount else { return nil }
            if let cached = cache[number] { return cached }
            var bytes = [UInt8](repeating: 0, count: pageSize)
            let (descriptor, offset) = frames[number].map { (wal, $0) } ?? (main, UInt64(number - 1) * UInt64(pageSize))
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, pageSize, off_t(offset)) }
            guard read == pageSize else { return nil }
            pagesRead += 1
            cache[number] = bytes
            return bytes
        }

        /// The pages from `root` down to the leaf where rowid `key` belongs.
        mutating func descend(root: UInt32, key: Int64) -> [UInt32] {
            var path: [UInt32] = [], number = root
            for _ in 0..<64 {
                path.append(number)
                guard let bytes = page(number), let node = Node(bytes, page: number), node.isTable, !node.isLeaf else { return path }
                var next = node.right
                for cell in node.cells {
                    guard let (value, _) = Node.varint(bytes, cell + 4) else { return path }
                    if Int64(bitPattern: value) >= key { next = Node.word(bytes, cell); break }
                }
                number = next
            }
            return path
        }

        /// The table whose b-tree holds table page `page`, if any.
        mutating func owner(of page: UInt32, node: Node, bytes: [UInt8], tables: [(name: String, root: UInt32)]) -> String? {
            if let root = tables.first(where: { $0.root == page }) { return root.name }
            guard let key = node.firstKey(bytes, view: self) else { return nil }
            return tables.first { descend(root: $0.root, key: key).contains(page) }?.name
        }

        /// One row of a table leaf: its rowid, and its first overflow page and their number.
        mutating func leafCell(_ bytes: [UInt8], at offset: Int) -> (rowid: Int64, overflow: UInt32?, overflowPages: Int)? {
            guard let (payload, first) = Node.varint(bytes, offset), let (rowid, second) = Node.varint(bytes, offset + first) else { return nil }
            let maxLocal = usable - 35
            guard payload > UInt64(maxLocal) else { return (Int64(bitPattern: rowid), nil, 0) }
            let minLocal = (usable - 12) * 32 / 255 - 23
            let total = Int(clamping: payload)
            var local = minLocal + (total - minLocal) % (usable - 4)
            if local > maxLocal { local = minLocal }
            let pointer = offset + first + second + local
            guard pointer + 4 <= bytes.count else { return nil }
            return (Int64(bitPattern: rowid), Node.word(bytes, pointer), (total - local + usable - 5) / (usable - 4))
        }

        /// Every page on the free list (trunks and leaves).
        mutating func freePages() -> Set<UInt32> {
            guard let first = page(1) else { return [] }
            var free = Set<UInt32>(), trunk = Node.word(first, 32)
            while trunk != 0, free.insert(trunk).inserted, let bytes = page(trunk) {
                let count = min(Int(Node.word(bytes, 4)), (bytes.count - 8) / 4)
                for index in 0..<count { free.insert(Node.word(bytes, 8 + 4 * index)) }
                trunk = Node.word(bytes, 0)
            }
            return free
        }
    }

    /// A b-tree page's header and cell offsets.
    struct Node {
        var type: UInt8
        var cells: [Int]
        var right: UInt32

        var isTable: Bool { type == 5 || type == 13 }
        var isLeaf: Bool { type == 10 || type == 13 }

        init?(_ bytes: [UInt8], page: UInt32) {
            let header = page == 1 ? 100 : 0
            guard bytes.count >= header + 12, [2, 5, 10, 13].contains(bytes[header]) else { return nil }
            type = bytes[header]
            let leaf = type == 10 || type == 13
            let count = Int(bytes[header + 3]) << 8 | Int(bytes[header + 4])
            let start = header + (leaf ? 8 : 12)
            guard start + 2 * count <= bytes.count else { return nil }
            cells = (0..<count).map { Int(bytes[start + 2 * $0]) << 8 | Int(bytes[start + 2 * $0 + 1]) }
            guard cells.allSatisfy({ $0 >= start && $0 < bytes.count }) else { return nil }
            right = leaf ? 0 : Self.word(bytes, header + 8)
        }

        /// The child pages of an interior page.
        func children(_ bytes: [UInt8]) -> [UInt32] { cells.map { Self.word(bytes, $0) } + [right] }

        /// A rowid the page holds (leaf) or divides at (interior).
        func firstKey(_ bytes: [UInt8], view: View) -> Int64? {
            guard let cell = cells.first else { return nil }
            if isLeaf {
                guard let (_, length) = Self.varint(bytes, cell), let (rowid, _) = Self.varint(bytes, cell + length) else { return nil }
                return Int64(bitPattern: rowid)
            }
            return Self.varint(bytes, cell + 4).map { Int64(bitPattern: $0.0) }
        }

        static func word(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
            guard offset + 4 <= bytes.count else { return 0 }
            return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
        }

        /// SQLite's variable-length integer at `offset`: its value and length.
        static func varint(_ bytes: [UInt8], _ offset: Int) -> (UInt64, Int)? {
            var value: UInt64 = 0
            for index in 0..<9 {
                guard offset + index < bytes.count else { return nil }
                let byte = bytes[offset + index]
                if index == 8 { return (value << 8 | UInt64(byte), 9) }
                value = value << 7 | UInt64(byte & 0x7F)
                if byte & 0x80 == 0 { return (value, index + 1) }
            }
            return nil
        }
    }
}

/// Descriptors of database files opened to read their pages, one a file
/// (device and inode), kept open for the life of the process: closing a
/// descriptor drops every POSIX lock the process holds on the file, those
/// of its SQLite connections included (see `DatabaseFileCheck.inspect`).
final class MainFileDescriptors: @unchecked Sendable {
    static let shared = MainFileDescriptors()
    private let lock = NSLock()
    private var open: [String: Int32] = [:]

    func descriptor(for path: String) -> Int32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let key = "\(info.st_dev):\(info.st_ino)"
        lock.lock()
        defer { lock.unlock() }
        if let known = open[key] { return known }
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var opened = stat()
        // Replaced between the two calls: use it this once, keep none.
        guard fstat(descriptor, &opened) == 0, "\(opened.st_dev):\(opened.st_ino)" == key else { return descriptor }
        open[key] = descriptor
        return descriptor
    }
}
