import GRDB
import LecternCore

/// Every column of every table, with the check each value must pass: what `db check` runs
/// over whole tables, and what a reader runs to find the row behind a bad aggregate.
enum StoredTables {
    /// `('study', 'review')`: the modes whose answers move a card, as an SQL list, written from
    /// ``AnswerRecord/Mode/movesSchedule`` (the values are the enum's own names, never input).
    /// The v3 migration keeps its own literal list: a migration must stay what it was.
    static let schedulingModesSQL =
        "(" + AnswerRecord.Mode.schedulingModes.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    struct Table: Sendable {
        var name: String
        /// The columns that name a row in a report, selected first.
        var key: [String]
        var checks: [(column: String, check: @Sendable (CheckedRow) throws -> Void)]

        func checkedRow(_ row: Row, columns: ColumnIndexes? = nil) -> CheckedRow {
            if key.count == 1 { return CheckedRow(row, table: name, idColumn: key[0], columns: columns) }
            return CheckedRow(row, table: name, identity: .keys(key), columns: columns)
        }

        /// What is wrong with `row`, one entry per bad column.
        func damages(of row: Row) -> [RowDamage] {
            let checked = checkedRow(row)
            return checks.compactMap { entry in
                do {
                    try entry.check(checked)
                    return nil
                } catch let damage as RowDamage {
                    return damage
                } catch {
                    return RowDamage(table: name, row: checked.id, column: entry.column, problem: "\(error)")
                }
            }
        }
    }

    static let learners = Table(
        name: "learners", key: ["id"],
        checks: [
            ("id", { _ = try $0.id("id") }),
            ("name", { _ = try $0.strictLearnerName("name") }),
            ("created_at", { _ = try $0.time("created_at") }),
        ])

    static let reviews = Table(
        name: "reviews", key: ["id"],
        checks: [
            ("id", { _ = try $0.id("id") }),
            ("learner_id", { _ = try $0.id("learner_id") }),
            ("deck_id", { _ = try $0.text("deck_id") }),
            ("item_id", { _ = try $0.text("item_id") }),
            ("mode", { _ = try $0.mode("mode") }),
            ("answered_at", { _ = try $0.time("answered_at") }),
            ("answer", { _ = try $0.text("answer") }),
            ("score", { _ = try $0.score("score") }),
            ("rating", { _ = try $0.rating("rating") }),
            ("hints", { _ = try $0.count("hints") }),
            ("confidence", { _ = try $0.confidence("confidence") }),
            ("duration", { _ = try $0.duration("duration") }),
            ("skipped", { _ = try $0.flag("skipped") }),
            ("uid", { _ = try $0.reviewUID("uid") }),
        ])

    static let ratingChanges = Table(
        name: "rating_changes", key: ["id"],
        checks: [
            ("id", { _ = try $0.id("id") }),
            ("review_id", { _ = try $0.id("review_id") }),
            ("rating", { _ = try $0.rating("rating") }),
            ("changed_at", { _ = try $0.time("changed_at") }),
        ])

    static let cards = Table(
        name: "cards", key: ["learner_id", "deck_id", "item_id"],
        checks: [
            ("learner_id", { _ = try $0.id("learner_id") }),
            ("deck_id", { _ = try $0.text("deck_id") }),
            ("item_id", { _ = try $0.text("item_id") }),
            ("phase", { _ = try $0.phase() }),
            ("step", { _ = try $0.step() }),
            ("stability", { _ = try $0.stability() }),
            ("difficulty", { _ = try $0.difficulty() }),
            ("due", { _ = try $0.time("due") }),
            ("last_review", { _ = try $0.optionalTime("last_review") }),
            ("reps", { _ = try $0.count("reps") }),
            ("lapses", { _ = try $0.count("lapses") }),
            ("first_seen_at", { _ = try $0.optionalTime("first_seen_at") }),
        ])

    static let all = [learners, reviews, ratingChanges, cards]

    /// Damaged rows of `table` matching `filter` (an SQL condition), in key order.
    static func damages(
        in db: Database, _ table: Table, filter: String = "1", arguments: StatementArguments = [],
        limit: Int = .max
    ) throws -> [RowDamage] {
        let keys = table.key.joined(separator: ", ")
        let rows = try Row.fetchCursor(
            db, sql: "SELECT * FROM \(table.name) WHERE \(filter) ORDER BY \(keys)", arguments: arguments)
        var found: [RowDamage] = []
        while found.count < limit, let row = try rows.next() {
            found += table.damages(of: row).prefix(limit - found.count)
        }
        return found
    }

    /// The first damaged row behind a bad aggregate, or a damage naming the aggregate when
    /// no single row is to blame.
    static func firstDamage(
        in db: Database, _ table: Table, filter: String, arguments: StatementArguments, otherwise: RowDamage
    ) throws -> RowDamage {
        try damages(in: db, table, filter: filter, arguments: arguments, limit: 1).first ?? otherwise
    }
}

extension CheckedRow {
    /// A score: 0 to 1, partial credit included.
    func score(_ column: String) throws(RowDamage) -> Double {
        try real(column, in: 0...1, expected: "a score from 0 to 1")
    }

    /// Seconds spent on a question: at most a year, so sums stay meaningful.
    func duration(_ column: String) throws(RowDamage) -> Double {
        try real(column, in: 0...31_536_000, expected: "a duration in seconds")
    }

    /// A review's globally unique id (migration v6): a lower-case UUID.
    /// Empty (NULL) is accepted: a row another program added without one is still an
    /// answer; only a malformed id is damage.
    func reviewUID(_ column: String) throws(RowDamage) -> String? {
        if value(column).isNull { return nil }
        let text = try text(column)
        guard ReviewUID.isValid(text) else {
            throw damage(column, value(column), expected: "a review id (a lower-case UUID)")
        }
        return text
    }

    /// A short rendering of a key value for a row name.
    static func shortenedValue(_ value: DatabaseValue) -> String {
        if case .string(let text) = value.storage { return shortened(text) }
        return describe(value)
    }
}
