import Foundation
import Testing

/// The cache of parsed decks as a user meets it, with the real binary: the same report from
/// a parse and from the cache, a cache file left behind, and two processes at once.
@Suite("The deck cache, with the real binary")
struct DeckCacheBinaryTests {
    /// A deck with findings: an item without a skill and one whose answer repeats its prompt.
    static let deck = """
        lectern: 1
        id: cached
        title: A cached deck
        items:
          - id: first
            type: short
            prompt: Name the thing.
            accept: [thing]
          - id: first
            type: truefalse
            skill: claim
            prompt: It is so.
            answer: true

        """

    static func setUp() throws -> (home: URL, deck: String, cacheFolder: String) {
        let home = try LecternBinary.makeHome()
        let deck = home.appendingPathComponent("cached.yaml").path
        try Data(Self.deck.utf8).write(to: URL(fileURLWithPath: deck))
        return (home, deck, home.appendingPathComponent(".cache/lectern/decks").path)
    }

    static func cacheFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".deckcache") }
    }

    @Test func lintTwicePrintsTheSameAndLeavesACacheFile() throws {
        let (home, deck, cacheFolder) = try Self.setUp()
        let first = try LecternBinary.run(["lint", deck], home: home)
        #expect(first.status == 1, "\(first.standardError)")
        #expect(first.standardOutput.contains("cached.yaml:"), "\(first.standardOutput)")
        #expect(Self.cacheFiles(cacheFolder).count == 1)
        let second = try LecternBinary.run(["lint", deck], home: home)
        #expect(second.status == first.status)
        #expect(second.standardOutput == first.standardOutput)
        #expect(second.standardError == first.standardError)
    }

    @Test func noCacheIsWrittenWhenTurnedOff() throws {
        let (home, deck, cacheFolder) = try Self.setUp()
        let run = try LecternBinary.run(["lint", deck], home: home, extraEnvironment: ["LECTERN_NO_CACHE": "1"])
        #expect(run.standardOutput.contains("cached.yaml:"), "\(run.standardOutput)")
        #expect(Self.cacheFiles(cacheFolder).isEmpty)
    }

    @Test func twoProcessesAtOnceBothSucceedAndLeaveAValidCache() throws {
        let (home, _, cacheFolder) = try Self.setUp()
        // A larger deck, so the two processes overlap while they parse and write.
        var text = "lectern: 1\nid: big\ntitle: Big\nitems:\n"
        for index in 0..<3_000 {
            text +=
                "  - id: item-\(index)\n    type: truefalse\n    skill: claim\n    prompt: Claim \(index).\n    answer: true\n"
        }
        let deck = home.appendingPathComponent("big.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: deck))
        let expected = try LecternBinary.run(["lint", deck], home: home, extraEnvironment: ["LECTERN_NO_CACHE": "1"])
        for _ in 0..<3 {
            try? FileManager.default.removeItem(atPath: cacheFolder)
            let outputs = try (0..<2).map { _ in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: LecternBinary.path)
                process.arguments = ["lint", deck]
                process.environment = LecternBinary.environment(home: home)
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = FileHandle.nullDevice
                try process.run()
                return (process, pipe)
            }.map { process, pipe in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return (process.terminationStatus, String(decoding: data, as: UTF8.self))
            }
            for (status, output) in outputs {
                #expect(status == expected.status)
                #expect(output == expected.standardOutput)
            }
            let files = Self.cacheFiles(cacheFolder)
            #expect(files.count == 1)
            let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? []).filter {
                $0.hasSuffix(".tmp")
            }
            #expect(leftovers.isEmpty)
            // The file left is whole: a third run reads it and does not write it again.
            let file = (cacheFolder as NSString).appendingPathComponent(files.first ?? "")
            let before = try FileManager.default.attributesOfItem(atPath: file)[.systemFileNumber] as? Int
            let third = try LecternBinary.run(["lint", deck], home: home)
            #expect(third.standardOutput == expected.standardOutput)
            let after = try FileManager.default.attributesOfItem(atPath: file)[.systemFileNumber] as? Int
            #expect(before != nil && before == after)
        }
    }
}
