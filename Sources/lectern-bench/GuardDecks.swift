/// Small decks written as text for the guard figures: an honest deck to compare against, and
/// walkthroughs shaped to make path-walking code slow.
enum GuardDecks {
    static let smallDeckID = "small"

    /// One valid true/false item, nothing to lint.
    static let smallDeck = """
        lectern: 1
        id: small
        title: Small deck
        source:
          title: Notes
          passages:
            1: The only paragraph.
        items:
          - id: one
            type: truefalse
            skill: recall
            source: [1]
            prompt: Is this deck small?
            answer: true
            explain: It holds one item (¶1).

        """

    /// A deck `w` holding one walkthrough whose steps are given as YAML lines.
    static func walkthroughDeck(steps: [String]) -> String {
        """
        lectern: 1
        id: w
        title: Walkthrough deck
        source:
          title: Notes
          passages:
            1: The only paragraph.
        items:
          - id: walk
            type: walkthrough
            skill: apply
            source: [1]
            explain: Paragraph 1.
            prompt: Go step by step.
            scenario: A long road.
            steps:

        """ + steps.joined(separator: "\n") + "\n"
    }

    /// A true/false step.
    static func plainStep(_ id: String) -> String {
        ["      - id: \(id)", "        type: truefalse", "        prompt: Go on from \(id)?", "        answer: true"]
            .joined(separator: "\n")
    }

    /// A choice step whose options lead to `targets` in order (the first is right); with no
    /// targets, two options that end the walkthrough.
    static func branchStep(_ id: String, to targets: [String]) -> String {
        var lines = [
            "      - id: \(id)", "        type: choice", "        prompt: Which way from \(id)?", "        options:",
        ]
        for (index, target) in targets.enumerated() {
            lines += [
                "          - text: Towards \(target)", "            correct: \(index == 0)",
                "            next: \(target)",
            ]
        }
        if targets.isEmpty {
            lines += [
                "          - text: Stop here", "            correct: true", "          - text: Stop there",
                "            correct: false",
            ]
        }
        return lines.joined(separator: "\n")
    }
}
