import Foundation
import GRDB
import LecternCore

extension ProgressStore {
    /// What `learner` should study next in `decks`: due items, most overdue first, then new
    /// items in deck order up to today's remaining new-item allowance.
    ///
    /// "Today" starts at midnight in `calendar`'s time zone; the allowance is `newLimit`
    /// minus the items of these decks first studied since then. An unknown learner has no
    /// cards, so gets only new items.
    public func dueQueue(
        learner: String, decks: [Deck], now: Date, newLimit: Int = 20,
        calendar: Calendar = .current
    ) throws -> [ItemRef] {
        let cards = try cardTimings(learner: learner, deckIDs: decks.map(\.id))
        return QueuePlanner.queue(
            decks: decks, cards: cards, now: StoredTime.micros(now),
            startOfDay: StoredTime.micros(calendar.startOfDay(for: now)), newLimit: newLimit)
    }

    /// New and due counts per deck id, for the `decks` listing.
    public func counts(learner: String, decks: [Deck], now: Date) throws -> [String: DeckCounts] {
        let cards = try cardTimings(learner: learner, deckIDs: decks.map(\.id))
        return QueuePlanner.counts(decks: decks, cards: cards, now: StoredTime.micros(now))
    }

    func cardTimings(learner: String, deckIDs: [String]) throws -> [CardTiming] {
        let deckIDs = Array(Set(deckIDs))
        guard !deckIDs.isEmpty else { return [] }
        return try pool.read { db in
            guard let learnerID = try learnerID(named: learner, in: db) else { return [] }
            let marks = Array(repeating: "?", count: deckIDs.count).joined(separator: ", ")
            var arguments: StatementArguments = [learnerID]
            arguments += StatementArguments(deckIDs)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT deck_id, item_id, due, first_seen_at FROM cards
                    WHERE learner_id = ? AND deck_id IN (\(marks))
                    """,
                arguments: arguments)
            var timings: [CardTiming] = []
            while let row = try rows.next() {
                timings.append(
                    CardTiming(
                        ref: ItemRef(deckID: row[0], itemID: row[1]), due: row[2],
                        firstSeenAt: row[3] ?? 0))
            }
            return timings
        }
    }
}
