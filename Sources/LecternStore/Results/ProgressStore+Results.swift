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
    public func results(deck: String?, learners: [String], since: Date?) throws -> [ResultRow] {
        let filter = ResultsFilter(deck: deck, learners: learners, since: since)
        return try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT l.name, r.deck_id, r.item_id, r.mode, r.answered_at, r.score, r.rating,
                        r.hints, r.confidence, r.duration, r.skipped, r.answer
                    FROM answers r JOIN learners l ON l.id = r.learner_id
                    WHERE 1 \(filter.sql)
                    ORDER BY l.name, r.answered_at, r.id
                    """,
                arguments: filter.arguments)
            var result: [ResultRow] = []
            while let row = try rows.next() {
                result.append(
                    ResultRow(
                        learner: row[0], deck: row[1], item: row[2],
                        mode: AnswerRecord.Mode(rawValue: row[3]) ?? .study,
                        answeredAt: StoredTime.date(row[4]), score: row[5],
                        rating: Rating(rawValue: row[6]) ?? .again, hints: row[7],
                        confidence: row[8], duration: row[9], skipped: row[10], answer: row[11]))
            }
            return result
        }
    }

    /// One line per learner: answers, mean score and time spent, with the same filters as
    /// ``results(deck:learners:since:)``. Learners without matching answers are listed
    /// with zero, so a teacher sees who has not started.
    public func summary(deck: String?, learners: [String], since: Date?) throws -> [LearnerTotals] {
        let filter = ResultsFilter(deck: deck, learners: learners, since: since)
        let learnerFilter = filter.learnerSQL
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l.name, COUNT(r.id), AVG(r.score), COALESCE(SUM(r.duration), 0)
                    FROM learners l LEFT JOIN reviews r ON r.learner_id = l.id \(filter.reviewSQL)
                    WHERE 1 \(learnerFilter)
                    GROUP BY l.id ORDER BY l.name
                    """,
                arguments: filter.reviewArguments + filter.learnerArguments
            ).map { row in
                LearnerTotals(
                    learner: row[0], answers: row[1], meanScore: row[2], totalTime: row[3])
            }
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
            reviewArguments += [StoredTime.micros(since)]
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
