import Foundation
import Testing

/// `deck-stats` prints coverage and exits 0; it judges only against targets it is given.
@Suite("deck-stats")
struct DeckStatsTests {
    static let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/decks"
    ).path

    private func targets(_ text: String, in home: URL, name: String = "targets.yaml") throws -> String {
        let path = home.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func withoutTargetsItPrintsTheFiguresAndExitsZero() throws {
        let home = try LecternBinary.makeHome()
        let result = try LecternBinary.run(["deck-stats", Self.tiny], home: home)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("figure ") == true && lines.first?.hasSuffix(" value") == true)
        #expect(lines.contains { $0.hasPrefix("decks ") && $0.hasSuffix(" 1") })
        #expect(!result.standardOutput.contains("BELOW"))
        #expect(!result.standardOutput.contains("≥"))
    }

    @Test func aTargetsFileJudgesAndExitsOneBelowAnyFigure() throws {
        let home = try LecternBinary.makeHome()
        let high = try targets("# what these decks must reach\nitems: 1000\nper-type: 0\n", in: home)
        let below = try LecternBinary.run(["deck-stats", Self.tiny, "--targets", high], home: home)
        #expect(below.status == 1)
        #expect(below.standardOutput.contains("  ≥ 1000  BELOW"))
        let met = try targets(#"{"items": 2, "paragraphs": [1, 2], "reasoning-share": 0}"#, in: home, name: "t.json")
        let passed = try LecternBinary.run(["deck-stats", Self.tiny, "--targets", met], home: home)
        #expect(passed.status == 0, "\(passed.standardOutput)\(passed.standardError)")
        #expect(passed.standardOutput.contains("source ¶2"))
        #expect(!passed.standardOutput.contains("BELOW"))
    }

    @Test func bundledTargetsJudgeTheBundledDecksAndFailSmallOnes() throws {
        let home = try LecternBinary.makeHome()
        let bundled = try LecternBinary.run(
            ["deck-stats", LecternBinary.bundledDecks, "--targets", "bundled"], home: home)
        #expect(bundled.status == 0, "\(bundled.standardOutput)")
        let small = try LecternBinary.run(["deck-stats", Self.tiny, "--targets", "bundled"], home: home)
        #expect(small.status == 1)
        #expect(
            small.standardOutput.split(separator: "\n").contains {
                $0.hasPrefix("decks ") && $0.hasSuffix(" 1  ≥ 7  BELOW")
            })
    }

    @Test func aBadTargetsFileIsRefusedWithWhereAndWhy() throws {
        let home = try LecternBinary.makeHome()
        let unknown = try targets("items: 10\nitemz: 5\n", in: home)
        let result = try LecternBinary.run(["deck-stats", Self.tiny, "--targets", unknown], home: home)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(unknown):2:1: unknown figure 'itemz'; the figures are: "))
        let negative = try targets("items: -3\n", in: home, name: "n.yaml")
        let refused = try LecternBinary.run(["deck-stats", Self.tiny, "--targets", negative], home: home)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("\(negative):1:1: 'items' needs a whole number from 0 to 100000"))
        let fifo = home.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = try LecternBinary.run(["deck-stats", Self.tiny, "--targets", fifo], home: home)
        #expect(piped.status == 1)
        #expect(piped.standardError.contains("is a FIFO (named pipe), not a regular file"))
    }
}
