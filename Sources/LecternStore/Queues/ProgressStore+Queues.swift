import Foundation
import GRDB
package import LecternCore

extension ProgressStore {
    /// See ``ProgressStorage/cardTimings(learner:deckIDs:)``.
    package func cardTimings(learner: String, deckIDs: [String]) throws -> [CardTiming] {
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
