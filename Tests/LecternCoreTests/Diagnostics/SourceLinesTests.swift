import Testing

@testable import LecternCore

/// `SourceLines` cuts a text where splitting it by `Character` would, for every kind of line
/// end, so the renderer shows the line a finding's line number names.
@Suite struct SourceLinesTests {
    static func byCharacter(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    static func lines(_ text: String) -> [Substring] {
        let lines = SourceLines(text)
        var found: [Substring] = []
        var number = 1
        while let line = lines.line(number) {
            found.append(line)
            number += 1
        }
        return found
    }

    @Test(arguments: [
        "", "one", "one\n", "\n\n", "a\r\nb", "a\rb\r", "a\u{0B}b\u{0C}c", "a\u{85}b", "a\u{2028}b\u{2029}c",
        "中文\n平台\r\n", "\r\r\n\n", "é\u{301}\nx", "tab\there\n  - id: x",
    ])
    func linesAreThoseOfACharacterSplit(text: String) {
        #expect(Self.lines(text) == Self.byCharacter(text))
    }

    @Test func randomTextsOfLineEndsAndLettersSplitAsByCharacter() {
        let pieces = [
            "a", "é", "中", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", " ", "\u{301}",
        ]
        var random = SplitMix64(seed: 16)
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(Self.lines(text) == Self.byCharacter(text), "\(text.debugDescription)")
        }
    }

    @Test func lineNumbersOutsideTheTextHaveNoLine() {
        let lines = SourceLines("a\nb")
        #expect(lines.line(0) == nil)
        #expect(lines.line(3) == nil)
        #expect(lines.line(2) == "b")
    }
}
