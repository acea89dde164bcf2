package import Foundation
package import LecternCore
package import LecternStore
import PostgresNIO

extension PostgresStore {
    /// Every learner, by name, with how many answers they gave and when last.
    package func learners() throws -> [LearnerActivity] {
        try read(empty: []) { session in
            try session.query(
                """
                SELECT l.id, l.name, l.created_at, COUNT(r.id) AS answers, MAX(r.answered_at) AS last
                FROM learners l LEFT JOIN reviews r ON r.learner_id = l.id
                GROUP BY l.id ORDER BY l.name COLLATE "C"
                """
            ).map { row in
                var learner = PostgresCells(row, table: "learners")
                learner.rowName = "\(try learner.id("id"))"
                _ = try learner.time("created_at")
                return LearnerActivity(
                    name: try learner.text("name"), answers: try learner.count("answers"),
                    lastActivity: try learner.optionalTime("last").map(Microseconds.date))
            }
        }
    }

    /// See ``ProgressStorage/cardTimings(learner:deckIDs:)``.
    package func cardTimings(learner: String, deckIDs: [String]) throws -> [CardTiming] {
        let deckIDs = Array(Set(deckIDs))
        guard !deckIDs.isEmpty else { return [] }
        return try read(empty: []) { session in
            guard let learnerID = try Self.learnerID(named: learner, session) else { return [] }
            return try Self.cardTimings(
                session, where: "learner_id = $1 AND deck_id = ANY($2)", [.integer(learnerID), .texts(deckIDs)])
        }
    }

    static func cardTimings(
        _ session: PostgresLink.Session, where condition: String, _ values: [PostgresValue]
    ) throws -> [CardTiming] {
        try session.query(
            "SELECT learner_id, deck_id, item_id, due, first_seen_at FROM cards WHERE \(condition)", values
        ).map { row in
            // By position first: reading each row by column name costs more than the query
            // on a large deck. A value the fast read cannot vouch for is read again by name,
            // checked, and reported as damage naming its row.
            if let (_, deckID, itemID, due, firstSeenAt) = try? row.decode((Int64, String, String, Int64, Int64?).self),
                PostgresCells.timeRange.contains(due), firstSeenAt.map(PostgresCells.timeRange.contains) ?? true
            {
                return CardTiming(ref: ItemRef(deckID: deckID, itemID: itemID), due: due, firstSeenAt: firstSeenAt ?? 0)
            }
            var card = PostgresCells(row, table: "cards")
            let ref = ItemRef(deckID: try card.text("deck_id"), itemID: try card.text("item_id"))
            card.rowName = "learner \(try card.id("learner_id")), deck \(ref.deckID), item \(ref.itemID)"
            return CardTiming(
                ref: ref, due: try card.time("due"), firstSeenAt: try card.optionalTime("first_seen_at") ?? 0)
        }
    }

    package func stats(
        learner: String, decks: [Deck], deck: String?, now: Date, calendar: Calendar
    ) throws -> Stats {
        let empty: ([StatsAnswer], [CardTiming]) = ([], [])
        let (answers, cards) = try read(empty: empty) { session -> ([StatsAnswer], [CardTiming]) in
            guard let learnerID = try Self.learnerID(named: learner, session) else { return ([], []) }
            var values: [PostgresValue] = [.integer(learnerID)]
            var deckFilter = ""
            if let deck {
                deckFilter = " AND deck_id = $2"
                values.append(.text(deck))
            }
            let answers = try session.query(
                """
                SELECT r.id, r.deck_id, r.item_id, r.mode, r.answered_at, r.rating, r.confidence,
                    \(Self.latestRatingColumn)
                FROM reviews r WHERE r.learner_id = $1\(deckFilter.replacingOccurrences(of: "deck_id", with: "r.deck_id"))
                ORDER BY r.answered_at, r.id
                """, values
            ).map { row in
                if let answer = Self.fastStatsAnswer(row) { return answer }
                var review = PostgresCells(row, table: "reviews")
                review.rowName = "\(try review.id("id"))"
                return StatsAnswer(
                    ref: ItemRef(deckID: try review.text("deck_id"), itemID: try review.text("item_id")),
                    mode: try review.mode("mode"), answeredAt: try review.time("answered_at"),
                    rating: try Self.latestRating(review), confidence: try review.confidence("confidence"))
            }
            let cards = try Self.cardTimings(session, where: "learner_id = $1\(deckFilter)", values)
            return (answers, cards)
        }
        return StatsCalculator.compute(
            learner: learner, deckID: deck, decks: decks, answers: answers, cards: cards, now: now, calendar: calendar)
    }

    /// One answer of the statistics read by position, or nil when any value is not one
    /// Lectern writes (then the caller reads it by name, which reports the damage).
    private static func fastStatsAnswer(_ row: PostgresRow) -> StatsAnswer? {
        guard
            let (_, deckID, itemID, modeText, answeredAt, rating, confidence, changed) = try? row.decode(
                (Int64, String, String, String, Int64, Int64, Int64?, Int64?).self),
            let mode = AnswerRecord.Mode(rawValue: modeText), PostgresCells.timeRange.contains(answeredAt),
            let latest = Rating(rawValue: Int(changed ?? rating)), Rating(rawValue: Int(rating)) != nil,
            confidence.map({ (1...4).contains($0) }) ?? true
        else { return nil }
        return StatsAnswer(
            ref: ItemRef(deckID: deckID, itemID: itemID), mode: mode, answeredAt: answeredAt, rating: latest,
            confidence: confidence.map(Int.init))
    }
}
