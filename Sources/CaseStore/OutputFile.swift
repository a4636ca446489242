import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing an output file (an export, a history page) without destroying
/// anything: never over an existing file unless forced, never over the
/// database or its `-wal`, `-shm` or `-journal`, and never half-written.
///
/// The data goes to a temporary file, owner-only, in the same directory,
/// and takes its name only when complete: `link` (which refuses an existing
/// name) or, with `force`, `rename` (which replaces it in one step).
public enum OutputFile {
    /// Throws unless `path` may be written: checks only, writes nothing.
    public static func checkTarget(_ path: String, database: String, force: Bool) throws {
        let target = canonical(path)
        let base = canonical(database)
        if ["", "-wal", "-shm", "-journal"].contains(where: { base + $0 == target }) || sameFile(path, database) {
            throw CaseStoreError.outputIsDatabase(path: path)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CaseStoreError.isDirectory(path: path) }
            if !force { throw CaseStoreError.outputExists(path: path) }
        }
    }

    /// Writes `data` to `path` as a whole, owner-only.
    public static func write(_ data: Data, to path: String, database: String, force: Bool) throws {
        try checkTarget(path, database: database, force: force)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let temporary = directory + "/." + URL(fileURLWithPath: path).lastPathComponent + ".casetrack-" + UUID().uuidString
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CaseStoreError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return fsync(descriptor) == 0 ? nil : errno
        }
        close(descriptor)
        if let failure {
            if failure == ENOSPC || failure == EFBIG || failure == EDQUOT { throw CaseStoreError.diskFull(path: path) }
            throw CaseStoreError.cannotWrite(path: path, reason: String(cString: strerror(failure)))
        }
        if force {
            guard rename(temporary, path) == 0 else { throw CaseStoreError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        } else if link(temporary, path) != 0 {
            if errno == EEXIST { throw CaseStoreError.outputExists(path: path) }
            // A file system without hard links: check, then rename.
            guard errno == EPERM || errno == ENOTSUP, !FileManager.default.fileExists(atPath: path), rename(temporary, path) == 0 else {
                throw CaseStoreError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// The absolute path with its directory's symbolic links resolved (and the file's, when it is one).
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if let resolved = realpath(url.path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let directory = url.deletingLastPathComponent().path
        guard let resolved = realpath(directory, nil) else { return url.path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + url.lastPathComponent
    }

    /// Two names of one file (a hard link).
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }
}
