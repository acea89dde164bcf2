import GRDB
import LecternCore

/// The log's rows as they are written, whether an answer is new (`record`) or copied from
/// another store (`db copy`): one INSERT for each table, so the columns a review holds are
/// named in one place.
extension ProgressStore {
    /// Appends `review` for the learner with row id `learnerID` (its `learner` name is how
    /// the caller found that id) and returns the new row's id.
    static func appendReview(_ review: LoggedReview, learnerID: Int64, in db: Database) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO reviews (uid, learner_id, deck_id, item_id, mode, answered_at, answer,
                    score, rating, hints, confidence, duration, skipped)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            review.uid, learnerID, review.deckID, review.itemID, review.mode.rawValue, review.answeredAt,
            review.answer, review.score, review.rating.rawValue, review.hints, review.confidence,
            review.duration, review.skipped,
        ])
        return db.lastInsertedRowID
    }

    /// Appends a later rating of the review with row id `reviewID`.
    static func appendRatingChange(_ change: LoggedRatingChange, reviewID: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO rating_changes (review_id, rating, changed_at) VALUES (?, ?, ?)")
            .execute(arguments: [reviewID, change.rating.rawValue, change.changedAt])
    }
}
