import Testing

@testable import LecternCore

/// What `lectern lint` prints, exactly: header, source line, caret; colour; JSON; summary.
@Suite struct DiagnosticRendererTests {
    static let choiceDeck = LintRuleTests.deck(breaking: "choice-one-correct")

    @Test func textShowsTheHeaderTheLineAndACaret() {
        let result = DeckLoader.load(text: Self.choiceDeck, path: "t.yaml")
        #expect(
            DiagnosticRenderer.text(result.diagnostics, sources: ["t.yaml": Self.choiceDeck]) == """
                t.yaml:10:5: error: choice item 'why-low' has 2 correct options; mark exactly one [choice-one-correct]
                  - id: why-low
                    ^
                """)
    }

    @Test func caretCountsChineseCharactersAsTwoColumns() {
        let text = DeckLoaderTests.text.replacingOccurrences(of: "tags: [T1, T2]", with: "tags: [中文, {a: 1}]")
        let result = DeckLoader.load(text: text, path: "Decks/where.yaml")
        #expect(
            DiagnosticRenderer.text(result.diagnostics) { $0 == "Decks/where.yaml" ? text : nil } == """
                Decks/where.yaml:5:12: error: expected text for 'tags', got a map [wrong-type]
                tags: [中文, {a: 1}]
                             ^
                """)
    }

    @Test func caretLinesUpAfterMixedWideAndNarrowText() {
        let finding = Diagnostic.warning(
            "missing-explain", at: SourceLocation(file: "x.yaml", line: 1, column: 10), "say why")
        #expect(
            DiagnosticRenderer.render(finding, line: "  - 选哪个？ x: 1") == """
                x.yaml:1:10: warning: say why [missing-explain]
                  - 选哪个？ x: 1
                             ^
                """)
    }

    @Test func tabsAreShownAsSingleSpacesSoTheCaretStaysPut() {
        let finding = Diagnostic.error("tab-indent", at: SourceLocation(file: "x.yaml", line: 1, column: 3), "tab")
        #expect(
            DiagnosticRenderer.render(finding, line: "  \t- id: a\r") == """
                x.yaml:1:3: error: tab [tab-indent]
                   - id: a
                  ^
                """)
    }

    @Test func withoutTheSourceOnlyTheHeaderIsShown() {
        let finding = Diagnostic.error("empty-file", at: SourceLocation(file: "gone.yaml", line: 1, column: 1), "empty")
        #expect(DiagnosticRenderer.text([finding]) { _ in nil } == "gone.yaml:1:1: error: empty [empty-file]")
        #expect(DiagnosticRenderer.text([]) { _ in nil } == "")
    }

    @Test func colourMarksSeverityAndCaret() {
        let finding = Diagnostic.error(
            "choice-one-correct", at: SourceLocation(file: "t.yaml", line: 10, column: 5), "mark one")
        let warning = Diagnostic.warning("bom", at: SourceLocation(file: "t.yaml", line: 1, column: 1), "no BOM")
        #expect(
            DiagnosticRenderer.render(finding, line: "  - id: a", color: true)
                == "\u{1B}[1mt.yaml:10:5:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mmark one\u{1B}[0m [choice-one-correct]\n  - id: a\n    \u{1B}[32m^\u{1B}[0m"
        )
        #expect(
            DiagnosticRenderer.render(warning, line: nil, color: true)
                == "\u{1B}[1mt.yaml:1:1:\u{1B}[0m \u{1B}[1;33mwarning:\u{1B}[0m \u{1B}[1mno BOM\u{1B}[0m [bom]")
    }

    @Test func jsonHasStableKeysAndEscapes() {
        let findings = [
            Diagnostic.error(
                "choice-one-correct", at: SourceLocation(file: "Decks/x.yaml", line: 12, column: 5),
                "choice item 'why-low' has 2 correct options; mark exactly one"),
            Diagnostic.warning(
                "unknown-key", at: SourceLocation(file: "Decks/中.yaml", line: 3, column: 1),
                "say \"hi\"\\\n\tthen\u{1}"),
        ]
        #expect(
            DiagnosticRenderer.json(findings) == """
                [
                  {"file":"Decks/x.yaml","line":12,"column":5,"severity":"error","rule":"choice-one-correct","message":"choice item 'why-low' has 2 correct options; mark exactly one"},
                  {"file":"Decks/中.yaml","line":3,"column":1,"severity":"warning","rule":"unknown-key","message":"say \\"hi\\"\\\\\\n\\tthen\\u0001"}
                ]
                """)
        #expect(DiagnosticRenderer.json([]) == "[]")
    }

    @Test(arguments: [
        ([Severity.error, .error, .warning], 3, "2 errors, 1 warning in 3 files"),
        ([], 1, "0 errors, 0 warnings in 1 file"),
        ([.warning, .warning, .note], 2, "0 errors, 2 warnings, 1 note in 2 files"),
        ([.error], 0, "1 error, 0 warnings in 0 files"),
    ])
    func summaryCountsBySeverity(_ severities: [Severity], _ files: Int, _ expected: String) {
        let findings = severities.map {
            Diagnostic($0, at: SourceLocation(file: "x", line: 1, column: 1), rule: "r", "m")
        }
        #expect(DiagnosticRenderer.summary(findings, files: files) == expected)
    }
}
