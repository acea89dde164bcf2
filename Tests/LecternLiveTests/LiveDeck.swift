import Foundation
import LecternCore

/// A small deck with one question of every type a live class asks, as a YAML file on disk.
enum LiveDeck {
    static let yaml = """
        lectern: 1
        id: live-net
        title: Crowding, live
        summary: One question of every live type, for the network tests.
        source:
          title: Test notes
          file: notes.txt
          passages:
            1: The platform keeps the followers whoever sells.
        items:
          - id: who-gains
            type: choice
            skill: claim
            source: [1]
            prompt: Who gains when many new sellers join?
            options:
              - text: The platform
                correct: true
              - text: The first sellers
                feedback: Early entry is not the point here.
              - text: The viewers
                feedback: Viewers get choice, never the gain.
            explain: The platform keeps every follower (reason one).
          - id: winners
            type: multi
            skill: claim
            source: [1]
            prompt: Which of these gain?
            options:
              - text: The platform
                correct: true
              - text: Late sellers
                feedback: They arrive to a crowd.
              - text: The owners
                correct: true
            explain: Platform and owners both gain (reason two).
          - id: easy-start
            type: truefalse
            skill: recall
            source: [1]
            prompt: Starting a shop is the hard part.
            answer: false
            explain: Starting is the easy part (reason three).
          - id: winner-word
            type: short
            skill: concept
            source: [1]
            prompt: In one word, who wins in the end?
            accept: [marketplace, the marketplace]
            explain: The marketplace wins (reason four).
          - id: share
            type: numeric
            skill: apply
            source: [1]
            prompt: What share of sellers made a profit?
            answer: 10
            tolerance: 2
            percent: true
            explain: About one in ten made a profit (reason five).
          - id: gap
            type: cloze
            skill: concept
            source: [1]
            prompt: The {{bazaar}} gains while the {{merchants|merchant}} compete.
            explain: The bazaar gains from the rivalry (reason six).
          - id: steps
            type: order
            skill: concept
            source: [1]
            prompt: Put the argument in order.
            sequence: [Sellers join, Followers grow, The platform keeps them]
            explain: Each step needs the one before (reason seven).
          - id: pairs
            type: match
            skill: analogy
            source: [1]
            prompt: Match each actor with its gain.
            pairs:
              - left: Platform
                right: followers
              - left: Viewer
                right: choice
              - left: Seller
                right: sales
            explain: Each actor has its own gain (reason eight).
          - id: parts
            type: roles
            skill: premise
            source: [1]
            prompt: Label each sentence.
            sentences:
              - text: Anyone can open a shop.
                role: p
              - text: So the platform wins.
                role: c
            explain: The second follows from the first (reason nine).
          - id: why-open
            type: open
            skill: steelman
            source: [1]
            prompt: Why does crowding help the platform?
            model: It holds the audience whoever happens to sell.
            rubric: [audience held, any seller]
            explain: Crowding feeds the platform (reason ten).
          - id: walk
            type: walkthrough
            skill: apply
            source: [1]
            scenario: A town opens a market hall.
            prompt: Think it through.
            explain: The hall is the platform (reason eleven).
            steps:
              - id: first
                type: choice
                prompt: Who pays rent?
                options:
                  - text: The stall holders
                    correct: true
                    next: third
                  - text: The town
                    next: second
              - id: second
                type: truefalse
                prompt: Is the town paid?
                answer: true
              - id: third
                type: short
                prompt: Who fills the hall on market day?
                accept: [shoppers]
        """

    /// Writes the deck into a new folder and loads it as `lectern` would.
    static func load(into folder: URL) throws -> Deck {
        let decks = folder.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try yaml.write(to: decks.appendingPathComponent("live-net.yaml"), atomically: true, encoding: .utf8)
        let library = DeckLibrary.load(directories: [decks.path])
        guard let deck = library.deck(id: "live-net") else {
            throw LoadFailure(diagnostics: library.diagnostics.map { "\($0)" })
        }
        return deck
    }

    struct LoadFailure: Error {
        var diagnostics: [String]
    }
}
