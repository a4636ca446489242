import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock held while a database file is created or migrated, so
/// that several casetrack processes starting at once on a new file create
/// it one after the other.
///
/// The lock is a `flock` on the file's directory, not on the file: closing a
/// second descriptor of the database file would drop the POSIX locks SQLite
/// holds on it.
enum CreationLock {
    static func holding<T>(forFileAt path: String, _ body: () throws -> T) throws -> T {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        // A directory we cannot read: the IMMEDIATE migration transaction and
        // its re-check still keep the schema whole.
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
