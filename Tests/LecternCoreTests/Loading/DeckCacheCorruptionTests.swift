import Foundation
import Testing

@testable import LecternCore

/// A cache file is untrusted input: cut short at any length, with any byte flipped, or
/// written by something else, it is ignored and the deck parsed, never an error or a crash.
@Suite struct DeckCacheCorruptionTests {
    /// A deck with every item type, its cache file written, and what a fresh load gives.
    static func cachedEveryTypeDeck() throws -> (DeckCacheScratch, path: String, bytes: [UInt8], fresh: DeckLoadResult)
    {
        let scratch = try DeckCacheScratch()
        let path = try scratch.write(LoaderFixtures.everyType, as: "every-type.yaml")
        let fresh = DeckLoader.load(fileAt: path, cache: nil)
        _ = DeckLoader.load(fileAt: path, cache: scratch.cache)
        let bytes = try [UInt8](Data(contentsOf: URL(filePath: scratch.cache.filePath(forDeckAt: path))))
        return (scratch, path, bytes, fresh)
    }

    static func put(_ bytes: [UInt8], _ scratch: DeckCacheScratch, _ path: String) throws {
        try Data(bytes).write(to: URL(filePath: scratch.cache.filePath(forDeckAt: path)))
    }

    /// Whether the cache would trust these bytes for the deck's key, as `DeckCache.read` decides.
    static func trusted(_ bytes: [UInt8], path: String) -> Bool {
        let key = DeckCacheKey(
            path: path, bytes: Array(LoaderFixtures.everyType.utf8), limits: .default, conceptsHash: nil,
            version: LecternCoreVersion.string)
        guard let key, let range = DeckCache.payloadRange(in: bytes, key: key.encoded) else { return false }
        return (try? DeckCacheCodec.decode(bytes, from: range.start, to: range.end)) != nil
    }

    @Test func aCacheCutShortAtAnyLengthGivesTheFreshResult() throws {
        let (scratch, path, bytes, fresh) = try Self.cachedEveryTypeDeck()
        defer { scratch.remove() }
        #expect(bytes.count > 1_000)
        #expect(Self.trusted(bytes, path: path))
        for length in 0..<bytes.count {
            // Every length through the bounds-checked reader; one in 100 through a whole load.
            #expect(!Self.trusted(Array(bytes[..<length]), path: path), "cut at \(length): trusted")
            guard length % 100 == 0 else { continue }
            try Self.put(Array(bytes[..<length]), scratch, path)
            let loaded = DeckLoader.load(fileAt: path, cache: scratch.cache)
            if let difference = try DeckCacheCompare.firstDifference(fresh, loaded) {
                Issue.record("cut at \(length): \(difference)")
            }
        }
    }

    @Test func aCacheWithAnyByteFlippedGivesTheFreshResult() throws {
        let (scratch, path, bytes, fresh) = try Self.cachedEveryTypeDeck()
        defer { scratch.remove() }
        for index in bytes.indices {
            var flipped = bytes
            flipped[index] ^= 0x5A
            #expect(!Self.trusted(flipped, path: path), "byte \(index) flipped: trusted")
            guard index % 100 == 0 else { continue }
            try Self.put(flipped, scratch, path)
            let loaded = DeckLoader.load(fileAt: path, cache: scratch.cache)
            if let difference = try DeckCacheCompare.firstDifference(fresh, loaded) {
                Issue.record("byte \(index) flipped: \(difference)")
            }
        }
    }

    /// Behind the checksum, the decoder itself: every flipped or cut payload is refused or
    /// decoded, bounds-checked, never read past its end.
    @Test func theDecoderRefusesDamagedPayloadsWithoutTrapping() throws {
        let (scratch, _, _, fresh) = try Self.cachedEveryTypeDeck()
        defer { scratch.remove() }
        let payload = DeckCacheCodec.encode(deck: fresh.deck, diagnostics: fresh.diagnostics)
        let decoded = try DeckCacheCodec.decode(payload, from: 0, to: payload.count)
        let again = DeckLoadResult(deck: decoded.deck, diagnostics: decoded.diagnostics, text: fresh.text)
        #expect(try DeckCacheCompare.firstDifference(fresh, again) == nil)
        var refused = 0
        for index in payload.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = payload
                damaged[index] ^= mask
                if (try? DeckCacheCodec.decode(damaged, from: 0, to: damaged.count)) == nil { refused += 1 }
            }
            if (try? DeckCacheCodec.decode(payload, from: 0, to: index)) != nil {
                Issue.record("a payload cut at \(index) decoded")
            }
        }
        #expect(refused > payload.count)
    }

    @Test func aForeignFileOrAnotherFormatIsIgnored() throws {
        let (scratch, path, bytes, fresh) = try Self.cachedEveryTypeDeck()
        defer { scratch.remove() }
        var otherFormat = bytes
        otherFormat[DeckCache.magic.count] &+= 1
        let foreign: [[UInt8]] = [
            Array("lectern: 1\nid: not-a-cache\n".utf8), [UInt8](repeating: 0xFF, count: 4096), otherFormat,
            DeckCache.magic, DeckCache.magic + [UInt8](repeating: 0x80, count: 64),
        ]
        for bytes in foreign {
            try Self.put(bytes, scratch, path)
            let loaded = DeckLoader.load(fileAt: path, cache: scratch.cache)
            #expect(try DeckCacheCompare.firstDifference(fresh, loaded) == nil)
        }
        // A folder where the cache file should be: the load still works.
        try FileManager.default.removeItem(atPath: scratch.cache.filePath(forDeckAt: path))
        try FileManager.default.createDirectory(
            atPath: scratch.cache.filePath(forDeckAt: path), withIntermediateDirectories: true)
        #expect(try DeckCacheCompare.firstDifference(fresh, DeckLoader.load(fileAt: path, cache: scratch.cache)) == nil)
    }

    @Test func pruningDropsOldEntriesAndKeepsTheCountBounded() throws {
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let folder = scratch.cache.folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let now = Int(Date().timeIntervalSince1970)
        for index in 0..<(DeckCache.maxEntries + 5) {
            let file = "\(folder)/\(index)\(DeckCache.fileSuffix)"
            FileManager.default.createFile(atPath: file, contents: Data([1]))
            DeckCacheCompare.setModified(file, seconds: now - index, nanoseconds: 0)
        }
        let old = "\(folder)/old\(DeckCache.fileSuffix)"
        FileManager.default.createFile(atPath: old, contents: Data([1]))
        DeckCacheCompare.setModified(old, seconds: now - (DeckCache.maxAgeDays + 1) * 86_400, nanoseconds: 0)
        let unrelated = "\(folder)/notes.txt"
        FileManager.default.createFile(atPath: unrelated, contents: Data([1]))
        scratch.cache.prune()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.filter { $0.hasSuffix(DeckCache.fileSuffix) }.count == DeckCache.maxEntries)
        #expect(!left.contains("old\(DeckCache.fileSuffix)"))
        #expect(
            left.contains("0\(DeckCache.fileSuffix)")
                && !left.contains("\(DeckCache.maxEntries + 4)\(DeckCache.fileSuffix)"))
        #expect(left.contains("notes.txt"))
    }
}
