import Testing

@testable import LecternCore
import Foundation

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
        #expect(question.kind == .short([WeightedAnswer(text), WeightedAnswer("x")]))
    }

    /// A nearly right option's partial credit: graded, exported as a GIFT weight, read back.
    @Test func partialCreditIsGradedAndTravelsThroughGIFT() throws {
        let text = """
            lectern: 1
            id: partial
            title: Partial
            source:
              title: T
              passages:
                1: P.
            items:
              - id: nearly
                type: choice
                skill: recall
                source: [1]
                prompt: Pick one.
                explain: A is right; B nearly.
                options:
                  - text: A
                    correct: true
                  - text: B
                    feedback: Nearly.
                    credit: 33.33333
                  - text: C
                    feedback: No.

            """
        let deck = try #require(DeckLoader.load(text: text, path: "partial.yaml").usableDeck)
        let options = deck.items[0].options
        #expect(StructuredGraders.choice(picked: 1, options: options).outcome == .partial)
        #expect(abs(StructuredGraders.choice(picked: 1, options: options).score - 0.3333333) < 1e-6)
        #expect(StructuredGraders.choice(picked: 2, options: options) == .wrong)
        let gift = GIFTWriter.write(deck)
        #expect(gift.text.contains("~%33.33333%B#Nearly."))
        let read = GIFTReader.read(gift.text, path: "partial.gift")
        #expect(read.diagnostics.isEmpty)
        let written = GIFTDeckWriter.deck(
            read.questions, header: .init(id: "partial", title: "P", sourceTitle: "GIFT", path: "partial.gift"))
        let back = try #require(DeckLoader.load(text: written.text, path: "partial.yaml").usableDeck)
        #expect(back.items[0].options.map(\.credit) == [nil, 33.33333, nil])
        // A share Moodle's list lacks cannot be written: the item is left out, named.
        let odd = try #require(
            DeckLoader.load(text: text.replacingOccurrences(of: "33.33333", with: "42"), path: "partial.yaml")
                .usableDeck)
        #expect(GIFTWriter.write(odd).diagnostics.contains { $0.message.contains("gives 42% credit") })
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
