import Foundation
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore
import GRDB

/// `:easy`/`:hard` after the feedback: the answer was saved when graded, the rating
/// changes after, and the log keeps both.
@Suite("Rating changes")
struct RatingChangeTests {
    @Test func aRatingChangeMovesTheScheduleAndShowsInResultsWithoutRewritingTheLog() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path(), clock: { Clock.at(minutes: 1) })
        let learner = try store.learner(named: "ana")
        let graded = AnswerRecord(
            deckID: "d", itemID: "i", mode: .study, answeredAt: Clock.start, answer: "a", score: 1, rating: .good)
        try store.record(graded, for: learner)
        var change = graded
        change.rating = .easy
        change.changesRating = true
        try store.record(change, for: learner)

        let rows = try store.results(deck: nil, learners: [], since: nil)
        #expect(rows.count == 1, "a rating change is not a second answer")
        #expect(rows.first?.rating == .easy)

        let expected = FSRSScheduler().review(CardState.new(now: Clock.start), rating: .easy, at: Clock.start)
        let due = try store.dueQueue(learner: "ana", decks: [], now: Clock.at(days: 1))
        #expect(due.isEmpty)
        let card = try store.pool.read { db in
            try Double.fetchOne(db, sql: "SELECT stability FROM cards WHERE item_id = 'i'")
        }
        #expect(card == expected.stability)

        let logged = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviews") }
        #expect(logged == 1)
        try store.rebuildCards()
        let rebuilt = try store.pool.read { db in
            try Double.fetchOne(db, sql: "SELECT stability FROM cards WHERE item_id = 'i'")
        }
        #expect(rebuilt == expected.stability, "the log with its rating changes still derives the card")
    }

    @Test func aRatingChangeWithNothingBeforeItIsLoggedAsAnAnswer() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let learner = try store.learner(named: "ben")
        let lone = AnswerRecord(
            deckID: "d", itemID: "i", mode: .study, answeredAt: Clock.start, answer: "a", score: 1, rating: .hard,
            changesRating: true)
        try store.record(lone, for: learner)
        #expect(try store.results(deck: nil, learners: [], since: nil).map(\.rating) == [.hard])
    }
}
