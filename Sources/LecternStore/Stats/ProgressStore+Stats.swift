import Foundation
import GRDB
import LecternCore

extension ProgressStore {
    /// Statistics for `learner`, limited to `deck` when given, measured against the current
    /// `decks` and the local days of `calendar`.
    public func stats(
        learner: String, decks: [Deck], deck: String? = nil, now: Date,
        calendar: Calendar = .current
    ) throws -> Stats {
        let (answers, cards) = try pool.read { db -> ([StatsAnswer], [CardTiming]) in
            guard let learnerID = try learnerID(named: learner, in: db) else { return ([], []) }
            var arguments: StatementArguments = [learnerID]
            var deckFilter = ""
            if let deck {
                deckFilter = " AND deck_id = ?"
                arguments += [deck]
            }
            // Modes come back as small integers: tens of thousands of rows, no strings.
            let modes: [AnswerRecord.Mode] = [.study, .review, .drill, .exam]
            var answers: [StatsAnswer] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT deck_id, item_id,
                        CASE mode WHEN 'study' THEN 0 WHEN 'review' THEN 1 WHEN 'drill' THEN 2
                            ELSE 3 END,
                        answered_at, rating, confidence
                    FROM answers
                    WHERE learner_id = ?\(deckFilter) ORDER BY answered_at, id
                    """,
                arguments: arguments)
            while let row = try rows.next() {
                answers.append(
                    StatsAnswer(
                        ref: ItemRef(deckID: row[0], itemID: row[1]),
                        mode: modes[min(3, max(0, row[2] as Int))], answeredAt: row[3],
                        rating: Rating(rawValue: row[4]) ?? .again, confidence: row[5]))
            }
            var cards: [CardTiming] = []
            let cardRows = try Row.fetchCursor(
                db,
                sql:
                    """
                    SELECT deck_id, item_id, due, first_seen_at FROM cards
                    WHERE learner_id = ?\(deckFilter)
                    """,
                arguments: arguments)
            while let row = try cardRows.next() {
                cards.append(
                    CardTiming(
                        ref: ItemRef(deckID: row[0], itemID: row[1]), due: row[2],
                        firstSeenAt: row[3] ?? 0))
            }
            return (answers, cards)
        }
        return StatsCalculator.compute(
            learner: learner, deckID: deck, decks: decks, answers: answers, cards: cards,
            now: now, calendar: calendar)
    }
}
