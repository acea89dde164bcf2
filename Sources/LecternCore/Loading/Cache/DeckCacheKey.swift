import Foundation

import Glibc

/// Everything a cached load result depends on. A cache file is used only when every field
/// equals the one worked out now; any difference, and the deck is parsed again.
struct DeckCacheKey: Equatable {
    /// The deck's absolute path (names the cache file) and the path as the loader was given
    /// it, which the model and every finding repeat.
    var absolutePath: String
    var givenPath: String
    var size: Int
    var modifiedNanoseconds: Int64
    var contentHash: UInt64
    var limits: LoadLimits
    /// The hash of `concepts.yaml` beside the deck, or nil when there is none.
    var conceptsHash: UInt64?
    /// Lectern's version (`LecternCoreVersion`); a test gives another to see the cache refused.
    var version: String

    /// The key of the deck at `path` whose bytes were just read; nil when the file cannot
    /// be stat'ed (then the load is not cached).
    init?(path: String, bytes: [UInt8], limits: LoadLimits, conceptsHash: UInt64?, version: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        absolutePath = Self.absolute(path)
        givenPath = path
        size = Int(status.st_size)
        modifiedNanoseconds = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        contentHash = ContentHash.of(bytes)
        self.limits = limits
        self.conceptsHash = conceptsHash
        self.version = version
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    /// The key as bytes: a cache file starts with them, and is used only when they are equal.
    /// Lectern's version and the running build's identity come first, so a cache written by
    /// another build (whose parser may differ, even at the same version) is never trusted.
    var encoded: [UInt8] {
        var writer = CacheWriter(capacity: 256)
        writer.string(version)
        writer.int(Self.build.size)
        writer.int(Int(Self.build.modified))
        writer.string(absolutePath)
        writer.string(givenPath)
        writer.int(size)
        writer.int(Int(modifiedNanoseconds))
        writer.fixed64(contentHash)
        writer.int(limits.maxBytes)
        writer.int(limits.maxDepth)
        writer.int(limits.maxNodes)
        writer.bool(conceptsHash != nil)
        if let conceptsHash { writer.fixed64(conceptsHash) }
        return writer.bytes
    }

    /// The running executable's size and modification time: a rebuilt Lectern (a changed
    /// parser or linter) has another, so its caches start afresh.
    static let build: (size: Int, modified: Int64) = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return (0, 0) }
        return (Int(status.st_size), Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }()
}
