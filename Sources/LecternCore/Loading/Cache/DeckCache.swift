import Foundation

import Glibc

/// Parsed decks kept on disk, so that a command loading an unchanged deck does not parse its
/// YAML again: one file per deck path under `$XDG_CACHE_HOME/lectern/decks/`.
///
/// A cache file holds the key it was written for (`DeckCacheKey`) and the load result in the
/// binary form of `DeckCacheCodec`, behind a magic number, a format version and a checksum.
/// Anything wrong with it (truncated, foreign, another version or build, another key) makes
/// `read` return nil and the deck is parsed and the file written anew: the cache is never an
/// error. Writes go to a temporary file in the same folder, renamed over the old one, so two
/// processes writing at once leave one whole file. A folder that cannot be written is skipped.
///
/// The folder is kept bounded: one write in `pruneEvery` removes entries not used for
/// `maxAgeDays` (a hit refreshes an entry's mtime at most once a day) and then the oldest
/// beyond `maxEntries`.
package struct DeckCache: Sendable {
    package let folder: String
    /// Lectern's version as written into keys; tests give another to see a cache refused.
    package var version: String

    static let magic: [UInt8] = Array("LECTDECK".utf8)
    /// Changes whenever the layout of `DeckCacheCodec` or `DeckCacheKey.encoded` does.
    static let formatVersion: UInt64 = 1
    static let fileSuffix = ".deckcache"
    package static let maxEntries = 1_000
    package static let maxAgeDays = 30
    static let pruneEvery: UInt64 = 16

    package init(folder: String, version: String = LecternCoreVersion.string) {
        self.folder = folder
        self.version = version
    }

    /// The cache the environment asks for: nil when `LECTERN_NO_CACHE=1`, else the folder
    /// under `$XDG_CACHE_HOME` (default `~/.cache`).
    package static func fromEnvironment(_ environment: [String: String]) -> DeckCache? {
        if environment["LECTERN_NO_CACHE"] == "1" { return nil }
        let base = XDGDirectories.cacheHome(environment: environment)
        return DeckCache(
            folder: ((base as NSString).appendingPathComponent("lectern") as NSString)
                .appendingPathComponent("decks"))
    }

    /// This process's cache, from its environment.
    package static let standard: DeckCache? = fromEnvironment(ProcessInfo.processInfo.environment)

    /// The cache file of the deck at `absolutePath`: named by a hash of the path, so any path
    /// (however long, whatever its bytes) gives a short, safe file name.
    package func filePath(forDeckAt path: String) -> String {
        let name = String(ContentHash.of(DeckCacheKey.absolute(path)), radix: 16)
        return (folder as NSString).appendingPathComponent(
            String(repeating: "0", count: 16 - name.count) + name + Self.fileSuffix)
    }

    /// The cached result for `key`, or nil when there is none that can be trusted.
    func read(_ key: DeckCacheKey) -> (deck: Deck?, diagnostics: [Diagnostic])? {
        let path = filePath(forDeckAt: key.absolutePath)
        guard case .success(let bytes) = RegularFile.read(path, maxBytes: Self.maxFileBytes(key.limits)),
            let range = Self.payloadRange(in: bytes, key: key.encoded),
            let result = try? DeckCacheCodec.decode(bytes, from: range.start, to: range.end)
        else { return nil }
        Self.markUsed(path)
        return result
    }

    /// Stores `result` for `key`; silently does nothing when the folder cannot be written.
    func write(_ key: DeckCacheKey, deck: Deck?, diagnostics: [Diagnostic]) {
        let payload = DeckCacheCodec.encode(deck: deck, diagnostics: diagnostics)
        var writer = CacheWriter(capacity: payload.count + 512)
        writer.append(Self.magic)
        writer.unsigned(Self.formatVersion)
        let keyBytes = key.encoded
        writer.count(keyBytes.count)
        writer.append(keyBytes)
        writer.count(payload.count)
        writer.fixed64(ContentHash.of(payload))
        writer.append(payload)
        guard
            (try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil
        else { return }
        let path = filePath(forDeckAt: key.absolutePath)
        guard CacheFiles.replace(path, with: writer.bytes) else { return }
        if UInt64.random(in: 0..<Self.pruneEvery) == 0 { prune() }
    }

    /// Where the payload lies when the header is ours and the key and checksum match.
    static func payloadRange(in bytes: [UInt8], key: [UInt8]) -> (start: Int, end: Int)? {
        guard bytes.count > magic.count, bytes.starts(with: magic) else { return nil }
        var reader = CacheReader(bytes, from: magic.count)
        guard (try? reader.unsigned()) == formatVersion,
            let keyCount = try? reader.count(), keyCount == key.count,
            bytes[reader.offset..<(reader.offset + keyCount)].elementsEqual(key)
        else { return nil }
        reader = CacheReader(bytes, from: reader.offset + keyCount)
        guard let payloadCount = try? reader.unsigned(), let checksum = try? reader.fixed64(),
            payloadCount == UInt64(reader.remaining)
        else { return nil }
        let start = reader.offset
        let sum = bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        return sum == checksum ? (start, bytes.count) : nil
    }

    /// A cache file is about as large as its deck; far larger is not one of ours.
    static func maxFileBytes(_ limits: LoadLimits) -> Int {
        let (scaled, overflow) = limits.maxBytes.multipliedReportingOverflow(by: 4)
        return overflow ? Int.max / 2 : scaled + 1024 * 1024
    }

    /// Refreshes the mtime of a used entry, at most once a day, so pruning keeps what is used.
    private static func markUsed(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0, time(nil) - status.st_mtim.tv_sec > 86_400 else { return }
        _ = utimensat(AT_FDCWD, path, nil, 0)
    }

    /// Removes entries unused for `maxAgeDays`, then the oldest beyond `maxEntries`, and
    /// temporary files left by a process that died mid-write.
    package func prune() {
        CacheFiles.prune(
            folder: folder, suffix: Self.fileSuffix, maxAge: Double(Self.maxAgeDays) * 86_400,
            maxEntries: Self.maxEntries)
    }
}
