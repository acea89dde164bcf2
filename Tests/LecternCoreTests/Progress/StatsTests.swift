import Foundation
import LecternCore
import Testing

/// What statistics count, computed from answers and cards without a database.
@Suite struct StatsTests {
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

    static func share(_ right: Int, _ total: Int) -> Stats.Share {
        Stats.Share(right: right, total: total)
    }

    @Test func everyNumberForAllDecks() {
        let stats = StatsCalculator.compute(
            learner: "mei", deckID: nil, decks: Self.decks, answers: Self.answers,
            cards: Self.cards,
            now: Self.now, calendar: Clock.utc)
        var activity = Array(repeating: 0, count: 30)
        activity[19] = 2  // day 0, ten days ago
        activity[27] = 2
        activity[28] = 2
        activity[29] = 4  // today
        let expected = Stats(
            learner: "mei", deckID: nil, items: 7, seen: 4, answers: 10,
            today: Stats.Period(answered: 4, started: 2, due: 2),
            week: Stats.Period(answered: 6, started: 3, due: 3),
            retention: Self.share(2, 3),
            skills: [
                Stats.Mastery(name: "recall", share: Self.share(4, 4)),
                Stats.Mastery(name: "claim", share: Self.share(1, 3)),
                Stats.Mastery(name: "apply", share: Self.share(1, 1)),
            ],
            tags: [
                Stats.Mastery(name: "causal", share: Self.share(1, 4)),
                Stats.Mastery(name: "fallacy", share: Self.share(3, 5)),
            ],
            calibration: [Self.share(0, 0), Self.share(0, 1), Self.share(2, 2), Self.share(1, 2)],
            streak: 3, activity: activity)
        #expect(stats == expected)
        #expect(stats.unseen == 3)
    }

    @Test func oneDeckOnly() {
        let stats = StatsCalculator.compute(
            learner: "mei", deckID: "ethics", decks: Self.decks,
            answers: Self.answers.filter { $0.ref.deckID == "ethics" },
            cards: Self.cards.filter { $0.ref.deckID == "ethics" }, now: Self.now,
            calendar: Clock.utc)
        #expect(stats.items == 2)
        #expect(stats.seen == 1)
        #expect(stats.skills == [Stats.Mastery(name: "apply", share: Self.share(1, 1))])
        #expect(stats.today == Stats.Period(answered: 1, started: 1, due: 0))
        #expect(stats.week.due == 0)
    }

    @Test(arguments: [
        ([0, 1, 2, 4], 3),
        ([1, 2, 3], 3),
        ([2, 3, 4], 0),
        ([0], 1),
        ([], 0),
        (Array(0..<45), 45),
    ])
    func streakEndsTodayOrYesterday(daysAgo: [Int], expected: Int) {
        let answers = daysAgo.sorted(by: >).map {
            Self.said("logic/q1", .drill, day: 10 - Double($0), .good)
        }
        let stats = StatsCalculator.compute(
            learner: "mei", deckID: nil, decks: Self.decks, answers: answers, cards: [],
            now: Self.now,
            calendar: Clock.utc)
        #expect(stats.streak == expected)
    }

}
