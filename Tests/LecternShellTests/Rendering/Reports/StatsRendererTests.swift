import Foundation
import LecternCore
import Testing
import LecternShell

/// The `stats` text, drawn from statistics the calculator computes from a fixed log.
@Suite struct StatsRendererTests {
    /// Thursday 2026-03-12 12:00 UTC: day 10 after `Clock.start`.
    static let now = Clock.at(days: 10, hours: 3)

    static let decks = [
        deck(
            "logic",
            items: [
                ("q1", .recall, ["fallacy"]), ("q2", .claim, ["fallacy", "causal"]),
                ("q3", .recall, []), ("q4", nil, ["causal"]), ("q5", .weaken, []),
            ]),
        deck("ethics", items: [("e1", .apply, []), ("e2", .apply, [])]),
    ]

    static func said(
        _ ref: String, _ mode: AnswerRecord.Mode, day: Double, minute: Double = 0, _ rating: Rating,
        confidence: Int? = nil
    ) -> StatsAnswer {
        let parts = ref.split(separator: "/").map(String.init)
        return StatsAnswer(
            ref: ItemRef(deckID: parts[0], itemID: parts[1]), mode: mode,
            answeredAt: Microseconds.since1970(Clock.at(days: day, minutes: minute)), rating: rating,
            confidence: confidence)
    }

    static func card(_ ref: String, due: Date, firstSeen: Date) -> CardTiming {
        let parts = ref.split(separator: "/").map(String.init)
        return CardTiming(
            ref: ItemRef(deckID: parts[0], itemID: parts[1]), due: Microseconds.since1970(due),
            firstSeenAt: Microseconds.since1970(firstSeen))
    }

    /// Day 0 is Monday 2026-03-02; times are 09:00 UTC plus `minute`.
    static let answers = [
        said("logic/q1", .study, day: 0, .good, confidence: 4),
        said("logic/q2", .study, day: 0, minute: 1, .again, confidence: 4),
        said("logic/q1", .review, day: 8, .good),
        said("logic/q2", .review, day: 8, minute: 2, .hard, confidence: 2),
        said("logic/q3", .study, day: 9, .easy, confidence: 3),
        said("logic/q3", .drill, day: 9, minute: 5, .good),
        said("logic/q2", .review, day: 10, minute: 60, .good, confidence: 3),
        said("logic/q4", .exam, day: 10, minute: 65, .again),
        said("ethics/e1", .study, day: 10, minute: 66, .good),
        said("logic/gone", .study, day: 10, minute: 67, .good),
    ]

    static let cards = [
        card("logic/q1", due: Clock.at(days: 10, hours: 6), firstSeen: Clock.at(days: 0)),
        card("logic/q2", due: Clock.at(days: 9), firstSeen: Clock.at(days: 0)),
        card("logic/q3", due: Clock.at(days: 14), firstSeen: Clock.at(days: 9)),
        card(
            "logic/gone", due: Clock.at(days: 10, hours: 2),
            firstSeen: Clock.at(days: 10, minutes: 67)),
        card("ethics/e1", due: Clock.at(days: 28), firstSeen: Clock.at(days: 10, minutes: 66)),
    ]

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
