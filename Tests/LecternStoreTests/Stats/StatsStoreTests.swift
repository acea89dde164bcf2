import Foundation
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore

/// The store reads the rows statistics need and hands them to the calculator.
@Suite struct StatsStoreTests {
    static let now = StatsScenario.now
    static let decks = StatsScenario.decks

    static func share(_ right: Int, _ total: Int) -> Stats.Share { StatsScenario.share(right, total) }

    /// The store feeds the calculator from real rows: answers in time order, cards with
    /// their first-study times, limited to the deck asked for.
    @Test func storeStatsFromRealRows() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let sink = try store.sink(for: "mei")
        try sink.record(answer("q1", at: Clock.at(days: 9), rating: .good, confidence: 4))
        try sink.record(
            answer("q1", mode: .review, at: Clock.at(days: 10), rating: .again, confidence: 4))
        try sink.record(answer("q2", at: Clock.at(days: 10, minutes: 5), rating: .good))
        try sink.record(
            answer("e1", deck: "ethics", at: Clock.at(days: 10, minutes: 6), rating: .good))
        let stats = try store.stats(
            learner: "mei", decks: Self.decks, deck: "logic", now: Self.now, calendar: Clock.utc)
        #expect(stats.answers == 3)
        #expect(stats.seen == 2)
        #expect(stats.retention == Self.share(0, 1))
        #expect(stats.calibration[3] == Self.share(1, 2))
        #expect(stats.today == Stats.Period(answered: 2, started: 1, due: 2))
        #expect(stats.streak == 2)
        #expect(
            stats.skills == [
                Stats.Mastery(name: "recall", share: Self.share(1, 2)),
                Stats.Mastery(name: "claim", share: Self.share(1, 1)),
            ])
        let nobody = try store.stats(
            learner: "nobody", decks: Self.decks, now: Self.now, calendar: Clock.utc)
        #expect(nobody.answers == 0)
        #expect(nobody.items == 7)
        #expect(nobody.activity == Array(repeating: 0, count: 30))
    }
}
