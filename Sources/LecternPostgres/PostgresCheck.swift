import LecternCore
package import LecternStore
import PostgresNIO

/// `lectern db check` on a PostgreSQL store: by reading only, in one read-only
/// transaction, everything that can be wrong there.
///
/// The server enforces column types, keys and CHECKs itself, so what is left to check is
/// what someone with the right to alter the schema could have broken: the append-only
/// triggers, learner names Lectern would not write, and cards that no longer match the
/// log they are derived from.
package enum PostgresCheck {
    /// The triggers of migrations v2 and v4, each of which must exist and be enabled.
    static let appendOnlyTriggers = [
        ("reviews", "reviews_never_updated"), ("reviews", "reviews_never_deleted"),
        ("reviews", "reviews_never_truncated"), ("rating_changes", "rating_changes_never_updated"),
        ("rating_changes", "rating_changes_never_deleted"), ("rating_changes", "rating_changes_never_truncated"),
    ]

    package static func run(_ store: PostgresStore) throws -> DatabaseCheck.Report {
        var report = DatabaseCheck.Report(path: store.location, fileExists: true)
        let state = try store.transaction(readOnly: true) { session in
            try PostgresStore.state(session, location: store.location)
        }
        switch state {
        case .absent:
            report.fileExists = false
            return report
        case .older:
            report.problems.append(
                "schema: older than this Lectern; any lectern command that records an answer upgrades it")
            return report
        case .current:
            break
        }
        try store.transaction(readOnly: true) { session in
            report.problems += try triggerProblems(session)
            report.problems += try nameProblems(session)
            report.problems += try cardProblems(session, scheduler: store.scheduler)
            let counts = try session.query(
                """
                SELECT (SELECT count(*) FROM learners) AS learners, (SELECT count(*) FROM reviews) AS answers,
                    (SELECT count(*) FROM cards) AS cards
                """)
            if let row = counts.first {
                let cells = PostgresCells(row, table: "counts")
                report.learners = try cells.count("learners")
                report.answers = try cells.count("answers")
                report.cards = try cells.count("cards")
            }
        }
        return report
    }

    static func triggerProblems(_ session: PostgresLink.Session) throws -> [String] {
        let rows = try session.query(
            """
            SELECT c.relname::text AS table_name, t.tgname::text AS name, t.tgenabled::text AS enabled
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
            """)
        var enabled: Set<String> = []
        for row in rows {
            let cells = PostgresCells(row, table: "pg_trigger")
            if try cells.text("enabled") != "D" {
                enabled.insert("\(try cells.text("table_name"))/\(try cells.text("name"))")
            }
        }
        return appendOnlyTriggers.filter { !enabled.contains("\($0.0)/\($0.1)") }.map { table, name in
            "trigger \(name) is missing or disabled: the \(table) log is no longer append-only"
        }
    }

    static func nameProblems(_ session: PostgresLink.Session) throws -> [String] {
        try session.query("SELECT id, name FROM learners ORDER BY id").compactMap { row in
            var cells = PostgresCells(row, table: "learners")
            cells.rowName = "\(try cells.id("id"))"
            guard let problem = LearnerName.problem(try cells.text("name")) else { return nil }
            return cells.damage("name", problem).description
        }
    }

    /// Each stored card must be exactly what its study and review answers give.
    static func cardProblems(_ session: PostgresLink.Session, scheduler: FSRSScheduler) throws -> [String] {
        var derived: [String: CardState] = [:]
        var order: [String] = []
        let reviews = try session.query(
            """
            SELECT r.id, r.learner_id, r.deck_id, r.item_id, r.answered_at, r.rating, \(PostgresStore.latestRatingColumn)
            FROM reviews r WHERE r.mode = ANY($1)
            ORDER BY r.learner_id, r.deck_id, r.item_id, r.id
            """, [.texts(PostgresStore.schedulingModes)])
        for row in reviews {
            var review = PostgresCells(row, table: "reviews")
            review.rowName = "\(try review.id("id"))"
            let key = cardName(
                learnerID: try review.id("learner_id"), deckID: try review.text("deck_id"),
                itemID: try review.text("item_id"))
            let at = Microseconds.date(try review.time("answered_at"))
            if derived[key] == nil { order.append(key) }
            derived[key] = PostgresStore.roundTripped(
                scheduler.review(
                    derived[key] ?? CardState.new(now: at), rating: try PostgresStore.latestRating(review), at: at))
        }
        var problems: [String] = []
        var stored: Set<String> = []
        let cards = try session.query(
            """
            SELECT learner_id, deck_id, item_id, \(PostgresCells.cardColumns) FROM cards
            ORDER BY learner_id, deck_id, item_id
            """)
        for row in cards {
            var cells = PostgresCells(row, table: "cards")
            let key = cardName(
                learnerID: try cells.id("learner_id"), deckID: try cells.text("deck_id"),
                itemID: try cells.text("item_id"))
            cells.rowName = key
            stored.insert(key)
            let state = try cells.card()
            guard let expected = derived[key] else {
                problems.append("table cards, row \(key): no study or review answer in the log gives this card")
                continue
            }
            let differences = DatabaseCheck.differences(stored: state, derived: expected)
            if !differences.isEmpty {
                problems.append(
                    "table cards, row \(key): differs from the card its answers give ("
                        + differences.joined(separator: "; ") + ")")
            }
        }
        for key in order where !stored.contains(key) {
            problems.append("table cards, row \(key): missing, though the log has answers for it")
        }
        return problems
    }

    static func cardName(learnerID: Int64, deckID: String, itemID: String) -> String {
        "learner \(learnerID), deck \(TerminalText.safeLine(deckID)), item \(TerminalText.safeLine(itemID))"
    }
}
