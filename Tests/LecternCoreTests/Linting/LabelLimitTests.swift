import Testing

@testable import LecternCore

/// Entries answered by letter stop at z: a 27th could never be named, so lint refuses it.
@Suite("Entries beyond the letters")
struct LabelLimitTests {
    /// An item of `type` whose `key` lists `count` entries written by `entry`; its `key`
    /// line is line 15 of the deck, column 5 (the item starts at line 10).
    static func item(type: String, key: String, count: Int, entry: (Int) -> String) -> String {
        var lines = [
            "  - id: many", "    type: \(type)", "    skill: recall", "    source: [1]", "    prompt: Which?",
            "    \(key):",
        ]
        lines += (1...count).map(entry)
        lines.append("    explain: Paragraph 1.")
        return LintRuleTests.deck(lines.joined(separator: "\n") + "\n")
    }

    static func match(_ count: Int) -> String {
        item(type: "match", key: "pairs", count: count) { "      - left: L\($0)\n        right: R\($0)" }
    }

    static func options(_ type: String, _ count: Int) -> String {
        item(type: type, key: "options", count: count) {
            "      - text: Option \($0)\n        correct: \($0 == 1)\n        feedback: Not \($0)."
        }
    }

    static func order(_ count: Int) -> String {
        item(type: "order", key: "sequence", count: count) { "      - Entry \($0)" }
    }

    private func findings(_ text: String) -> [String] {
        DeckLoader.load(text: text, path: "t.yaml").diagnostics.map {
            "\($0.location.line):\($0.location.column) \($0.severity) \($0.rule) \($0.message)"
        }
    }

    @Test func aMatchOfTwentySevenPairsIsAnErrorAtItsPairs() {
        #expect(
            findings(Self.match(27)) == [
                "15:5 error too-many-entries match item 'many' has 27 pairs in 'pairs', but answers name them by the letters a–z, so at most 26 can be answered; split it into two items"
            ])
        #expect(findings(Self.match(26)) == [])
    }

    @Test func choiceMultiAndOrderStopAtTwentySixToo() {
        #expect(
            findings(Self.options("choice", 27)) == [
                "15:5 error too-many-entries choice item 'many' has 27 options in 'options', but answers name them by the letters a–z, so at most 26 can be answered; split it into two items"
            ])
        #expect(findings(Self.options("multi", 27)).map { $0.split(separator: " ")[2] } == ["too-many-entries"])
        #expect(
            findings(Self.order(27)) == [
                "15:5 error too-many-entries order item 'many' has 27 entries in 'sequence', but answers name them by the letters a–z, so at most 26 can be answered; split it into two items"
            ])
        for text in [Self.options("choice", 26), Self.options("multi", 26), Self.order(26)] {
            #expect(findings(text) == [])
        }
    }

    /// What lint allows can be answered: the 26th entry of a match is named by z.
    @Test func theTwentySixthEntryCanBeNamed() {
        let parsed = AnswerParser.match(
            (1...26).map { "\($0)\(OptionLabel.letter($0 - 1))" }.joined(separator: " "), leftCount: 26, rightCount: 26)
        #expect((try? parsed.get())?[25] == 25)
    }
}
