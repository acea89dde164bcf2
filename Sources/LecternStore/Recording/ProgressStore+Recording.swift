import Foundation
import GRDB
package import LecternCore

extension ProgressStore {
    /// Commits one answer before returning: appends it to the log and, for study and review
    /// answers, moves the card's schedule, in one transaction.
    ///
    /// Drill and exam answers are logged but leave the schedule alone: cramming for a test
    /// should not tell the scheduler the material is learned.
    package func record(_ answer: AnswerRecord, for learner: Learner) throws {
        try write { db in try insert(answer, for: learner, in: db) }
    }

    /// Commits many answers, in order, in one transaction: all or none.
    ///
    /// For importing a history (another file, a classroom export) and for filling
    /// benchmarks; each answer is handled exactly as ``record(_:for:)`` would.
    package func record(contentsOf answers: [AnswerRecord], for learner: Learner) throws {
        try write { db in
            for answer in answers {
                try insert(answer, for: learner, in: db)
            }
        }
    }

    /// Commits answers of several learners, in order, in one transaction: all or none.
    ///
    /// A live class writes each answer the moment it is graded; answers that arrive while
    /// a write runs go together in the next one, so a room answering at once costs one
    /// commit, not one per student.
    package func record(batch answers: [(answer: AnswerRecord, learner: Learner)]) throws {
        try write { db in
            for (answer, learner) in answers {
                try insert(answer, for: learner, in: db)
            }
        }
    }

    private func insert(_ answer: AnswerRecord, for learner: Learner, in db: Database) throws {
        let learnerID = learner.id
        if answer.changesRating, try changeRating(answer, learnerID: learnerID, in: db) { return }
        let answeredAt = Microseconds.since1970(answer.answeredAt)
        let review = LoggedReview(
            uid: ReviewUID.make(), learner: learner.name, deckID: answer.deckID, itemID: answer.itemID,
            mode: answer.mode, answeredAt: answeredAt, answer: answer.answer, score: answer.score,
            rating: answer.rating, hints: answer.hintsUsed, confidence: answer.confidence,
            duration: answer.duration, skipped: answer.skipped)
        _ = try Self.appendReview(review, learnerID: learnerID, in: db)
        guard answer.mode.movesSchedule else { return }
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT \(StoredCard.columns), first_seen_at FROM cards
                    WHERE learner_id = ? AND deck_id = ? AND item_id = ?
                    """),
            arguments: [learnerID, answer.deckID, answer.itemID])
        let at = Microseconds.date(answeredAt)
        let card = row.map {
            CheckedRow(
                $0, table: "cards",
                id: StoredCard.rowName(learnerID: learnerID, deckID: answer.deckID, itemID: answer.itemID))
        }
        let before = try card.map { row throws(RowDamage) in try StoredCard.state(from: row) } ?? CardState.new(now: at)
        let after = scheduler.review(before, rating: answer.rating, at: at)
        try StoredCard.save(
            after, learnerID: learnerID, deckID: answer.deckID, itemID: answer.itemID,
            firstSeenAt: try card?.optionalTime("first_seen_at") ?? answeredAt, in: db)
    }

    /// Records a new rating for the learner's latest answer to the item, and derives the
    /// card again with it. False when there is no earlier answer to change (then the
    /// record is logged as an ordinary answer).
    private func changeRating(_ answer: AnswerRecord, learnerID: Int64, in db: Database) throws -> Bool {
        guard
            let reviewID = try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM reviews WHERE learner_id = ? AND deck_id = ? AND item_id = ?
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [learnerID, answer.deckID, answer.itemID])
        else { return false }
        try Self.appendRatingChange(
            LoggedRatingChange(rating: answer.rating, changedAt: Microseconds.since1970(clock())), reviewID: reviewID,
            in: db)
        if answer.mode.movesSchedule {
            try replayCard(learnerID: learnerID, deckID: answer.deckID, itemID: answer.itemID, in: db)
        }
        return true
    }

    /// Derives one card again from its answers in the log (with their latest ratings).
    private func replayCard(learnerID: Int64, deckID: String, itemID: String, in db: Database) throws {
        let replayed = try Self.replayedCards(
            db, scheduler: scheduler, where: "r.learner_id = ? AND r.deck_id = ? AND r.item_id = ?",
            arguments: [learnerID, deckID, itemID])
        for card in replayed {
            try StoredCard.save(
                card.state, learnerID: learnerID, deckID: deckID, itemID: itemID, firstSeenAt: card.firstSeenAt,
                in: db)
        }
    }

    /// Throws away every card row and derives them again from the log, in the order the
    /// answers were committed.
    ///
    /// For repairs and for a scheduler change: the log is the truth, cards are a cache.
    package func rebuildCards() throws {
        try write { db in
            let replayed = try Self.replayedCards(db, scheduler: scheduler, where: "1", arguments: [])
            try db.execute(sql: "DELETE FROM cards")
            for card in replayed {
                try StoredCard.save(
                    card.state, learnerID: card.learnerID, deckID: card.ref.deckID, itemID: card.ref.itemID,
                    firstSeenAt: card.firstSeenAt, in: db)
            }
        }
    }

    /// A card as its study and review answers in the log make it.
    struct ReplayedCard {
        var learnerID: Int64
        var ref: ItemRef
        var firstSeenAt: Int64
        var state: CardState
    }

    /// Replays the study and review answers matching `condition` (on `reviews r`), per
    /// card in commit order, each rating the latest one given; every value is checked.
    static func replayedCards(
        _ db: Database, scheduler: FSRSScheduler, where condition: String, arguments: StatementArguments
    ) throws -> [ReplayedCard] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.id, r.learner_id, r.deck_id, r.item_id, r.mode, r.answered_at, r.rating,
                    \(LatestRating.columns)
                FROM reviews r \(LatestRating.join)
                WHERE r.mode IN \(StoredTables.schedulingModesSQL) AND \(condition)
                ORDER BY r.learner_id, r.deck_id, r.item_id, r.id
                """,
            arguments: arguments)
        var cards: [ReplayedCard] = []
        while let row = try rows.next() {
            let review = CheckedRow(row, table: "reviews", idColumn: "id")
            let learnerID = try review.id("learner_id")
            let ref = ItemRef(deckID: try review.text("deck_id"), itemID: try review.text("item_id"))
            let answeredAt = try review.time("answered_at")
            let rating = try LatestRating.read(row, review: review)
            let at = Microseconds.date(answeredAt)
            if let last = cards.last, last.learnerID == learnerID, last.ref == ref {
                cards[cards.count - 1].state = StoredCard.roundTripped(
                    scheduler.review(last.state, rating: rating, at: at))
            } else {
                let state = StoredCard.roundTripped(scheduler.review(CardState.new(now: at), rating: rating, at: at))
                cards.append(ReplayedCard(learnerID: learnerID, ref: ref, firstSeenAt: answeredAt, state: state))
            }
        }
        return cards
    }
}
