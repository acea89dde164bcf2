import Foundation
import GRDB
import LecternCore

/// Reads and writes one row of `cards`, the stored form of a learner's `CardState`.
enum StoredCard {
    static let columns =
        "phase, step, stability, difficulty, due, last_review, reps, lapses"

    /// The card in `row`, every column checked: a tampered card reports itself instead of
    /// scheduling from nonsense.
    static func state(from row: CheckedRow) throws(RowDamage) -> CardState {
        CardState(
            phase: try row.phase(), step: try row.step(), stability: try row.stability(),
            difficulty: try row.difficulty(), due: Microseconds.date(try row.time("due")),
            lastReview: try row.optionalTime("last_review").map(Microseconds.date),
            reps: try row.count("reps"), lapses: try row.count("lapses"))
    }

    /// The row name of a card, as reports give it.
    static func rowName(learnerID: Int64, deckID: String, itemID: String) -> String {
        "learner \(learnerID), deck \(CheckedRow.shortened(deckID)), item \(CheckedRow.shortened(itemID))"
    }

    /// The state as it reads back from the file, so replays start from exactly what a
    /// later `record` would load.
    static func roundTripped(_ state: CardState) -> CardState {
        var copy = state
        copy.due = Microseconds.date(Microseconds.since1970(state.due))
        copy.lastReview = state.lastReview.map { Microseconds.date(Microseconds.since1970($0)) }
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
            state.difficulty, Microseconds.since1970(state.due),
            state.lastReview.map(Microseconds.since1970), state.reps, state.lapses, firstSeenAt,
        ])
    }
}

extension CheckedRow {
    func phase() throws(RowDamage) -> CardPhase {
        try choice("phase", CardPhase.allCases.map(\.rawValue)) { CardPhase(rawValue: $0) }
    }

    func step() throws(RowDamage) -> Int? {
        try optionalInteger("step", in: 0...1_000, expected: "a learning step").map(Int.init)
    }

    func stability() throws(RowDamage) -> Double? {
        try optionalReal("stability", in: 0...1_000_000_000, expected: "a stability in days")
    }

    func difficulty() throws(RowDamage) -> Double? {
        try optionalReal("difficulty", in: 1...10, expected: "a difficulty from 1 to 10")
    }
}
