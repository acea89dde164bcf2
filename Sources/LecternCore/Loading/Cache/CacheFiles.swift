import Foundation

import Glibc

/// The file operations of the deck cache: a whole-file replace that a reader can never see
/// half done, and the pruning that keeps the folder bounded. Failures are reported as false
/// or ignored, never thrown: a cache that cannot be written is simply not used.
enum CacheFiles {
    /// Writes `bytes` to a new temporary file beside `path` and renames it over `path`, so
    /// another process sees the old file or the new one, never a mix of two writers.
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(
            ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { return false }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }  // nothing to write
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, base + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard written, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Removes files ending in `suffix` older than `maxAge` seconds, then the oldest of the
    /// rest beyond `maxEntries`, and temporary files over an hour old.
    static func prune(folder: String, suffix: String, maxAge: Double, maxEntries: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = Double(time(nil))
        var kept: [(path: String, modified: Double)] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            let age = now - Double(status.st_mtim.tv_sec)
            if name.hasPrefix("."), name.hasSuffix(".tmp") {
                if age > 3_600 { unlink(path) }
            } else if name.hasSuffix(suffix) {
                if age > maxAge { unlink(path) } else { kept.append((path, Double(status.st_mtim.tv_sec))) }
            }
        }
        guard kept.count > maxEntries else { return }
        for entry in kept.sorted(by: { $0.modified < $1.modified }).prefix(kept.count - maxEntries) {
            unlink(entry.path)
        }
    }
}
