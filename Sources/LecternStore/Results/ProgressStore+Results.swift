import Foundation
import GRDB
import LecternCore

extension ProgressStore {
    /// Every answer matching the filters, by learner name, then time, then commit order.
    ///
    /// - Parameters:
    ///   - deck: one deck id, or `nil` for all decks.
    ///   - learners: names to include; empty means everyone on the file.
    ///   - since: only answers given at or after this instant.
    package func results(deck: String?, learners: [String], since: Date?) throws -> [ResultRow] {
        let filter = ResultsFilter(deck: deck, learners: learners, since: since)
        return try read(empty: []) { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT l.id AS lid, l.name, r.id, r.deck_id, r.item_id, r.mode, r.answered_at, r.score,
                        r.rating, r.hints, r.confidence, r.duration, r.skipped, r.answer, \(LatestRating.columns)
                    FROM reviews r JOIN learners l ON l.id = r.learner_id \(LatestRating.join)
                    WHERE 1 \(filter.sql)
                    ORDER BY l.name, r.answered_at, r.id
                    """,
                arguments: filter.arguments)
            var result: [ResultRow] = []
            var columns: ColumnIndexes?
            while let row = try rows.next() {
                if columns == nil { columns = ColumnIndexes(row) }
                let learner = CheckedRow(row, table: "learners", idColumn: "lid", columns: columns)
                let review = CheckedRow(row, table: "reviews", idColumn: "id", columns: columns)
                result.append(
                    ResultRow(
                        learner: try learner.learnerName("name"), deck: try review.text("deck_id"),
                        item: try review.text("item_id"), mode: try review.mode("mode"),
                        answeredAt: Microseconds.date(try review.time("answered_at")),
                        score: try review.score("score"), rating: try LatestRating.read(row, review: review),
                        hints: try review.count("hints"), confidence: try review.confidence("confidence"),
                        duration: try review.duration("duration"), skipped: try review.flag("skipped"),
                        answer: try review.text("answer")))
            }
            return result
        }
    }

    /// One line per learner: answers, mean score and time spent, with the same filters as
    /// ``results(deck:learners:since:)``. Learners without matching answers are listed
    /// with zero, so a teacher sees who has not started.
    package func summary(deck: String?, learners: [String], since: Date?) throws -> [LearnerTotals] {
        let filter = ResultsFilter(deck: deck, learners: learners, since: since)
        let learnerFilter = filter.learnerSQL
        return try read(empty: []) { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT l.id, l.name, COUNT(r.id) AS answers, AVG(r.score) AS mean,
                        COALESCE(SUM(r.duration), 0) AS total,
                        SUM(r.id IS NOT NULL AND (typeof(r.score) NOT IN ('integer', 'real')
                            OR r.score NOT BETWEEN 0 AND 1 OR typeof(r.duration) NOT IN ('integer', 'real')
                            OR r.duration NOT BETWEEN 0 AND 31536000
                            OR typeof(r.answered_at) != 'integer' OR r.answered_at NOT BETWEEN 0 AND ?)) AS bad
                    FROM learners l LEFT JOIN reviews r ON r.learner_id = l.id \(filter.reviewSQL)
                    WHERE 1 \(learnerFilter)
                    GROUP BY l.id ORDER BY l.name
                    """,
                arguments: [CheckedRow.timeRange.upperBound] + filter.reviewArguments + filter.learnerArguments)
            var totals: [LearnerTotals] = []
            while let row = try rows.next() {
                let learner = CheckedRow(row, table: "learners", idColumn: "id")
                let id = try learner.id("id")
                if (row["bad"] as Int64?) ?? 0 > 0 {
                    throw try StoredTables.firstDamage(
                        in: db, StoredTables.reviews, filter: "learner_id = ?", arguments: [id],
                        otherwise: RowDamage(
                            table: "reviews", row: "of learner \(id)", column: "score",
                            problem: "is not a score from 0 to 1"))
                }
                totals.append(
                    LearnerTotals(
                        learner: try learner.learnerName("name"), answers: try learner.count("answers"),
                        meanScore: try learner.optionalReal("mean", in: 0...1, expected: "a mean score"),
                        totalTime: try learner.real(
                            "total", in: 0...Double.greatestFiniteMagnitude, expected: "seconds")))
            }
            return totals
        }
    }
}

/// The `WHERE` pieces shared by results and summary.
private struct ResultsFilter {
    var reviewSQL = ""
    var reviewArguments = StatementArguments()
    var learnerSQL = ""
    var learnerArguments = StatementArguments()

    init(deck: String?, learners: [String], since: Date?) {
        if let deck {
            reviewSQL += " AND r.deck_id = ?"
            reviewArguments += [deck]
        }
        if let since {
            reviewSQL += " AND r.answered_at >= ?"
            reviewArguments += [Microseconds.since1970(since)]
        }
        if !learners.isEmpty {
            let marks = Array(repeating: "?", count: learners.count).joined(separator: ", ")
            learnerSQL = " AND l.name IN (\(marks))"
            learnerArguments = StatementArguments(learners)
        }
    }

    var sql: String { reviewSQL + learnerSQL }
    var arguments: StatementArguments { reviewArguments + learnerArguments }
}
