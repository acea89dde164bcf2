import Testing

@testable import LecternCore

/// What the round trip needs from the reader and the writer: Moodle's multiple-answer form,
/// ids and tags in comment lines, and text that can never be read back as GIFT syntax.
@Suite struct GIFTExchangeTests {
    @Test func withoutAnEqualsSignPositiveWeightsAreSeveralRightOptions() throws {
        let text = "// [id:pick-two] [tag:a] [tag:b c]\n::Two::Pick two.{~%50%A ~%50%B ~%-50%C#No.}\n"
        let result = GIFTReader.read(text, path: "m.gift")
        #expect(result.diagnostics.isEmpty)
        let question = try #require(result.questions.first)
        #expect(question.id == "pick-two")
        #expect(question.tags == ["a", "b c"])
        #expect(
            question.kind
                == .multi([
                    .init(text: "A", correct: true, feedback: nil), .init(text: "B", correct: true, feedback: nil),
                    .init(text: "C", correct: false, feedback: "No."),
                ]))
        // Unequal shares of credit are a grading our multi items do not have: named, not dropped.
        let unequal = GIFTReader.read("Pick.{~%70%A ~%30%B ~C}\n", path: "u.gift")
        #expect(unequal.diagnostics.map(\.rule) == ["gift-not-kept", "gift-not-kept"])
        // A wrong pick costing all the credit (or none) is graded otherwise in a deck: named too.
        let harsh = GIFTReader.read("Pick.{~%50%A ~%50%B ~%-100%C}\n", path: "h.gift")
        #expect(
            harsh.diagnostics.map(\.message) == [
                "the weights of the wrong options (-100%) cannot be kept: a multi item takes 50% away for each wrong pick"
            ])
        // Moodle reads any '~' as a multiple choice, even when an option holds '->'.
        let arrow = GIFTReader.read("Which?{=a -> b ~c}\n", path: "a.gift")
        #expect(
            arrow.questions.first?.kind
                == .choice([
                    .init(text: "a -> b", correct: true, feedback: nil),
                    .init(text: "c", correct: false, feedback: nil),
                ]))
    }

    @Test(arguments: [
        ("a~b=c#d{e}f:g\\h", ##"a\~b\=c\#d\{e\}f\:g\\h"##), ("two\nlines", #"two\nlines"#),
        ("// not a comment", "// not a comment"),
    ])
    func textIsEscapedSoItReadsBackTheSame(text: String, escaped: String) throws {
        #expect(GIFTWriter.escaped(text) == escaped)
        let read = GIFTReader.read(
            "::t::" + GIFTWriter.escaped(text) + " {=" + GIFTWriter.escaped(text) + " =x}\n", path: "e.gift")
        let question = try #require(read.questions.first)
        #expect(question.prompt == text)
        #expect(question.kind == .short([.init(text: text, feedback: nil), .init(text: "x", feedback: nil)]))
    }

    /// Moodle's importer refuses grades outside its list; a share it lacks leaves the item out, named.
    @Test func aMultiWhoseShareMoodleLacksIsLeftOutWithAWarning() throws {
        let options = (1...11).map { "      - text: \"o\($0)\"\n        correct: true\n" }.joined()
        let text = """
            lectern: 1
            id: eleven
            title: Eleven
            source:
              title: T
              passages:
                1: P.
            items:
              - id: all-right
                type: multi
                skill: recall
                source: [1]
                prompt: Pick all.
                explain: All of them.
                options:
            \(options)      - text: "wrong"
                    feedback: No.

            """
        let deck = try #require(DeckLoader.load(text: text, path: "eleven.yaml").usableDeck)
        let written = GIFTWriter.write(deck)
        #expect(
            written.diagnostics.filter { $0.severity == .warning }.map(\.message) == [
                "multi item 'all-right' has 11 right options, and Moodle has no grade that shares credit 11 ways; left out"
            ])
        #expect(!written.text.contains("all-right"))
    }
}
