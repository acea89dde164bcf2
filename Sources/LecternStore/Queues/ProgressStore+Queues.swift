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
    package func dueQueue(
        learner: String, decks: [Deck], now: Date, newLimit: Int = 20,
        calendar: Calendar = .current
    ) throws -> [ItemRef] {
        let cards = try cardTimings(learner: learner, deckIDs: decks.map(\.id))
        return QueuePlanner.queue(
            decks: decks, cards: cards, now: Microseconds.since1970(now),
            startOfDay: Microseconds.since1970(calendar.startOfDay(for: now)), newLimit: newLimit)
    }

    /// New and due counts per deck id, for the `decks` listing.
    package func counts(learner: String, decks: [Deck], now: Date) throws -> [String: DeckCounts] {
        let cards = try cardTimings(learner: learner, deckIDs: decks.map(\.id))
        return QueuePlanner.counts(decks: decks, cards: cards, now: Microseconds.since1970(now))
    }

    func cardTimings(learner: String, deckIDs: [String]) throws -> [CardTiming] {
        let deckIDs = Array(Set(deckIDs))
        guard !deckIDs.isEmpty else { return [] }
        return try read(empty: []) { db in
            guard let learnerID = try learnerID(named: learner, in: db) else { return [] }
            let marks = Array(repeating: "?", count: deckIDs.count).joined(separator: ", ")
            var arguments: StatementArguments = [learnerID]
            arguments += StatementArguments(deckIDs)
            return try Self.cardTimings(
                db, where: "learner_id = ? AND deck_id IN (\(marks))", arguments: arguments)
        }
    }

    /// The due and first-seen times of the cards matching `condition`, every value checked.
    static func cardTimings(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [CardTiming]
    {
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT learner_id, deck_id, item_id, due, first_seen_at FROM cards WHERE \(condition)",
            arguments: arguments)
        var timings: [CardTiming] = []
        var columns: ColumnIndexes?
        while let row = try rows.next() {
            if columns == nil { columns = ColumnIndexes(row) }
            let card = StoredTables.cards.checkedRow(row, columns: columns)
            timings.append(
                CardTiming(
                    ref: ItemRef(deckID: try card.text("deck_id"), itemID: try card.text("item_id")),
                    due: try card.time("due"), firstSeenAt: try card.optionalTime("first_seen_at") ?? 0))
        }
        return timings
    }
}
