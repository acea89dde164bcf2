import Testing

@testable import LecternCore

/// A finding's caret sits on the value at fault: the `next` that names no step, the quote
/// that opens a string never closed, the `file:` that leaves the deck's folder.
@Suite("Carets on the value at fault")
struct CaretPlacementTests {
    private func rendered(_ text: String) -> String {
        let result = DeckLoader.load(text: text, path: "t.yaml")
        return DiagnosticRenderer.text(result.diagnostics) { _ in text }
    }

    @Test func anOptionsNextThatNamesNoStepIsReportedAtTheName() {
        let text = LintRuleTests.deck(
            """
              - id: w
                type: walkthrough
                skill: apply
                source: [1]
                scenario: A shop opens.
                prompt: Think it through.
                explain: Paragraph 1.
                steps:
                  - id: ask
                    type: choice
                    prompt: Busy?
                    options:
                      - text: Yes
                        correct: true
                        next: nowhere
                      - text: No
                        feedback: Look again.
                      - text: Maybe
                        feedback: Decide.
                  - id: done
                    type: truefalse
                    prompt: Done?
                    answer: true

            """)
        #expect(
            rendered(text) == """
                t.yaml:24:19: error: next: 'nowhere' names no step of walkthrough 'w'; steps are: ask, done [next-unknown]
                            next: nowhere
                                  ^
                """)
    }

    @Test func anUnclosedDoubleQuotedStringIsReportedAtItsOpeningQuote() {
        let text = "lectern: 1\nid: t\ntitle: \"A title never closed\nsource:\n  title: x\n"
        #expect(
            rendered(text) == """
                t.yaml:3:8: error: the string that starts here is never closed; end it with the same quote it opens with [yaml-syntax]
                title: "A title never closed
                       ^
                """)
    }

    @Test func anUnclosedSingleQuotedStringInsideAListIsReportedAtItsOpeningQuote() {
        let text = LintRuleTests.deck("  - id: q\n    type: truefalse\n    prompt: 'Is it open\n    answer: true\n")
        #expect(
            rendered(text) == """
                t.yaml:12:13: error: the string that starts here is never closed; end it with the same quote it opens with [yaml-syntax]
                    prompt: 'Is it open
                            ^
                """)
    }

    @Test func theOpeningQuoteIsFoundFromTheLineWhenTheMarkIsBeforeIt() {
        let mark = YAMLComposer.openingQuote(line: 2, column: 1, in: "a: 1\nb:   \"x\n", path: "t.yaml")
        #expect(mark == SourceLocation(file: "t.yaml", line: 2, column: 6))
        #expect(YAMLComposer.openingQuote(line: 9, column: 1, in: "a: 1\n", path: "t.yaml") == nil)
    }
}
