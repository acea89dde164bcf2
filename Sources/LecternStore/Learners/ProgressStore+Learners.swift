import Foundation
import GRDB
import LecternCore

extension ProgressStore {
    /// The learner with this name, created on first use (the file too, when missing).
    ///
    /// Surrounding spaces are trimmed; a name ``LearnerName`` refuses is an error.
    package func learner(named name: String) throws -> Learner {
        let trimmed = try LearnerName.validated(name)
        let createdAt = Microseconds.since1970(clock())
        return try write { db in
            try db.execute(
                sql:
                    """
                    INSERT INTO learners (name, created_at) VALUES (?, ?)
                    ON CONFLICT (name) DO NOTHING
                    """,
                arguments: [trimmed, createdAt])
            guard let id = try learnerID(named: trimmed, in: db) else {
                throw ProgressStoreError.cannotOpen(path: path, reason: "learner '\(trimmed)' was not saved")
            }
            return Learner(id: id, name: trimmed)
        }
    }

    /// Every learner on this file, by name, with how many answers they gave and when last.
    package func learners() throws -> [LearnerActivity] {
        try read(empty: []) { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT l.id, l.name, l.created_at, COUNT(r.id) AS answers,
                        MAX(r.answered_at) AS last,
                        SUM(r.id IS NOT NULL
                            AND (typeof(r.answered_at) != 'integer' OR r.answered_at NOT BETWEEN 0 AND ?)) AS bad
                    FROM learners l LEFT JOIN reviews r ON r.learner_id = l.id
                    GROUP BY l.id ORDER BY l.name
                    """,
                arguments: [CheckedRow.timeRange.upperBound])
            var result: [LearnerActivity] = []
            while let row = try rows.next() {
                let learner = CheckedRow(row, table: "learners", idColumn: "id")
                let id = try learner.id("id")
                let name = try learner.learnerName("name")
                _ = try learner.time("created_at")
                if (row["bad"] as Int64?) ?? 0 > 0 {
                    throw try StoredTables.firstDamage(
                        in: db, StoredTables.reviews, filter: "learner_id = ?", arguments: [id],
                        otherwise: RowDamage(
                            table: "reviews", row: "of learner \(id)", column: "answered_at", problem: "is not a time"))
                }
                result.append(
                    LearnerActivity(
                        name: name, answers: try learner.count("answers"),
                        lastActivity: try learner.optionalTime("last").map(Microseconds.date)))
            }
            return result
        }
    }

    /// The id of an existing learner, without creating one: reading never adds learners.
    func learnerID(named name: String, in db: Database) throws -> Int64? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id FROM learners WHERE name = ?", arguments: [LearnerName.trimmed(name)])
        else { return nil }
        return try CheckedRow(row, table: "learners", idColumn: "id").id("id")
    }
}
