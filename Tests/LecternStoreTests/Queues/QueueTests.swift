import Foundation
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore

@Suite struct QueueTests {
    func refs(_ names: String...) -> [ItemRef] {
        names.map {
            let parts = $0.split(separator: "/")
            return ItemRef(deckID: String(parts[0]), itemID: String(parts[1]))
        }
    }

    @Test func aNewLearnerGetsNewItemsInDeckOrderUpToTheLimit() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let decks = [deck("logic", ids: ["c", "a", "b"]), deck("ethics", ids: ["x", "y"])]
        #expect(
            try store.dueQueue(
                learner: "nobody", decks: decks, now: Clock.start, newLimit: 4, calendar: Clock.utc)
                == refs("logic/c", "logic/a", "logic/b", "ethics/x"))
        #expect(
            try store.dueQueue(
                learner: "nobody", decks: decks, now: Clock.start, newLimit: 0, calendar: Clock.utc)
                == [])
    }

    @Test func dueItemsComeFirstMostOverdueFirstThenNewItems() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let decks = [deck("logic", ids: ["q1", "q2", "q3", "q4", "q5"])]
        let sink = try store.sink(for: "mei")
        // Day 0: q1 and q2 graduate (easy) with different intervals; q3 stays in learning.
        try sink.record(answer("q2", at: Clock.start, rating: .easy))
        try sink.record(answer("q1", at: Clock.at(minutes: 1), rating: .easy))
        try sink.record(answer("q3", at: Clock.at(minutes: 2), rating: .again))
        let cards = try store.cardTimings(learner: "mei", deckIDs: ["logic"])
        let latest = cards.map(\.due).max()!
        let later = Microseconds.date(latest).addingTimeInterval(3_600)
        // All three are due; q3 (due in a minute) is the most overdue, then by due date.
        let byDue = cards.sorted { $0.due < $1.due }.map(\.ref)
        #expect(byDue.first?.itemID == "q3")
        #expect(
            try store.dueQueue(
                learner: "mei", decks: decks, now: later, newLimit: 1, calendar: Clock.utc)
                == byDue + refs("logic/q4"))
        // On day 0 itself, three new items were started: with a limit of 4, one more is allowed.
        #expect(
            try store.dueQueue(
                learner: "mei", decks: decks, now: Clock.at(minutes: 2.5), newLimit: 4,
                calendar: Clock.utc)
                == refs("logic/q4"))
        #expect(
            try store.dueQueue(
                learner: "mei", decks: decks, now: Clock.at(minutes: 2.5), newLimit: 3,
                calendar: Clock.utc) == [])
    }

    @Test func theNewLimitResetsAtLocalMidnight() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let decks = [deck("logic", ids: ["q1", "q2", "q3"])]
        var tokyo = Calendar(identifier: .gregorian)
        tokyo.timeZone = TimeZone(identifier: "Asia/Tokyo")!
        // 09:00 UTC is 18:00 in Tokyo; 16:00 UTC is 01:00 the next day there, same day in UTC.
        try store.sink(for: "mei").record(answer("q1", at: Clock.start, rating: .easy))
        let evening = Clock.at(hours: 7)
        #expect(
            try store.dueQueue(
                learner: "mei", decks: decks, now: evening, newLimit: 1, calendar: Clock.utc) == [])
        #expect(
            try store.dueQueue(
                learner: "mei", decks: decks, now: evening, newLimit: 1, calendar: tokyo)
                == refs("logic/q2"))
    }

    @Test func progressFollowsIdsThroughReorderingAndRemovedItemsLeaveTheQueue() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let sink = try store.sink(for: "mei")
        for item in ["q1", "q2", "q3"] {
            try sink.record(answer(item, at: Clock.start, rating: .again))
        }
        let later = Clock.at(hours: 1)
        let original = [deck("logic", ids: ["q1", "q2", "q3", "q4"])]
        #expect(
            try store.dueQueue(
                learner: "mei", decks: original, now: later, newLimit: 5, calendar: Clock.utc)
                == refs("logic/q1", "logic/q2", "logic/q3", "logic/q4"))
        // Edited deck: reordered, q2 removed, q0 added. q2's history stays in the log.
        let edited = [deck("logic", ids: ["q4", "q3", "q0", "q1"])]
        #expect(
            try store.dueQueue(
                learner: "mei", decks: edited, now: later, newLimit: 5, calendar: Clock.utc)
                == refs("logic/q1", "logic/q3", "logic/q4", "logic/q0"))
        #expect(
            try store.counts(learner: "mei", decks: edited, now: later) == [
                "logic": DeckCounts(new: 2, due: 2)
            ])
        #expect(
            try store.results(deck: "logic", learners: ["mei"], since: nil).map(\.item) == [
                "q1", "q2", "q3",
            ])
    }

    @Test func countsPerDeck() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let sink = try store.sink(for: "mei")
        try sink.record(answer("a", deck: "logic", at: Clock.start, rating: .again))
        try sink.record(answer("b", deck: "logic", at: Clock.start, rating: .easy))
        try sink.record(answer("x", deck: "ethics", at: Clock.start, rating: .easy))
        let decks = [
            deck("logic", ids: ["a", "b", "c"]), deck("ethics", ids: ["x", "y"]),
            deck("empty", ids: []),
        ]
        #expect(
            try store.counts(learner: "mei", decks: decks, now: Clock.at(hours: 1))
                == [
                    "logic": DeckCounts(new: 1, due: 1), "ethics": DeckCounts(new: 1, due: 0),
                    "empty": DeckCounts(new: 0, due: 0),
                ])
        #expect(
            try store.counts(learner: "sam", decks: decks, now: Clock.at(hours: 1))
                == [
                    "logic": DeckCounts(new: 3, due: 0), "ethics": DeckCounts(new: 2, due: 0),
                    "empty": DeckCounts(new: 0, due: 0),
                ])
    }
}
