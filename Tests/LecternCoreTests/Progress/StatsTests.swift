import Foundation
import LecternCore
import LecternTestSupport
import Testing

/// What statistics count, computed from answers and cards without a database.
@Suite struct StatsTests {
    static let now = StatsScenario.now
    static let decks = StatsScenario.decks
    static let answers = StatsScenario.answers
    static let cards = StatsScenario.cards

    static func said(
        _ ref: String, _ mode: AnswerRecord.Mode, day: Double, minute: Double = 0, _ rating: Rating,
        confidence: Int? = nil
    ) -> StatsAnswer {
        StatsScenario.said(ref, mode, day: day, minute: minute, rating, confidence: confidence)
    }

    static func share(_ right: Int, _ total: Int) -> Stats.Share { StatsScenario.share(right, total) }

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
