import Foundation
import LecternCore

/// Entry point (b) of the fuzz harness: arbitrary bytes read as a typed answer.
///
/// The first byte picks one item of a small fixed deck that holds every answerable type
/// (and the keys most likely to trip a parser: typos, a regex, units, percent, a range,
/// CJK); the rest is the line the learner typed, graded as the session grades it.
package enum AnswerFuzzTarget {
    package static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let items = deck.items
        let item = items[Int(selector) % items.count]
        let rest = bytes.dropFirst()
        let line = String(validating: rest, as: UTF8.self) ?? String(decoding: rest, as: UTF8.self)
        FuzzGrading.grade(line, item: item)
    }

    /// The fixed deck, loaded once through the real loader; it must load without errors,
    /// or the harness would be fuzzing nothing.
    static let deck: Deck = {
        let result = DeckLoader.load(text: deckText, path: "answer-fuzz.yaml")
        guard let deck = result.usableDeck else {
            fatalError("the answer fuzz deck does not load:\n" + DiagnosticRenderer.json(result.diagnostics))
        }
        return deck
    }()

    /// Item ids in selector order (selector byte modulo the count), for naming corpus files.
    package static var itemIDs: [String] { deck.items.map(\.id) }

    static let deckText = """
        lectern: 1
        id: answer-fuzz
        title: Every answerable item type
        language: en
        source:
          title: Fuzz notes
          passages:
            1: Starting is easy; succeeding is hard.
        items:
          - id: choice
            type: choice
            skill: claim
            source: [1]
            explain: See the notes.
            prompt: Who keeps the followers?
            options:
              - text: The sellers
                feedback: They come and go.
              - text: The platform
                correct: true
              - text: The viewers
                feedback: Not in the notes.
              - text: Nobody
                feedback: Somebody does.
          - id: multi
            type: multi
            skill: claim
            source: [1]
            explain: See the notes.
            prompt: Which hold?
            options:
              - text: Starting is quick.
                correct: true
              - text: Profit is rare at first.
                correct: true
              - text: A budget is needed.
                feedback: The opposite.
          - id: truefalse
            type: truefalse
            skill: recall
            source: [1]
            explain: See the notes.
            prompt: Starting is easy.
            answer: true
          - id: short
            type: short
            skill: concept
            source: [1]
            explain: See the notes.
            prompt: Who wins?
            accept: [platform, the platform, barrier to entry, 平台, "/barriers? to (entry|market)/"]
          - id: short-exact
            type: short
            skill: concept
            source: [1]
            explain: See the notes.
            prompt: Which word, exactly?
            accept: [threshold]
            exact: true
          - id: numeric-unit
            type: numeric
            skill: apply
            source: [1]
            explain: See the notes.
            prompt: How far?
            answer: 1200.5
            tolerance: 0.5
            unit: km
          - id: numeric-percent
            type: numeric
            skill: apply
            source: [1]
            explain: See the notes.
            prompt: What share?
            range: [15, 25]
            percent: true
          - id: numeric-negative
            type: numeric
            skill: apply
            source: [1]
            explain: See the notes.
            prompt: What change?
            answer: -0.002
          - id: cloze
            type: cloze
            skill: recall
            source: [1]
            explain: See the notes.
            prompt: Anyone can start within a {{day|single day}}, but the {{platform}} gains, as does {{平台|the host}}.
          - id: cloze-one
            type: cloze
            skill: recall
            source: [1]
            explain: See the notes.
            prompt: The {{platform|host|"/plat.*/"}} gains most.
            exact: true
          - id: order
            type: order
            skill: claim
            source: [1]
            explain: See the notes.
            prompt: Put in order.
            sequence: [Starting is quick., Most sellers make no profit., The platform gains most., Sellers leave.]
          - id: match
            type: match
            skill: concept
            source: [1]
            explain: See the notes.
            prompt: Pair them.
            pairs:
              - left: Paragraph 1
                right: Starting is quick.
              - left: Paragraph 2
                right: Profit is rare.
              - left: Paragraph 3
                right: The platform gains.
          - id: roles
            type: roles
            skill: premise
            source: [1]
            explain: See the notes.
            prompt: Label the parts.
            sentences:
              - text: Anyone can start in a day.
                role: p
              - text: Most make no profit.
                role: p
              - text: So the platform gains most.
                role: c
              - text: Some sellers do profit.
                role: o
              - text: The weather was fine.
                role: x
          - id: open
            type: open
            skill: steelman
            source: [1]
            explain: See the notes.
            prompt: Argue the other side.
            model: The platform's costs could grow faster than its users.
            rubric: [Names a fact about the platform., Explains why it cuts against the claim., Gives an example.]
          - id: walk
            type: walkthrough
            skill: apply
            source: [1]
            explain: See the notes.
            scenario: A friend opens a shop.
            prompt: Reason through it.
            steps:
              - id: profit
                type: choice
                prompt: Profit in year one?
                options:
                  - text: Probably not
                    correct: true
                    next: who
                  - text: Certainly
                    feedback: Most make none.
                    next: again
              - id: again
                type: truefalse
                prompt: Most new sellers make no profit.
                answer: true
              - id: who
                type: short
                prompt: Who gains?
                accept: [platform]
        """
}
