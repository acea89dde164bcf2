import Testing

@testable import LecternCore

/// A small map of text keys is checked for repeats by comparing keys; a large map or one with
/// a collection as a key by identity strings. Both must name the same keys at the same place.
@Suite struct DuplicateKeyPathsTests {
    /// A map of `count` keys `k0…` in which the keys at `repeats` are written again at the end.
    static func map(count: Int, repeats: [Int], quoted: Bool = false) -> String {
        var lines = (0..<count).map { "k\($0): v" }
        lines += repeats.map { quoted ? "\"k\($0)\": again" : "k\($0): again" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func finding(_ text: String) -> Diagnostic? {
        YAMLComposer.compose(text, path: "m.yaml", limits: .default).diagnostics.first
    }

    @Test(arguments: [[0], [3, 1], [2, 2], [5, 0, 5]])
    func smallAndLargeMapsReportTheSameRepeat(repeats: [Int]) throws {
        // 10 + repeats keys takes the comparing path; 40 + repeats the identity path. The
        // repeated keys and where the first is written are the same in both.
        let small = try #require(Self.finding(Self.map(count: 10, repeats: repeats)))
        let large = try #require(Self.finding(Self.map(count: 40, repeats: repeats)))
        #expect(small.rule == "duplicate-key")
        #expect(small.message == large.message)
        #expect(small.location == large.location)
    }

    @Test func aQuotedKeyRepeatsAPlainOne() throws {
        let finding = try #require(Self.finding(Self.map(count: 4, repeats: [2], quoted: true)))
        #expect(finding.message == "key 'k2' appears more than once in the same map; keep one")
        #expect(finding.location.line == 3)
    }

    @Test func distinctKeysAreNotRepeats() {
        #expect(Self.finding(Self.map(count: 12, repeats: [])) == nil)
        #expect(Self.finding("a: 1\nA: 2\n\"a \": 3\n") == nil)
    }
}
