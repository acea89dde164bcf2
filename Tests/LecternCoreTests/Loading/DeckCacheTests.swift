import Foundation
import Testing

@testable import LecternCore

/// A deck served from the cache is the deck a parse gives, field by field with its findings,
/// and the cache is trusted only while every part of its key holds.
@Suite struct DeckCacheTests {
    /// Every file input of the loader fixtures (bundled decks, the fuzz corpus, the library
    /// fixtures) and every text input (the every-type deck, the malformed texts).
    static var inputNames: [String] {
        ((try? LoaderFixtures.inputs()) ?? []).compactMap { input in
            if case .vocabulary = input { return nil }
            return input.name
        }
    }

    @Test(arguments: inputNames)
    func aCachedLoadEqualsAFreshLoad(_ name: String) throws {
        let input = try #require(try LoaderFixtures.inputs().first { $0.name == name })
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let path: String
        switch input {
        case .file(let relative): path = LoaderFixtures.root.appending(path: relative).path
        case .text(_, let text): path = try scratch.write(text, as: "\(name).yaml")
        case .vocabulary: return
        }
        let fresh = DeckLoader.load(fileAt: path, cache: nil)
        let storing = DeckLoader.load(fileAt: path, cache: scratch.cache)
        #expect(try DeckCacheCompare.firstDifference(fresh, storing) == nil)
        // A file refused before it is decoded (not UTF-8, too large) is never cached.
        guard let inode = scratch.cacheInode(ofDeckAt: path) else {
            #expect(fresh.text == nil, "\(name): decoded, yet not cached")
            return
        }
        let cached = DeckLoader.load(fileAt: path, cache: scratch.cache)
        #expect(scratch.cacheInode(ofDeckAt: path) == inode, "\(name): the second load parsed again")
        if let difference = try DeckCacheCompare.firstDifference(fresh, cached) {
            Issue.record("\(name): \(difference)")
        }
    }

    @Test func aLibraryFromTheCacheEqualsAFreshLibrary() throws {
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let decks = LoaderFixtures.root.appending(path: "Decks").path
        let fresh = DeckLibrary.load(directories: [decks], cache: nil)
        _ = DeckLibrary.load(directories: [decks], cache: scratch.cache)
        let cached = DeckLibrary.load(directories: [decks], cache: scratch.cache)
        #expect(fresh.entries.count == cached.entries.count && fresh.entries.count > 3)
        for (want, got) in zip(fresh.entries, cached.entries) {
            #expect(want.path == got.path)
            let difference = try DeckCacheCompare.firstDifference(
                DeckLoadResult(deck: want.deck, diagnostics: want.diagnostics, text: want.text),
                DeckLoadResult(deck: got.deck, diagnostics: got.diagnostics, text: got.text))
            #expect(difference == nil, "\(want.path): \(difference ?? "")")
        }
    }

    static let deck = """
        lectern: 1
        id: keyed
        title: First title
        items:
          - id: one
            type: short
            skill: recall
            prompt: Name the @ concept.
            accept: ["@entry", plain]

        """

    /// Loads `path` through the cache and says whether it was parsed (the cache file replaced).
    static func parsed(
        _ path: String, _ scratch: DeckCacheScratch, cache: DeckCache? = nil, limits: LoadLimits = .default
    )
        -> (parsed: Bool, result: DeckLoadResult)
    {
        let before = scratch.cacheInode(ofDeckAt: path)
        let result = DeckLoader.load(fileAt: path, limits: limits, cache: cache ?? scratch.cache)
        return (scratch.cacheInode(ofDeckAt: path) != before, result)
    }

    @Test func anEditWithTheSameSizeAndMtimeIsSeen() throws {
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let path = try scratch.write(Self.deck, as: "keyed.yaml")
        #expect(Self.parsed(path, scratch).parsed)
        #expect(!Self.parsed(path, scratch).parsed)
        let mtime = DeckCacheCompare.modified(path)
        try scratch.write(Self.deck.replacingOccurrences(of: "First", with: "Other"), as: "keyed.yaml")
        DeckCacheCompare.setModified(path, seconds: mtime.seconds, nanoseconds: mtime.nanoseconds)
        let edited = Self.parsed(path, scratch)
        #expect(edited.parsed)
        #expect(edited.result.deck?.title == "Other title")
    }

    @Test func aChangedMtimeParsesAgain() throws {
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let path = try scratch.write(Self.deck, as: "keyed.yaml")
        #expect(Self.parsed(path, scratch).parsed)
        let mtime = DeckCacheCompare.modified(path)
        DeckCacheCompare.setModified(path, seconds: mtime.seconds, nanoseconds: (mtime.nanoseconds + 1) % 1_000_000_000)
        #expect(Self.parsed(path, scratch).parsed)
        #expect(!Self.parsed(path, scratch).parsed)
    }

    @Test func aChangedVocabularyParsesAgain() throws {
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let path = try scratch.write(Self.deck, as: "keyed.yaml")
        let without = Self.parsed(path, scratch)
        #expect(without.parsed)
        #expect(without.result.diagnostics.contains { $0.message.contains("entry") })
        let vocabulary = """
            lectern-concepts: 1
            concepts:
              entry:
                accept: [barrier to entry, entry barrier]

            """
        try scratch.write(vocabulary, as: "concepts.yaml")
        let with = Self.parsed(path, scratch)
        #expect(with.parsed)
        #expect(try DeckCacheCompare.firstDifference(DeckLoader.load(fileAt: path, cache: nil), with.result) == nil)
        #expect(!Self.parsed(path, scratch).parsed)
        try scratch.write(vocabulary.replacingOccurrences(of: "entry barrier", with: "threshold"), as: "concepts.yaml")
        let changed = Self.parsed(path, scratch)
        #expect(changed.parsed)
        #expect(try DeckCacheCompare.firstDifference(DeckLoader.load(fileAt: path, cache: nil), changed.result) == nil)
    }

    @Test func anotherVersionOrOtherLimitsParseAgain() throws {
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let path = try scratch.write(Self.deck, as: "keyed.yaml")
        #expect(Self.parsed(path, scratch).parsed)
        #expect(!Self.parsed(path, scratch).parsed)
        let other = DeckCache(folder: scratch.cache.folder, version: LecternCoreVersion.string + "-next")
        #expect(Self.parsed(path, scratch, cache: other).parsed)
        #expect(!Self.parsed(path, scratch, cache: other).parsed)
        #expect(Self.parsed(path, scratch).parsed)
        #expect(Self.parsed(path, scratch, limits: LoadLimits(maxDepth: 32)).parsed)
    }

    @Test func theSameFileNamedTwoWaysKeepsEachPathInItsFindings() throws {
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let path = try scratch.write(Self.deck, as: "keyed.yaml")
        let twisted = scratch.decks.path + "/./keyed.yaml"
        _ = DeckLoader.load(fileAt: path, cache: scratch.cache)
        let other = DeckLoader.load(fileAt: twisted, cache: scratch.cache)
        #expect(other.deck?.path == twisted)
        #expect(other.diagnostics.allSatisfy { $0.location.file == twisted })
    }

    @Test func anUnwritableCacheFolderStillLoads() throws {
        let scratch = try DeckCacheScratch()
        defer { scratch.remove() }
        let path = try scratch.write(Self.deck, as: "keyed.yaml")
        // A folder under a plain file can never be created, even by root.
        let blocker = try scratch.write("not a folder", as: "blocker")
        let cache = DeckCache(folder: blocker + "/cache")
        let first = DeckLoader.load(fileAt: path, cache: cache)
        let second = DeckLoader.load(fileAt: path, cache: cache)
        #expect(first.deck?.title == "First title")
        #expect(try DeckCacheCompare.firstDifference(first, second) == nil)
        #expect(!FileManager.default.fileExists(atPath: cache.filePath(forDeckAt: path)))
    }

    @Test func theEnvironmentChoosesTheFolderOrNoCache() {
        #expect(DeckCache.fromEnvironment(["LECTERN_NO_CACHE": "1", "HOME": "/home/x"]) == nil)
        #expect(DeckCache.fromEnvironment(["XDG_CACHE_HOME": "/c", "HOME": "/home/x"])?.folder == "/c/lectern/decks")
        #expect(DeckCache.fromEnvironment(["HOME": "/home/x"])?.folder == "/home/x/.cache/lectern/decks")
    }
}
