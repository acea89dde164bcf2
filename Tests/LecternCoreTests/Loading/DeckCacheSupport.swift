import Foundation
import Glibc

@testable import LecternCore

/// A fresh folder for one cache test: decks written into `decks`, the cache in `cache`.
struct DeckCacheScratch {
    let root: URL
    let decks: URL
    let cache: DeckCache

    init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "lectern-cache-test-\(UUID().uuidString)")
        decks = root.appending(path: "decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        cache = DeckCache(folder: root.appending(path: "cache").path)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` as a deck file named `name` and gives its path.
    @discardableResult
    func write(_ text: String, as name: String) throws -> String {
        let path = decks.appending(path: name).path
        try Data(text.utf8).write(to: URL(filePath: path))
        return path
    }

    /// The inode of the deck's cache file, or nil when there is none: a write renames a new
    /// file into place, so an unchanged inode means the last load was served from the cache.
    func cacheInode(ofDeckAt path: String) -> UInt64? {
        var status = stat()
        guard stat(cache.filePath(forDeckAt: path), &status) == 0 else { return nil }
        return UInt64(status.st_ino)
    }
}

enum DeckCacheCompare {
    /// A load result as the loader fixtures dump it: every field of the deck and every
    /// finding, one `path = value` line each, and the text.
    static func fields(_ result: DeckLoadResult) throws -> [String] {
        let dump: [String: Any] = [
            "deck": ModelDump.json(result.deck as Any, root: "\u{0}"),
            "findings": ModelDump.json(result.diagnostics, root: "\u{0}"),
            "text": result.text ?? NSNull(),
        ]
        // Through JSON text and back, as the fixtures are compared.
        let text = try ModelDump.text(dump)
        return ModelDump.fields(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    }

    /// The first field that differs, or nil when the two results are the same field by field.
    static func firstDifference(_ expected: DeckLoadResult, _ actual: DeckLoadResult) throws -> String? {
        let (want, got) = (try fields(expected), try fields(actual))
        for (index, line) in want.enumerated() where index >= got.count || got[index] != line {
            return "expected \(line), got \(index < got.count ? got[index] : "nothing")"
        }
        return want.count == got.count ? nil : "expected \(want.count) fields, got \(got.count)"
    }

    /// Sets a file's modification time (nanoseconds since the epoch).
    static func setModified(_ path: String, seconds: Int, nanoseconds: Int) {
        var times = [
            timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds),
        ]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    static func modified(_ path: String) -> (seconds: Int, nanoseconds: Int) {
        var status = stat()
        _ = stat(path, &status)
        return (status.st_mtim.tv_sec, status.st_mtim.tv_nsec)
    }
}
