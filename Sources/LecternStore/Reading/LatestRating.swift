import GRDB
import LecternCore

/// Reads an answer's rating as it stands now: the newest row of `rating_changes` for the
/// review when there is one, else the review's own rating.
///
/// Readers join the change row themselves instead of reading the `answers` view, so that a
/// bad rating is reported against the table and row it is really in.
enum LatestRating {
    /// Join this after `FROM reviews r`.
    static let join = """
        LEFT JOIN rating_changes c ON c.id = (SELECT MAX(id) FROM rating_changes WHERE review_id = r.id)
        """
    /// Select these beside the review's own `rating`.
    static let columns = "c.id AS change_id, c.rating AS change_rating"

    /// The latest rating change of each of a learner's reviews, read in one pass: for a
    /// reader of every answer this is cheaper than a correlated subquery per answer, and
    /// only answers rated again with `:easy`/`:hard` have one.
    static func latestChanges(learnerID: Int64, in db: Database) throws -> [Int64: Rating] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c.review_id, c.rating FROM rating_changes c JOIN reviews r ON r.id = c.review_id
                WHERE r.learner_id = ? ORDER BY c.id
                """,
            arguments: [learnerID])
        var latest: [Int64: Rating] = [:]
        while let row = try rows.next() {
            let change = CheckedRow(row, table: "rating_changes", idColumn: "id")
            latest[try change.id("review_id")] = try change.rating("rating")
        }
        return latest
    }

    static func read(_ row: Row, review: CheckedRow) throws(RowDamage) -> Rating {
        let changeID = review.value("change_id")
        if changeID.isNull { return try review.rating("rating") }
        let change = CheckedRow(
            row, table: "rating_changes", id: CheckedRow.describeID(changeID), aliases: ["change_rating": "rating"])
        return try change.rating("change_rating")
    }
}
