import Testing

@testable import LecternCore

/// An ASCII cloze prompt is split byte by byte; it must give the segments Foundation's search
/// and trimming give, for every prompt, since graders and the linter read those segments.
@Suite struct ClozePathsTests {
    @Test(arguments: [
        "", "no blanks", "{{a}}", "x {{a|b}} y", "{{ a | b |}} {{}}", "{{a}", "a}}{{b", "{{{a}}}", "{{a}}}}", "{{|}}",
        "{{\ta\t}}", "{{a}}{{b}}", "{ {a} }", "}}{{",
    ])
    func knownPromptsSplitAsByFoundation(prompt: String) {
        #expect(Cloze(parsing: prompt).segments == Cloze.segments(parsing: prompt))
    }

    @Test(arguments: [UInt64(1), 2, 16])
    func randomASCIIPromptsSplitAsByFoundation(seed: UInt64) {
        let pieces = ["{", "}", "{{", "}}", "|", " ", "\t", "a", "bc", "\n", "x y", "\r\n", "\u{0B}"]
        var random = SplitMix64(seed: seed)
        for _ in 0..<2_000 {
            let prompt = (0..<Int(random.next() % 14)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(Cloze(parsing: prompt).segments == Cloze.segments(parsing: prompt), "\(prompt.debugDescription)")
        }
    }

    @Test func aPromptBeyondASCIITakesFoundationsPath() {
        var prompt = "平台 {{赢家| winner }}"
        #expect(prompt.withUTF8(Cloze.asciiSegments) == nil)
        #expect(Cloze(parsing: prompt).blanks == [["赢家", "winner"]])
    }
}
