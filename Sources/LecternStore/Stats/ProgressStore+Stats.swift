import Foundation
import GRDB
import LecternCore

extension ProgressStore {
    /// Statistics for `learner`, limited to `deck` when given, measured against the current
    /// `decks` and the local days of `calendar`.
    package func stats(
        learner: String, decks: [Deck], deck: String? = nil, now: Date,
        calendar: Calendar = .current
    ) throws -> Stats {
        let empty: ([StatsAnswer], [CardTiming]) = ([], [])
        let (answers, cards) = try read(empty: empty) { db -> ([StatsAnswer], [CardTiming]) in
            guard let learnerID = try learnerID(named: learner, in: db) else { return ([], []) }
            let changes = try LatestRating.latestChanges(learnerID: learnerID, in: db)
            var arguments: StatementArguments = [learnerID]
            var deckFilter = ""
            if let deck {
                deckFilter = " AND deck_id = ?"
                arguments += [deck]
            }
            var answers: [StatsAnswer] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.id, r.deck_id, r.item_id, r.mode, \(CheckedRow.modeCodeSQL) AS mode_code,
                        r.answered_at, r.rating, r.confidence
                    FROM reviews r
                    WHERE r.learner_id = ?\(deckFilter.replacingOccurrences(of: "deck_id", with: "r.deck_id"))
                    ORDER BY r.answered_at, r.id
                    """,
                arguments: arguments)
            var columns: ColumnIndexes?
            while let row = try rows.next() {
                if columns == nil { columns = ColumnIndexes(row) }
                let review = CheckedRow(row, table: "reviews", idColumn: "id", columns: columns)
                answers.append(
                    StatsAnswer(
                        ref: ItemRef(deckID: try review.text("deck_id"), itemID: try review.text("item_id")),
                        mode: try review.mode(code: "mode_code", text: "mode"),
                        answeredAt: try review.time("answered_at"),
                        rating: try changes[try review.id("id")] ?? review.rating("rating"),
                        confidence: try review.confidence("confidence")))
            }
            let cards = try Self.cardTimings(db, where: "learner_id = ?\(deckFilter)", arguments: arguments)
            return (answers, cards)
        }
        return StatsCalculator.compute(
            learner: learner, deckID: deck, decks: decks, answers: answers, cards: cards,
            now: now, calendar: calendar)
    }
}
