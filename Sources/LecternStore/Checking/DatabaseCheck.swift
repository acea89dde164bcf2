import Foundation
import GRDB
package import LecternCore

/// `lectern db check`: everything that can be wrong with a progress file, found by reading
/// only. The file is never created, migrated or repaired here.
package enum DatabaseCheck {
    /// What the check found.
    package struct Report: Sendable, Equatable {
        package var path: String
        /// False when there is no file (or an empty one): nothing to check.
        package var fileExists: Bool
        package var learners = 0
        package var answers = 0
        package var cards = 0
        /// One line per problem, in a stable order: integrity, schema, rows, cards.
        package var problems: [String] = []

        package var isClean: Bool { problems.isEmpty }

        package init(path: String, fileExists: Bool) {
            self.path = path
            self.fileExists = fileExists
        }

        /// The text `db check` prints.
        package var text: String {
            guard fileExists else { return "ok: no progress database at \(path) yet; nothing to check\n" }
            if problems.isEmpty {
                return "ok: \(path): \(learners) learners, \(answers) answers, \(cards) cards; "
                    + "integrity ok, review log append-only, every card matches its log\n"
            }
            let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
            return "\(path): \(count)\n" + problems.map { "  " + $0 + "\n" }.joined()
        }
    }

    /// The triggers that keep the log append-only (migrations v2 and v4).
    static let appendOnlyTriggers = [
        "reviews_never_updated", "reviews_never_deleted", "rating_changes_never_updated",
        "rating_changes_never_deleted",
    ]

    /// Checks the file at `path`. Throws only when the file cannot be read as a Lectern
    /// database at all (not SQLite, someone else's, newer than this build).
    package static func run(path: String, scheduler: FSRSScheduler = FSRSScheduler()) throws -> Report {
        var report = Report(path: path, fileExists: true)
        let state: StoreFile.State
        do {
            state = try StoreFile.inspect(path, recovering: false)
        } catch let error as DatabaseError {
            throw ProgressStoreError.cannotOpen(
                path: path,
                reason: "\(ProgressStore.reason(error)); if a write was interrupted, run any lectern command "
                    + "that records an answer to let SQLite finish it, then check again")
        }
        guard state == .current || state == .older else {
            report.fileExists = false
            return report
        }
        let queue = try StoreFile.openForReading(path)
        defer { try? queue.close() }
        try queue.read { db in
            report.problems += try integrityProblems(db)
            if state == .older {
                let applied = try StoreFile.appliedMigrations(db, path: path)
                let missing = StoreSchema.migrator.migrations.filter { !applied.contains($0) }
                report.problems.append(
                    "schema: older than this Lectern (missing \(missing.joined(separator: ", "))); "
                        + "any lectern command that records an answer upgrades it")
                return
            }
            report.problems += try triggerProblems(db)
            for table in StoredTables.all {
                report.problems += try StoredTables.damages(in: db, table).map(\.description)
            }
            report.problems += try orphanProblems(db)
            report.problems += try cardProblems(db, scheduler: scheduler)
            report.learners = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM learners") ?? 0
            report.answers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviews") ?? 0
            report.cards = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cards") ?? 0
        }
        return report
    }

    /// SQLite's own check of pages, indexes and constraints.
    static func integrityProblems(_ db: Database) throws -> [String] {
        let lines = try Row.fetchAll(db, sql: "PRAGMA integrity_check").map { row -> String in
            let value = CheckedRow.value(row, "integrity_check")
            if case .string(let text) = value.storage { return text }
            return CheckedRow.describe(value)
        }
        if lines == ["ok"] { return [] }
        return lines.map { "integrity: " + CheckedRow.shortened($0) }
    }

    /// Each append-only trigger must exist and still refuse the change.
    static func triggerProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        for name in appendOnlyTriggers {
            let row = try Row.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [name])
            let sql = row.map { CheckedRow.value($0, "sql") }
            guard case .string(let text) = sql?.storage, text.uppercased().contains("RAISE(ABORT") else {
                let table = name.hasPrefix("reviews") ? "reviews" : "rating_changes"
                problems.append(
                    "trigger \(name) is missing or changed: the \(table) log is no longer append-only")
                continue
            }
        }
        return problems
    }

    /// Rows that point at rows that are not there (possible with foreign keys turned off).
    static func orphanProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let reviews = try Row.fetchAll(
            db,
            sql: """
                SELECT r.id, r.learner_id FROM reviews r
                WHERE typeof(r.learner_id) = 'integer' AND NOT EXISTS (SELECT 1 FROM learners l WHERE l.id = r.learner_id)
                ORDER BY r.id
                """)
        for row in reviews {
            let value = CheckedRow.value(row, "learner_id")
            problems.append(
                "table reviews, row \(CheckedRow.describeID(CheckedRow.value(row, "id"))): learner_id "
                    + "\(CheckedRow.describe(value)) names no learner")
        }
        let changes = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.review_id FROM rating_changes c
                WHERE typeof(c.review_id) = 'integer' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.id = c.review_id)
                ORDER BY c.id
                """)
        for row in changes {
            problems.append(
                "table rating_changes, row \(CheckedRow.describeID(CheckedRow.value(row, "id"))): review_id "
                    + "\(CheckedRow.describe(CheckedRow.value(row, "review_id"))) names no review")
        }
        return problems
    }

    private struct CardKey: Hashable, Comparable {
        var learnerID: Int64
        var deckID: String
        var itemID: String

        static func < (lhs: CardKey, rhs: CardKey) -> Bool {
            (lhs.learnerID, lhs.deckID, lhs.itemID) < (rhs.learnerID, rhs.deckID, rhs.itemID)
        }

        var rowName: String { StoredCard.rowName(learnerID: learnerID, deckID: deckID, itemID: itemID) }
    }

    /// Each stored card must be exactly the card its study and review answers give when
    /// replayed through the scheduler. Cards whose answers or row are damaged are already
    /// reported and are not compared.
    static func cardProblems(_ db: Database, scheduler: FSRSScheduler) throws -> [String] {
        var derived: [CardKey: CardState] = [:]
        var underivable = Set<CardKey>()
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.id, r.learner_id, r.deck_id, r.item_id, r.answered_at, r.rating, \(LatestRating.columns)
                FROM reviews r \(LatestRating.join)
                WHERE r.mode IN \(StoredTables.schedulingModesSQL)
                ORDER BY r.learner_id, r.deck_id, r.item_id, r.id
                """)
        while let row = try rows.next() {
            let review = CheckedRow(row, table: "reviews", idColumn: "id")
            guard let learnerID = try? review.id("learner_id"), let deckID = try? review.text("deck_id"),
                let itemID = try? review.text("item_id")
            else { continue }
            let key = CardKey(learnerID: learnerID, deckID: deckID, itemID: itemID)
            guard !underivable.contains(key), let answeredAt = try? review.time("answered_at"),
                let rating = try? LatestRating.read(row, review: review)
            else {
                underivable.insert(key)
                derived[key] = nil
                continue
            }
            let at = Microseconds.date(answeredAt)
            derived[key] = StoredCard.roundTripped(
                scheduler.review(derived[key] ?? CardState.new(now: at), rating: rating, at: at))
        }
        var problems: [String] = []
        var stored = Set<CardKey>()
        let cards = try Row.fetchAll(
            db,
            sql:
                "SELECT learner_id, deck_id, item_id, \(StoredCard.columns) FROM cards ORDER BY learner_id, deck_id, item_id"
        )
        for row in cards {
            let checked = StoredTables.cards.checkedRow(row)
            guard let learnerID = try? checked.id("learner_id"), let deckID = try? checked.text("deck_id"),
                let itemID = try? checked.text("item_id")
            else { continue }
            let key = CardKey(learnerID: learnerID, deckID: deckID, itemID: itemID)
            stored.insert(key)
            guard let state = try? StoredCard.state(from: checked), !underivable.contains(key) else { continue }
            guard let expected = derived[key] else {
                problems.append("table cards, row \(key.rowName): no study or review answer in the log gives this card")
                continue
            }
            let differences = differences(stored: state, derived: expected)
            if !differences.isEmpty {
                problems.append(
                    "table cards, row \(key.rowName): differs from the card its answers give ("
                        + differences.joined(separator: "; ") + ")")
            }
        }
        for key in derived.keys.sorted() where !stored.contains(key) && !underivable.contains(key) {
            problems.append("table cards, row \(key.rowName): missing, though the log has answers for it")
        }
        return problems
    }

    /// `reps is 5, the log gives 3` for each field that differs.
    package static func differences(stored: CardState, derived: CardState) -> [String] {
        var lines: [String] = []
        func compare<T: Equatable>(_ name: String, _ left: T, _ right: T, _ show: (T) -> String) {
            if left != right { lines.append("\(name) is \(show(left)), the log gives \(show(right))") }
        }
        let time: (Date) -> String = { UTCTimestamp.seconds($0) }
        compare("phase", stored.phase, derived.phase) { $0.rawValue }
        compare("step", stored.step, derived.step) { $0.map(String.init) ?? "none" }
        compare("stability", stored.stability, derived.stability) { $0.map { "\($0)" } ?? "none" }
        compare("difficulty", stored.difficulty, derived.difficulty) { $0.map { "\($0)" } ?? "none" }
        compare("due", Microseconds.since1970(stored.due), Microseconds.since1970(derived.due)) {
            time(Microseconds.date($0))
        }
        compare(
            "last_review", stored.lastReview.map(Microseconds.since1970), derived.lastReview.map(Microseconds.since1970)
        ) {
            $0.map { time(Microseconds.date($0)) } ?? "none"
        }
        compare("reps", stored.reps, derived.reps) { "\($0)" }
        compare("lapses", stored.lapses, derived.lapses) { "\($0)" }
        return lines
    }
}
