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

    static func read(_ row: Row, review: CheckedRow) throws(RowDamage) -> Rating {
        let changeID = review.value("change_id")
        if changeID.isNull { return try review.rating("rating") }
        let change = CheckedRow(
            row, table: "rating_changes", id: CheckedRow.describeID(changeID), aliases: ["change_rating": "rating"])
        return try change.rating("change_rating")
    }
}
