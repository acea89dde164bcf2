import Testing

@testable import LecternCore

/// Findings on very long lines: found by fuzzing the loader, where a one-line flow map with a
/// thousand unknown keys took minutes to render (each finding copied and measured the whole
/// line) and would print the line once per finding.
@Suite struct LongLineRenderingTests {
    /// A deck whose only item is one flow map with `count` keys the format does not have.
    static func wideDeck(unknownKeys count: Int) -> String {
        let keys = (0..<count).map { "k\($0): 1" }.joined(separator: ", ")
        return """
            lectern: 1
            id: wide
            title: T
            language: en
            items:
              - {id: a, type: truefalse, skill: recall, prompt: P, answer: true, \(keys)}

            """
    }

    @Test func aLongLineIsShownAsAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 1000) + "X" + String(repeating: "b", count: 1000)
        let finding = Diagnostic.error("unknown-key", at: SourceLocation(file: "t.yaml", line: 1, column: 1001), "m")
        let rendered = DiagnosticRenderer.render(finding, line: line).split(separator: "\n").map(String.init)
        #expect(rendered.count == 3)
        let shown = rendered[1]
        #expect(shown.hasPrefix("…a") && shown.hasSuffix("b…"))
        #expect(shown.unicodeScalars.count == DiagnosticRenderer.excerptLength + 2)
        let caret = rendered[2].count - 1
        #expect(rendered[2].hasSuffix("^"))
        #expect(Array(shown)[caret] == "X", "the caret must stay under the column it names")
    }

    @Test func theWindowStopsAtTheLineEndsAndDropsACarriageReturn() {
        let line = String(repeating: "c", count: 300) + "\r"
        let atStart = DiagnosticRenderer.excerpt(Array(line.unicodeScalars), column: 1)
        #expect(atStart.caret == 0)
        #expect(atStart.text == String(repeating: "c", count: DiagnosticRenderer.excerptLength) + "…")
        let pastEnd = DiagnosticRenderer.excerpt(Array(line.unicodeScalars), column: 9999)
        #expect(pastEnd.text == "…" + String(repeating: "c", count: DiagnosticRenderer.excerptLength))
        #expect(pastEnd.caret == DiagnosticRenderer.excerptLength + 1)
    }

    @Test func manyFindingsOnOneLongLineRenderQuicklyAndShortly() {
        let text = Self.wideDeck(unknownKeys: 2000)
        let result = DeckLoader.load(text: text, path: "wide.yaml")
        let rendered = DiagnosticRenderer.text(result.diagnostics, sources: ["wide.yaml": text])
        #expect(result.diagnostics.filter { $0.rule == "unknown-key" }.count == 2000)
        // Each finding shows a bounded excerpt, not the 20 000-character line.
        let longest = rendered.split(separator: "\n").map(\.unicodeScalars.count).max() ?? 0
        #expect(longest <= DiagnosticRenderer.excerptLength + 2 + 200)
    }
}
