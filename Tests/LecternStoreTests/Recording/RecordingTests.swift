import Foundation
import GRDB
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore

@Suite struct RecordingTests {
    struct CardRow: Equatable {
        var item: String
        var state: CardState
        var firstSeen: Int64
    }

    func cardRows(_ store: ProgressStore) throws -> [CardRow] {
        try store.pool.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT item_id, \(StoredCard.columns), first_seen_at FROM cards ORDER BY learner_id, deck_id, item_id"
            ).map {
                CardRow(
                    item: $0["item_id"], state: try StoredCard.state(from: CheckedRow($0, table: "cards", id: "")),
                    firstSeen: $0["first_seen_at"])
            }
        }
    }

    @Test func studyAnswersMoveTheScheduleExactlyAsTheScheduler() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let sink = try store.sink(for: "mei")
        let scheduler = FSRSScheduler()
        var expected = CardState.new(now: Clock.start)
        for (step, rating) in [Rating.good, .good, .again, .hard, .easy].enumerated() {
            let at = Clock.at(days: Double(step * 2), minutes: Double(step))
            try sink.record(answer("q1", at: at, rating: rating))
            expected = scheduler.review(expected, rating: rating, at: at)
        }
        let rows = try cardRows(store)
        #expect(rows.count == 1)
        #expect(rows.first?.state.reps == 5)
        #expect(rows.first?.state.phase == expected.phase)
        #expect(rows.first?.state.lapses == expected.lapses)
        #expect(
            abs((rows.first?.state.due ?? .distantPast).timeIntervalSince(expected.due)) < 0.001)
        #expect(rows.first?.firstSeen == Microseconds.since1970(Clock.start))
    }

    @Test(arguments: [AnswerRecord.Mode.drill, .exam])
    func drillAndExamAnswersAreLoggedButLeaveTheScheduleAlone(mode: AnswerRecord.Mode) throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let sink = try store.sink(for: "mei")
        try sink.record(answer("q1", at: Clock.start))
        let before = try cardRows(store)
        try sink.record(answer("q1", mode: mode, at: Clock.at(hours: 1), rating: .again))
        try sink.record(answer("q2", mode: mode, at: Clock.at(hours: 1)))
        #expect(try cardRows(store) == before)
        #expect(
            try store.learners() == [
                LearnerActivity(name: "mei", answers: 3, lastActivity: Clock.at(hours: 1))
            ])
    }

    @Test func everyFieldOfAnAnswerIsKept() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let record = AnswerRecord(
            deckID: "logic", itemID: "q1", mode: .exam, answeredAt: Clock.start,
            answer: "对，因为\n\"quoted\", yes", score: 0.5, rating: .hard, hintsUsed: 2,
            confidence: 3, duration: 12.25, skipped: false)
        try store.sink(for: "mei").record(record)
        let rows = try store.results(deck: nil, learners: [], since: nil)
        #expect(
            rows == [
                ResultRow(
                    learner: "mei", deck: "logic", item: "q1", mode: .exam, answeredAt: Clock.start,
                    score: 0.5, rating: .hard, hints: 2, confidence: 3, duration: 12.25,
                    skipped: false, answer: "对，因为\n\"quoted\", yes")
            ])
    }

    @Test func theLogCannotBeRewritten() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        try store.sink(for: "mei").record(answer("q1", at: Clock.start))
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM reviews") }
        }
    }

    @Test func rebuildingFromTheLogReproducesTheStoredCards() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let ratings: [Rating] = [.good, .again, .hard, .easy, .good, .good, .again]
        for (name, offset) in [("mei", 0), ("sam", 3)] {
            let sink = try store.sink(for: name)
            for index in 0..<40 {
                let rating = ratings[(index + offset) % ratings.count]
                let mode: AnswerRecord.Mode =
                    index % 9 == 4 ? .drill : (index % 2 == 0 ? .study : .review)
                try sink.record(
                    answer(
                        "q\((index * 7 + offset) % 6)", deck: index % 3 == 0 ? "ethics" : "logic",
                        mode: mode,
                        at: Clock.at(days: Double(index) * 0.7, minutes: Double(index * 13 % 50)),
                        rating: rating))
            }
        }
        let stored = try cardRows(store)
        #expect(stored.count > 10)
        try store.rebuildCards()
        #expect(try cardRows(store) == stored)
    }

    @Test func learnersAreCreatedOnFirstUseAndListedWithTheirActivity() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path(), clock: { Clock.start })
        let mei = try store.learner(named: "mei")
        #expect(try store.learner(named: " mei ") == mei)
        _ = try store.learner(named: "李华")
        try store.record(answer("q1", at: Clock.at(hours: 2)), for: mei)
        try store.record(answer("q2", at: Clock.at(hours: 1)), for: mei)
        #expect(
            try store.learners() == [
                LearnerActivity(name: "mei", answers: 2, lastActivity: Clock.at(hours: 2)),
                LearnerActivity(name: "李华", answers: 0, lastActivity: nil),
            ])
        #expect(
            throws: ProgressStoreError.invalidLearnerName(
                "  ",
                reason: "is empty once leading and trailing spaces are trimmed; use at least one visible character")
        ) {
            try store.learner(named: "  ")
        }
    }
}

@Suite struct BatchRecordingTests {
    /// A batch leaves the file exactly as the same answers recorded one by one.
    @Test func aBatchEqualsOneByOne() throws {
        let folder = try TemporaryFolder()
        let answers = (0..<30).map { index in
            answer(
                "q\(index % 4)", mode: index % 5 == 0 ? .drill : .study,
                at: Clock.at(days: Double(index) / 3), rating: Rating(rawValue: index % 4 + 1)!)
        }
        let single = try ProgressStore(path: folder.path("single.sqlite3"))
        let sink = try single.sink(for: "mei")
        for item in answers { try sink.record(item) }
        let batch = try ProgressStore(path: folder.path("batch.sqlite3"))
        try batch.record(contentsOf: answers, for: try batch.learner(named: "mei"))
        let cards = { (store: ProgressStore) in
            try store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM cards ORDER BY deck_id, item_id").map(
                    \.description)
            }
        }
        #expect(try cards(batch) == cards(single))
        #expect(
            try batch.results(deck: nil, learners: [], since: nil)
                == single.results(deck: nil, learners: [], since: nil))
    }

    @Test func aFailingBatchLeavesNothingBehind() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let mei = try store.learner(named: "mei")
        let bad = [answer("q1", at: Clock.start), answer("q2", at: Clock.start, score: 1.5)]
        #expect(throws: DatabaseError.self) { try store.record(contentsOf: bad, for: mei) }
        #expect(try store.results(deck: nil, learners: [], since: nil) == [])
        #expect(
            try store.counts(learner: "mei", decks: [deck("logic", ids: ["q1"])], now: Clock.start)
                == ["logic": DeckCounts(new: 1, due: 0)])
    }
}
