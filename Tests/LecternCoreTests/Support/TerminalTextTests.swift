import Testing

@testable import LecternCore

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text, 中文 and émoji 🙂", "plain text, 中文 and émoji 🙂"),
        ("\u{1B}]0;title\u{7}", #"\e]0;title\x07"#),
        ("\u{1B}[2J", #"\e[2J"#),
        ("back\u{8}space\rcr", #"back\x08space\x0dcr"#),
        ("c1 \u{9B}31m and del \u{7F}", #"c1 \x9b31m and del \x7f"#),
        ("\u{202E}txt.exe\u{2066}\u{2069}\u{200F}", #"\u202Etxt.exe\u2066\u2069\u200F"#),
        ("lines\nand\ttabs stay", "lines\nand\ttabs stay"),
    ])
    func safeShowsEveryControlCharacter(text: String, expected: String) {
        #expect(TerminalText.safe(text) == expected)
    }

    @Test func safeLineAlsoShowsLineBreaks() {
        #expect(TerminalText.safeLine("a\nb\tc\u{1B}") == #"a\nb\tc\e"#)
    }

    @Test func safeTextIsAlreadySafe() {
        let once = TerminalText.safe("\u{1B}]52;c;eA==\u{7}\u{9B}\u{202E}")
        #expect(TerminalText.safe(once) == once)
        #expect(TerminalText.guarded(once) == once)
    }

    @Test func theGuardKeepsOurColourAndNothingElse() {
        let ours = "\u{1B}[1;36mheading\u{1B}[0m plain \u{1B}[32mgood\u{1B}[0m\n"
        #expect(TerminalText.guarded(ours) == ours)
        #expect(TerminalText.guarded("\u{1B}[6n\u{1B}[2J\u{1B}]0;t\u{7}") == #"\e[6n\e[2J\e]0;t\x07"#)
        #expect(TerminalText.guarded("\u{1B}[31") == #"\e[31"#, "an unfinished sequence is not ours")
        #expect(TerminalText.guarded("\u{1B}") == #"\e"#)
        #expect(TerminalText.guarded("a,b\r\nc,d\r\n") == "a,b\r\nc,d\r\n", "CSV line ends pass")
        #expect(TerminalText.guarded("over\rwrite") == #"over\x0dwrite"#)
        #expect(TerminalText.guarded("\u{9B}2J\u{202E}") == #"\x9b2J\u202E"#)
    }

    @Test func widthsCountTheVisibleForm() {
        #expect(TerminalWidth.of(TerminalText.safe("a\u{1B}b")) == 4)
    }
}

@Suite struct BoundedTypoDistanceTests {
    @Test func lengthsFarApartAreAMissWithoutComparing() {
        #expect(!TypoDistance.isWithin("platform", "platform and more", typos: 2))
        #expect(TypoDistance.isWithin("platform", "platfrom", typos: 1))
        #expect(TypoDistance.isWithin("threshold", "treshold", typos: 1))
        #expect(!TypoDistance.isWithin("kitten", "sitting", typos: 2))
    }

    @Test func longStringsMatchOnlyWhenEqual() {
        let long = String(repeating: "a", count: TypoDistance.maximumComparedLength + 1)
        #expect(TypoDistance.isWithin(long, long, typos: 2))
        #expect(!TypoDistance.isWithin(long, long.dropLast() + "b", typos: 2))
    }

    /// A pasted answer as long as the shell admits (64 KiB) is graded by the same rules:
    /// lengths far apart are a miss without a letter-by-letter comparison, and strings over
    /// the compared length match only when equal. (How long it takes is the benchmarks' job,
    /// not a unit test's.)
    @Test func aPastedAnswerIsGradedByTheBoundedRules() {
        let key = "the opportunity cost of waiting"
        let pasted = String(repeating: "the opportunity cost of waiting ", count: 2_000)  // about 64 KB
        #expect(!TypoDistance.isWithin(pasted, pasted + "x", typos: 2))
        #expect(!TypoDistance.isWithin(key, pasted, typos: 2))
        #expect(ShortAnswerGrader.matches(pasted, accept: [key], exact: false) == false)
        #expect(ShortAnswerGrader.matches(pasted + "x", accept: [pasted], exact: false) == false)
        #expect(ShortAnswerGrader.matches(pasted, accept: [pasted], exact: false))
    }

    @Test func suggestionsSkipLongWords() {
        #expect(Suggestion.closest(to: "hepl", among: ["help", "decks"]) == "help")
        #expect(Suggestion.closest(to: String(repeating: "h", count: 100_000), among: ["help"]) == nil)
    }
}
