package import Foundation
import LecternCore
package import LecternStore
import PostgresNIO

extension PostgresStore {
    /// Every answer matching the filters, by learner name, then time, then commit order.
    package func results(deck: String?, learners: [String], since: Date?) throws -> [ResultRow] {
        let filter = ResultsFilter(deck: deck, learners: learners, since: since)
        return try read(empty: []) { session in
            try session.query(
                """
                SELECT l.name, r.id, r.deck_id, r.item_id, r.mode, r.answered_at, r.score, r.rating, r.hints,
                    r.confidence, r.duration, r.skipped, r.answer, \(Self.latestRatingColumn)
                FROM reviews r JOIN learners l ON l.id = r.learner_id
                WHERE true \(filter.reviewSQL) \(filter.learnerSQL)
                ORDER BY l.name COLLATE "C", r.answered_at, r.id
                """, filter.values
            ).map { row in
                var review = PostgresCells(row, table: "reviews")
                review.rowName = "\(try review.id("id"))"
                return ResultRow(
                    learner: try review.text("name"), deck: try review.text("deck_id"),
                    item: try review.text("item_id"), mode: try review.mode("mode"),
                    answeredAt: Microseconds.date(try review.time("answered_at")), score: try review.score("score"),
                    rating: try Self.latestRating(review), hints: try review.count("hints"),
                    confidence: try review.confidence("confidence"), duration: try review.duration("duration"),
                    skipped: try review.flag("skipped"), answer: try review.text("answer"))
            }
        }
    }

    /// One line per learner: answers, mean score and time spent, with the same filters;
    /// learners without matching answers are listed with zero.
    package func summary(deck: String?, learners: [String], since: Date?) throws -> [LearnerTotals] {
        let filter = ResultsFilter(deck: deck, learners: learners, since: since)
        return try read(empty: []) { session in
            try session.query(
                """
                SELECT l.id, l.name, COUNT(r.id) AS answers, AVG(r.score) AS mean,
                    COALESCE(SUM(r.duration), 0) AS total
                FROM learners l LEFT JOIN reviews r ON r.learner_id = l.id \(filter.reviewSQL)
                WHERE true \(filter.learnerSQL)
                GROUP BY l.id ORDER BY l.name COLLATE "C"
                """, filter.values
            ).map { row in
                var learner = PostgresCells(row, table: "learners")
                learner.rowName = "\(try learner.id("id"))"
                return LearnerTotals(
                    learner: try learner.text("name"), answers: try learner.count("answers"),
                    meanScore: try learner.optionalReal("mean", in: 0...1, expected: "a mean score"),
                    totalTime: try learner.real("total", in: 0...Double.greatestFiniteMagnitude, expected: "seconds"))
            }
        }
    }
}

/// The `WHERE` pieces shared by results and summary, numbered `$1`… in order.
private struct ResultsFilter {
    var reviewSQL = ""
    var learnerSQL = ""
    var values: [PostgresValue] = []

    init(deck: String?, learners: [String], since: Date?) {
        if let deck {
            values.append(.text(deck))
            reviewSQL += " AND r.deck_id = $\(values.count)"
        }
        if let since {
            values.append(.integer(Microseconds.since1970(since)))
            reviewSQL += " AND r.answered_at >= $\(values.count)"
        }
        if !learners.isEmpty {
            values.append(.texts(learners))
            learnerSQL = " AND l.name = ANY($\(values.count))"
        }
    }
}
