import Foundation
import GRDB

extension ProgressStore {
    /// The learner with this name, created on first use.
    ///
    /// Names are kept exactly as given apart from surrounding spaces; an empty name is refused.
    public func learner(named name: String) throws -> Learner {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ProgressStoreError.invalidLearnerName(name) }
        let createdAt = StoredTime.micros(clock())
        return try pool.write { db in
            try db.execute(
                sql:
                    """
                    INSERT INTO learners (name, created_at) VALUES (?, ?)
                    ON CONFLICT (name) DO NOTHING
                    """,
                arguments: [trimmed, createdAt])
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM learners WHERE name = ?", arguments: [trimmed])
            return Learner(id: id!, name: trimmed)
        }
    }

    /// Every learner on this file, by name, with how many answers they gave and when last.
    public func learners() throws -> [LearnerActivity] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l.name, COUNT(r.id) AS answers, MAX(r.answered_at) AS last
                    FROM learners l LEFT JOIN reviews r ON r.learner_id = l.id
                    GROUP BY l.id ORDER BY l.name
                    """
            ).map { row in
                LearnerActivity(
                    name: row["name"], answers: row["answers"],
                    lastActivity: (row["last"] as Int64?).map(StoredTime.date))
            }
        }
    }

    /// The id of an existing learner, without creating one: reading never adds learners.
    func learnerID(named name: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT id FROM learners WHERE name = ?",
            arguments: [name.trimmingCharacters(in: .whitespacesAndNewlines)])
    }
}
