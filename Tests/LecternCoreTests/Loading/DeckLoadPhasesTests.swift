import Testing

import LecternCore

/// The benchmark times the loader's steps one by one; that only means something if the steps,
/// run in order, find exactly what one whole load finds.
@Suite struct DeckLoadPhasesTests {
    static let decks: [(name: String, text: String)] = [
        (
            "clean",
            """
            lectern: 1
            id: phases
            title: Phases
            source:
              title: Essay
              passages:
                1: One.
            items:
              - id: q
                type: truefalse
                skill: recall
                source: [1]
                prompt: True?
                answer: true
                explain: ¶1 says so.
            """
        ),
        (
            "builder and linter findings",
            """
            lectern: 1
            id: phases
            title: Phases
            source:
              title: Essay
              passages:
                1: One.
            items:
              - id: Bad_Id
                type: choice
                skill: recall
                source: [2]
                prompt: Which?
                colour: red
                options:
                  - text: A
                  - text: B
            """
        ),
        (
            "YAML syntax error",
            """
            lectern: 1
            id: phases
            items: [unclosed
            """
        ),
    ]

    @Test(arguments: decks.map(\.name))
    func stepsInOrderFindWhatTheLoaderFinds(name: String) throws {
        let text = try #require(Self.decks.first { $0.name == name }).text
        let path = "Decks/phases.yaml"
        let whole = DeckLoader.load(text: text, path: path)

        let (body, textFindings) = DeckLoadPhases.checkText(text, path: path)
        #expect(DeckLoadPhases.withinNodeBudget(body))
        let composed = DeckLoadPhases.compose(body, path: path)
        let built = DeckLoadPhases.build(composed, path: path)
        let lint = built.deck.map(DeckLoadPhases.lint) ?? []
        let findings = DeckLoadPhases.sorted(
            textFindings + composed.diagnostics + built.diagnostics + lint)

        #expect(whole.diagnostics.isEmpty == (name == "clean"))
        #expect(findings == whole.diagnostics)
        #expect(built.deck?.items.map(\.id) == whole.deck?.items.map(\.id))
    }

    @Test func decodeRefusesWhatIsNotUTF8() {
        #expect(DeckLoadPhases.decode([0x61, 0xFF], path: "x.yaml") == nil)
        #expect(DeckLoadPhases.decode(Array("lectern: 1".utf8), path: "x.yaml") == "lectern: 1")
    }
}
