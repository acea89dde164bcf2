import Foundation
import Testing

@testable import LecternCore

/// Input meant to hurt (or just broken) is refused with one clear finding, quickly.
@Suite struct HostileInputTests {
    static let valid = LintRuleTests.deck(LintRuleTests.goodItem)

    private func findings(_ result: DeckLoadResult) -> [String] {
        result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.rule) \($0.message)" }
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appending(path: "lectern-loader-\(UUID().uuidString).yaml")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func aliasBombIsRefusedAtItsAnchorAndAlias() {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            let previous = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let result = DeckLoader.load(text: lines.joined(separator: "\n") + "\n", path: "t.yaml")
        #expect(result.deck == nil)
        #expect(
            findings(result) == [
                "1:4 error yaml-alias YAML anchors and aliases (&a, *a) are not allowed in decks; write the value out in full",
                "2:8 error yaml-alias alias '*a' repeats an anchored value; write the value out in full",
            ])
    }

    @Test func aliasBombUsedAsAKeyIsRefusedBeforeParsing() {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...12 {
            let previous = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]")
        }
        lines.append("? *m\n: boom")
        let result = DeckLoader.load(text: lines.joined(separator: "\n") + "\n", path: "t.yaml")
        #expect(
            result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule)" } == [
                "1:4 yaml-alias", "2:8 yaml-alias",
            ])
    }

    @Test func proseWithAmpersandsAndAsterisksIsNotMistakenForAliases() {
        let text = Self.valid.replacingOccurrences(
            of: "prompt: Is it so?", with: "prompt: R&D & *emphasis* and &note, then *note* again")
        #expect(DeckLoader.load(text: text, path: "t.yaml").diagnostics == [])
    }

    @Test func hugeUnknownKeyIsReportedShortAndFast() {
        let key = String(repeating: "k", count: 1_000)  // libyaml refuses plain keys over 1024 characters
        let result = DeckLoader.load(text: Self.valid + "\(key): 1\n", path: "t.yaml")
        #expect(result.diagnostics.map(\.rule) == ["unknown-key"])
        #expect((result.diagnostics.first?.message.count ?? .max) < 200)
    }

    @Test func controlCharactersAreASyntaxErrorNotACrash() {
        let result = DeckLoader.load(text: "lectern: 1\nid: t\u{1}x\n", path: "t.yaml")
        #expect(result.deck == nil)
        #expect(result.diagnostics.map(\.rule) == ["yaml-syntax"])
        #expect(result.diagnostics.first?.location.line == 2)
    }

    @Test func undefinedAliasIsRefused() {
        let result = DeckLoader.load(text: "lectern: 1\nid: *nothing\n", path: "t.yaml")
        #expect(
            findings(result) == [
                "2:5 error yaml-alias YAML aliases (*name) are not allowed in decks; write the value out in full"
            ])
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let depth = 100
        let text = "items: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let result = DeckLoader.load(text: text, path: "t.yaml")
        // The root map is level 1 and the first bracket (column 8) level 2, so the 64th bracket is level 65.
        #expect(
            findings(result) == [
                "1:71 error too-deep nesting is deeper than 64 levels; a deck needs only a few, so flatten this part"
            ])
    }

    @Test(arguments: [
        String(repeating: "[", count: 100_000),
        String(repeating: "- ", count: 50_000) + "x\n",
        String(repeating: "{a: ", count: 50_000),
    ])
    func absurdNestingNeverOverflowsTheStack(_ text: String) {
        let result = DeckLoader.load(text: text, path: "t.yaml")
        #expect(result.deck == nil)
        #expect(result.diagnostics.map(\.rule) == ["too-deep"])
    }

    @Test func denseFileIsRefusedBeforeParsingAndTheLimitCanBeRaised() {
        let text = "a: [" + String(repeating: "a,", count: 4_000_000) + "a]\n"
        let result = DeckLoader.load(text: text, path: "t.yaml")
        #expect(
            findings(result) == [
                "1:2000002 error too-many-nodes the file holds more than 1000000 lines and list or map entries; a deck needs far fewer, so split it"
            ])
        let small = LoadLimits(maxNodes: 10)
        #expect(
            DeckLoader.load(text: Self.valid, path: "t.yaml", limits: small).diagnostics.map(\.rule) == [
                "too-many-nodes"
            ])
        #expect(DeckLoader.load(text: Self.valid, path: "t.yaml", limits: LoadLimits(maxNodes: 100)).diagnostics == [])
    }

    @Test func fileOverTheSizeLimitIsRefusedUnreadAndTheLimitCanBeRaised() throws {
        let bytes = Array(Self.valid.utf8) + Array(repeating: UInt8(ascii: "#"), count: 200) + [10]
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let small = LoadLimits(maxBytes: 100)
        let refused = DeckLoader.load(fileAt: path, limits: small)
        #expect(refused.deck == nil)
        #expect(
            findings(refused) == [
                "1:1 error file-too-large the file is \(bytes.count) bytes, over the limit of 100; split the deck, or raise the limit if it is really one deck"
            ])
        #expect(
            DeckLoader.load(text: Self.valid, path: "t.yaml", limits: small).diagnostics.map(\.rule) == [
                "file-too-large"
            ])
        let raised = DeckLoader.load(fileAt: path, limits: LoadLimits(maxBytes: 1_000_000))
        #expect(raised.diagnostics.map(\.rule) == ["id-not-filename"])
    }

    @Test func defaultLimitIsEightMebibytes() throws {
        #expect(LoadLimits.default.maxBytes == 8 * 1024 * 1024)
        let path = try temporaryFile(Array(repeating: UInt8(ascii: "#"), count: 8 * 1024 * 1024 + 1))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(DeckLoader.load(fileAt: path).diagnostics.map(\.rule) == ["file-too-large"])
    }

    @Test func bytesThatAreNotUTF8AreReportedAtTheirLineAndColumn() throws {
        let bytes = Array("lectern: 1\nid: t\ntitle: café ".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = DeckLoader.load(fileAt: path)
        #expect(result.deck == nil)
        #expect(
            findings(result) == [
                "3:13 error not-utf8 the file is not valid UTF-8 here (byte 0xC3); save it as UTF-8"
            ])
    }

    @Test func byteOrderMarkIsAcceptedWithAWarning() throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array(Self.valid.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = DeckLoader.load(text: "\u{FEFF}" + Self.valid, path: "t.yaml")
        #expect(result.usableDeck?.id == "t")
        #expect(
            findings(result) == [
                "1:1 warning bom the file starts with a byte-order mark (BOM); it was ignored, but save the file as UTF-8 without BOM"
            ])
        #expect(DeckLoader.load(fileAt: path).diagnostics.map(\.rule).contains("bom"))
    }

    @Test func tabsInIndentationAreReportedAtEachLine() {
        let text = Self.valid.replacingOccurrences(of: "    type: truefalse", with: "\ttype: truefalse")
            .replacingOccurrences(of: "    answer: true", with: "  \t  answer: true")
        #expect(
            findings(DeckLoader.load(text: text, path: "t.yaml")) == [
                "11:1 error tab-indent tab in indentation; YAML indents with spaces only, so replace the tab with spaces",
                "15:3 error tab-indent tab in indentation; YAML indents with spaces only, so replace the tab with spaces",
            ])
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n"])
    func emptyFileIsReported(_ text: String) {
        #expect(
            findings(DeckLoader.load(text: text, path: "t.yaml")) == [
                "1:1 error empty-file the file is empty; a deck needs lectern, id, title, source and items (`lectern new` writes a starter)"
            ])
    }

    @Test(arguments: [
        (
            "- a\n- b\n",
            "1:1 error wrong-type expected a map of deck fields (lectern, id, title, source, items), got a list"
        ),
        (
            "just words\n",
            "1:1 error wrong-type expected a map of deck fields (lectern, id, title, source, items), got 'just words'"
        ),
    ])
    func documentThatIsNotAMapIsReported(_ text: String, _ expected: String) {
        let result = DeckLoader.load(text: text, path: "t.yaml")
        #expect(result.deck == nil)
        #expect(findings(result) == [expected])
    }

    @Test func secondDocumentIsRefused() {
        let text = Self.valid + "---\nlectern: 1\n"
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(
            findings(DeckLoader.load(text: text, path: "t.yaml")) == [
                "\(line):1 error multiple-documents the file holds more than one YAML document; a deck is one document, so remove the '---' line"
            ])
    }

    @Test func explicitTagIsRefused() {
        let text = Self.valid.replacingOccurrences(of: "lectern: 1", with: "lectern: !!int 1")
        #expect(
            findings(DeckLoader.load(text: text, path: "t.yaml")) == [
                "1:10 error yaml-tag explicit YAML tags such as 'tag:yaml.org,2002:int' are not used in decks; remove the tag and quote the value if it must stay text"
            ])
    }

    @Test func missingFileIsReportedNotThrown() {
        let result = DeckLoader.load(fileAt: "/nonexistent/lectern/deck.yaml")
        #expect(result.diagnostics.map(\.rule) == ["unreadable"])
    }
}
