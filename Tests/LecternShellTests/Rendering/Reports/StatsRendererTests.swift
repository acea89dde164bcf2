import Foundation
import LecternCore
import LecternTestSupport
import Testing
import LecternShell

/// The `stats` text, drawn from statistics the calculator computes from a fixed log.
@Suite struct StatsRendererTests {
    static let now = StatsScenario.now
    static let decks = StatsScenario.decks
    static let answers = StatsScenario.answers
    static let cards = StatsScenario.cards

    @Test(arguments: [
        ([0, 0, 0], true, "▁▁▁"),
        ([0, 1, 2, 3, 4, 5, 6, 7], true, "▁▂▃▄▅▆▇█"),
        ([0, 1, 2, 3, 4, 5, 6, 7], false, ".:-=+*#@"),
        ([1, 100], true, "▂█"),
        ([3, 6], false, "+@"),
    ])
    func activityBar(counts: [Int], unicode: Bool, expected: String) {
        #expect(StatsRenderer.activityBar(counts, unicode: unicode) == expected)
    }

    @Test func renderedText() {
        let stats = StatsCalculator.compute(
            learner: "mei", deckID: nil, decks: Self.decks, answers: Self.answers,
            cards: Self.cards,
            now: Self.now, calendar: Clock.utc)
        #expect(
            StatsRenderer.render(stats, unicode: true) == """
                Stats for mei in all decks

                Items         7: 4 studied, 3 never studied
                Answers       10
                Today         4 answered, 2 started, 2 due
                This week     6 answered, 3 started in the last 7 days; 3 due in the next 7
                Retention     67% right on 3 repeat reviews
                Streak        3 days
                Last 30 days  ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▅▁▁▁▁▁▁▁▅▅█  (most 4 a day)

                Skill         answers  right
                recall              4   100%
                claim               3    33%
                apply               1   100%

                Tag           answers  right
                causal              4    25%
                fallacy             5    60%

                Confidence    answers  right
                1                   0      –
                2                   1     0%
                3                   2   100%
                4                   2    50%

                Right means rated good or easy: correct, with no hint and full credit.

                """)
        let ascii = StatsRenderer.render(stats, unicode: false)
        let asciiLines = ascii.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        #expect(asciiLines[8] == "Last 30 days  ...................+.......++@  (most 4 a day)")
        #expect(asciiLines[20] == "1                   0      -")
        let onlyASCII = ascii.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(onlyASCII)
    }

}
