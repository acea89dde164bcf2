import Foundation
import GRDB
import LecternCore

/// Reads and writes one row of `cards`, the stored form of a learner's `CardState`.
enum StoredCard {
    static let columns =
        "phase, step, stability, difficulty, due, last_review, reps, lapses"

    static func state(from row: Row) -> CardState {
        CardState(
            phase: CardPhase(rawValue: row["phase"]) ?? .learning,
            step: row["step"],
            stability: row["stability"],
            difficulty: row["difficulty"],
            due: StoredTime.date(row["due"]),
            lastReview: (row["last_review"] as Int64?).map(StoredTime.date),
            reps: row["reps"],
            lapses: row["lapses"])
    }

    /// The state as it reads back from the file, so replays start from exactly what a
    /// later `record` would load.
    static func roundTripped(_ state: CardState) -> CardState {
        var copy = state
        copy.due = StoredTime.date(StoredTime.micros(state.due))
        copy.lastReview = state.lastReview.map { StoredTime.date(StoredTime.micros($0)) }
        return copy
    }

    /// Inserts or replaces the card, keeping the first-seen time a card already has.
    static func save(
        _ state: CardState, learnerID: Int64, deckID: String, itemID: String,
        firstSeenAt: Int64, in db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO cards (learner_id, deck_id, item_id, \(columns), first_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (learner_id, deck_id, item_id) DO UPDATE SET
                    phase = excluded.phase, step = excluded.step,
                    stability = excluded.stability, difficulty = excluded.difficulty,
                    due = excluded.due, last_review = excluded.last_review,
                    reps = excluded.reps, lapses = excluded.lapses
                """
        ).execute(arguments: [
            learnerID, deckID, itemID, state.phase.rawValue, state.step, state.stability,
            state.difficulty, StoredTime.micros(state.due),
            state.lastReview.map(StoredTime.micros), state.reps, state.lapses, firstSeenAt,
        ])
    }
}
