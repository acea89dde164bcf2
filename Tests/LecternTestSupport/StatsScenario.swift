package import Foundation
package import LecternCore

/// One learner's fixed log over two decks, shared by the calculator's, the renderer's and
/// the store's statistics tests so that all three check the same story.
package enum StatsScenario {
    /// Thursday 2026-03-12 12:00 UTC: day 10 after `Clock.start`.
    package static let now = Clock.at(days: 10, hours: 3)

    package static let decks = [
        deck(
            "logic",
            items: [
                ("q1", .recall, ["fallacy"]), ("q2", .claim, ["fallacy", "causal"]),
                ("q3", .recall, []), ("q4", nil, ["causal"]), ("q5", .weaken, []),
            ]),
        deck("ethics", items: [("e1", .apply, []), ("e2", .apply, [])]),
    ]

    package static func said(
        _ ref: String, _ mode: AnswerRecord.Mode, day: Double, minute: Double = 0, _ rating: Rating,
        confidence: Int? = nil
    ) -> StatsAnswer {
        let parts = ref.split(separator: "/").map(String.init)
        return StatsAnswer(
            ref: ItemRef(deckID: parts[0], itemID: parts[1]), mode: mode,
            answeredAt: Microseconds.since1970(Clock.at(days: day, minutes: minute)), rating: rating,
            confidence: confidence)
    }

    package static func card(_ ref: String, due: Date, firstSeen: Date) -> CardTiming {
        let parts = ref.split(separator: "/").map(String.init)
        return CardTiming(
            ref: ItemRef(deckID: parts[0], itemID: parts[1]), due: Microseconds.since1970(due),
            firstSeenAt: Microseconds.since1970(firstSeen))
    }

    /// Day 0 is Monday 2026-03-02; times are 09:00 UTC plus `minute`.
    package static let answers = [
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

    package static let cards = [
        card("logic/q1", due: Clock.at(days: 10, hours: 6), firstSeen: Clock.at(days: 0)),
        card("logic/q2", due: Clock.at(days: 9), firstSeen: Clock.at(days: 0)),
        card("logic/q3", due: Clock.at(days: 14), firstSeen: Clock.at(days: 9)),
        card(
            "logic/gone", due: Clock.at(days: 10, hours: 2),
            firstSeen: Clock.at(days: 10, minutes: 67)),
        card("ethics/e1", due: Clock.at(days: 28), firstSeen: Clock.at(days: 10, minutes: 66)),
    ]

    package static func share(_ right: Int, _ total: Int) -> Stats.Share {
        Stats.Share(right: right, total: total)
    }
}
