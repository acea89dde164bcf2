import Foundation
import GRDB
import LecternCore

extension ProgressStore {
    /// A results sink that commits each answer for `learner` (created on first use).
    public func sink(for learner: String) throws -> LearnerSink {
        LearnerSink(store: self, learner: try self.learner(named: learner))
    }

    /// Commits one answer before returning: appends it to the log and, for study and review
    /// answers, moves the card's schedule, in one transaction.
    ///
    /// Drill and exam answers are logged but leave the schedule alone: cramming for a test
    /// should not tell the scheduler the material is learned.
    public func record(_ answer: AnswerRecord, for learner: Learner) throws {
        try pool.write { db in try insert(answer, learnerID: learner.id, in: db) }
    }

    /// Commits many answers, in order, in one transaction: all or none.
    ///
    /// For importing a history (another file, a classroom export) and for filling
    /// benchmarks; each answer is handled exactly as ``record(_:for:)`` would.
    public func record(contentsOf answers: [AnswerRecord], for learner: Learner) throws {
        try pool.write { db in
            for answer in answers {
                try insert(answer, learnerID: learner.id, in: db)
            }
        }
    }

    private func insert(_ answer: AnswerRecord, learnerID: Int64, in db: Database) throws {
        if answer.changesRating, try changeRating(answer, learnerID: learnerID, in: db) { return }
        let answeredAt = StoredTime.micros(answer.answeredAt)
        try db.cachedStatement(
            sql: """
                INSERT INTO reviews (learner_id, deck_id, item_id, mode, answered_at, answer,
                    score, rating, hints, confidence, duration, skipped)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            learnerID, answer.deckID, answer.itemID, answer.mode.rawValue, answeredAt,
            answer.answer, answer.score, answer.rating.rawValue, answer.hintsUsed,
            answer.confidence, answer.duration, answer.skipped,
        ])
        guard Self.movesSchedule(answer.mode) else { return }
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT \(StoredCard.columns), first_seen_at FROM cards
                    WHERE learner_id = ? AND deck_id = ? AND item_id = ?
                    """),
            arguments: [learnerID, answer.deckID, answer.itemID])
        let at = StoredTime.date(answeredAt)
        let before = row.map(StoredCard.state(from:)) ?? CardState.new(now: at)
        let after = scheduler.review(before, rating: answer.rating, at: at)
        try StoredCard.save(
            after, learnerID: learnerID, deckID: answer.deckID, itemID: answer.itemID,
            firstSeenAt: row?["first_seen_at"] ?? answeredAt, in: db)
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
        try db.execute(
            sql: "INSERT INTO rating_changes (review_id, rating, changed_at) VALUES (?, ?, ?)",
            arguments: [reviewID, answer.rating.rawValue, StoredTime.micros(clock())])
        if Self.movesSchedule(answer.mode) {
            try replayCard(learnerID: learnerID, deckID: answer.deckID, itemID: answer.itemID, in: db)
        }
        return true
    }

    /// Derives one card again from its answers in the log (with their latest ratings).
    private func replayCard(learnerID: Int64, deckID: String, itemID: String, in db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT answered_at, rating FROM answers
                WHERE learner_id = ? AND deck_id = ? AND item_id = ? AND mode IN ('study', 'review')
                ORDER BY id
                """,
            arguments: [learnerID, deckID, itemID])
        guard let first = rows.first else { return }
        var state: CardState?
        for row in rows {
            let at = StoredTime.date(row["answered_at"])
            let rating = Rating(rawValue: row["rating"]) ?? .again
            state = StoredCard.roundTripped(scheduler.review(state ?? CardState.new(now: at), rating: rating, at: at))
        }
        if let state {
            try StoredCard.save(
                state, learnerID: learnerID, deckID: deckID, itemID: itemID, firstSeenAt: first["answered_at"], in: db)
        }
    }

    /// Throws away every card row and derives them again from the log, in the order the
    /// answers were committed.
    ///
    /// For repairs and for a scheduler change: the log is the truth, cards are a cache.
    public func rebuildCards() throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM cards")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT learner_id, deck_id, item_id, answered_at, rating FROM answers
                    WHERE mode IN ('study', 'review')
                    ORDER BY learner_id, deck_id, item_id, id
                    """)
            var current: (learner: Int64, deck: String, item: String, firstSeen: Int64)?
            var state: CardState?
            func flush() throws {
                if let current, let state {
                    try StoredCard.save(
                        state, learnerID: current.learner, deckID: current.deck,
                        itemID: current.item, firstSeenAt: current.firstSeen, in: db)
                }
            }
            while let row = try rows.next() {
                let learner: Int64 = row["learner_id"]
                let deck: String = row["deck_id"]
                let item: String = row["item_id"]
                let answeredAt: Int64 = row["answered_at"]
                let rating = Rating(rawValue: row["rating"]) ?? .again
                if current?.learner != learner || current?.deck != deck || current?.item != item {
                    try flush()
                    current = (learner, deck, item, answeredAt)
                    state = nil
                }
                let at = StoredTime.date(answeredAt)
                let next = scheduler.review(state ?? CardState.new(now: at), rating: rating, at: at)
                state = StoredCard.roundTripped(next)
            }
            try flush()
        }
    }

    static func movesSchedule(_ mode: AnswerRecord.Mode) -> Bool {
        mode == .study || mode == .review
    }
}
