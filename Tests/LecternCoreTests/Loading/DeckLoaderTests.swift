import Testing

@testable import LecternCore
import Foundation

/// The model carries where everything was written, so any later finding can point at it.
@Suite struct DeckLoaderTests {
    static let text = """
        # yaml-language-server: $schema=schema/deck.schema.json
        lectern: 1
        id: where
        title: "Locations: 中文 too"
        tags: [T1, T2]
        source:
          title: Essay
          passages:
            4: Paragraph four.
        items:
          - id: w
            type: walkthrough
            skill: apply
            source: [4]
            scenario: A case.
            prompt: Go.
            explain: Because of paragraph 4.
            steps:
              - id: one
                type: choice
                prompt: 选哪个？
                options:
                  - text: 甲
                    correct: true
                    next: two
                  - text: 乙
                    feedback: Not 乙.
                  - text: 丙
                    feedback: Not 丙.
              - id: two
                type: numeric
                prompt: How many?
                range: [1, 3]
                unit: shops
        """

    @Test func deckItemsOptionsAndStepsCarryTheirLocations() throws {
        let result = DeckLoader.load(text: Self.text, path: "Decks/where.yaml")
        #expect(result.diagnostics == [])
        let deck = try #require(result.deck)
        #expect(deck.location == SourceLocation(file: "Decks/where.yaml", line: 2, column: 1))
        #expect(deck.location(of: "items") == SourceLocation(file: "Decks/where.yaml", line: 10, column: 1))
        #expect(deck.title == "Locations: 中文 too")
        #expect(deck.tags == ["T1", "T2"])
        #expect(deck.language == "en")
        #expect(
            deck.source?.passages == [
                Passage(
                    number: 4, summary: "Paragraph four.",
                    location: SourceLocation(file: "Decks/where.yaml", line: 9, column: 5))
            ])
        let item = try #require(deck.item(withID: "w"))
        #expect(item.location == SourceLocation(file: "Decks/where.yaml", line: 11, column: 5))
        #expect(item.location(of: "steps").line == 18)
        #expect(
            item.fieldLocations.keys.sorted() == [
                "explain", "id", "prompt", "scenario", "skill", "source", "steps", "type",
            ])
        guard case .walkthrough(let walkthrough) = item.body else {
            Issue.record("not a walkthrough")
            return
        }
        let first = walkthrough.steps[0]
        #expect(first.location == SourceLocation(file: "Decks/where.yaml", line: 19, column: 9))
        #expect(first.skill == nil)
        #expect(first.options.map(\.location.line) == [23, 26, 28])
        #expect(first.options[0].location.column == 13)
        #expect(first.prompt == "选哪个？")
        guard case .numeric(let key) = walkthrough.steps[1].body else {
            Issue.record("not numeric")
            return
        }
        #expect(key == NumericAnswerKey(target: .range(1, 3), unit: "shops"))
    }

    @Test func columnsAfterWideCharactersCountCharactersNotBytes() {
        let text = Self.text.replacingOccurrences(of: "tags: [T1, T2]", with: "tags: [中文, {a: 1}]")
        #expect(
            DeckLoader.load(text: text, path: "where.yaml").diagnostics == [
                .error(
                    "wrong-type", at: SourceLocation(file: "where.yaml", line: 5, column: 12),
                    "expected text for 'tags', got a map")
            ])
    }

    @Test func windowsLineEndingsLoadAndRenderLikeUnixOnes() {
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "tags: [T1, T2]", with: "tags: [中文, {a: 1}]")
        let result = DeckLoader.load(text: crlf, path: "Decks/where.yaml")
        #expect(
            DiagnosticRenderer.text(result.diagnostics) { _ in result.text } == """
                Decks/where.yaml:5:12: error: expected text for 'tags', got a map [wrong-type]
                tags: [中文, {a: 1}]
                             ^
                """)
        let tabbed = crlf.replacingOccurrences(of: "  title: Essay", with: "\ttitle: Essay")
        #expect(DeckLoader.load(text: tabbed, path: "Decks/where.yaml").diagnostics.map(\.location.line) == [7])
    }

    @Test func resultKeepsTheTextForRendering() throws {
        #expect(DeckLoader.load(text: Self.text, path: "Decks/where.yaml").text == Self.text)
        #expect(DeckLoader.load(text: Self.text, path: "x.yaml", limits: LoadLimits(maxBytes: 10)).text == nil)
    }

    @Test func deckIsBuiltEvenWhenLintFindsErrors() {
        let text = Self.text.replacingOccurrences(of: "source: [4]", with: "source: [5]")
        let result = DeckLoader.load(text: text, path: "Decks/where.yaml")
        #expect(result.hasErrors)
        #expect(result.deck?.id == "where")
        #expect(result.usableDeck == nil)
    }

    @Test func findingsComeSortedByLocation() {
        let text = Self.text.replacingOccurrences(of: "source: [4]", with: "source: [5]")
            .replacingOccurrences(of: "title: Essay", with: "title: Essay\n  fiel: x.txt")
        let lines = DeckLoader.load(text: text, path: "Decks/where.yaml").diagnostics.map(\.location.line)
        #expect(lines == lines.sorted())
        #expect(lines.count == 2)
    }
}

/// Block scalars (`>` and `|`) end in a newline that no deck text wants: feedback and
/// explanations would print a blank line after them.
@Suite struct BlockScalarTests {
    @Test func foldedAndLiteralTextLoseTheirFinalNewline() throws {
        let text = """
            lectern: 1
            id: blocks
            title: Blocks
            source:
              title: Notes
              passages:
                1: One.
            items:
              - id: folded
                type: choice
                skill: recall
                source: [1]
                prompt: >
                  Which one?
                options:
                  - text: Right
                    correct: true
                  - text: Wrong
                    feedback: >
                      Folded feedback
                      on two lines.
                  - text: Other
                    feedback: |
                      Literal feedback.
                explain: |
                  Line one.
                  Line two.
            """
        let result = DeckLoader.load(text: text, path: "blocks.yaml")
        let item = try #require(result.deck?.items.first)
        #expect(item.prompt == "Which one?")
        #expect(item.options.map(\.feedback) == [nil, "Folded feedback on two lines.", "Literal feedback."])
        #expect(item.explain == "Line one.\nLine two.")
    }
}
