package import LecternCore
package import LecternStore
import PostgresNIO

extension PostgresStore {
    /// The learner with this name, created on first use (the tables too, when missing).
    package func learner(named name: String) throws -> Learner {
        let trimmed = try LearnerName.validated(name)
        let createdAt = Microseconds.since1970(clock())
        return try write { session in
            try session.query(
                "INSERT INTO learners (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                [.text(trimmed), .integer(createdAt)])
            guard let id = try Self.learnerID(named: trimmed, session) else {
                throw ProgressStoreError.server(address: location, reason: "learner '\(trimmed)' was not saved")
            }
            return Learner(id: id, name: trimmed)
        }
    }

    package func record(_ answer: AnswerRecord, for learner: Learner) throws {
        try record(batch: [(answer, learner)])
    }

    package func record(contentsOf answers: [AnswerRecord], for learner: Learner) throws {
        try record(batch: answers.map { ($0, learner) })
    }

    /// Commits answers of several learners, in order, in one transaction: all or none.
    ///
    /// The review ids are made once, before the first attempt: if a commit reached the
    /// server but its acknowledgement was lost, the retry finds the ids already logged and
    /// adds nothing. The learners' rows are locked in id order (the same order in every
    /// writer, so two writers never wait for each other in a circle), which makes one
    /// learner's concurrent answers move the card one after the other.
    package func record(batch answers: [(answer: AnswerRecord, learner: Learner)]) throws {
        guard !answers.isEmpty else { return }
        let uids = answers.map { _ in ReviewUID.make() }
        let changedAt = Microseconds.since1970(clock())
        try write { session in
            for id in Set(answers.map(\.learner.id)).sorted() {
                try session.query("SELECT 1 FROM learners WHERE id = $1 FOR NO KEY UPDATE", [.integer(id)])
            }
            for (index, entry) in answers.enumerated() {
                try insert(entry.answer, learnerID: entry.learner.id, uid: uids[index], changedAt: changedAt, session)
            }
        }
    }

    private func insert(
        _ answer: AnswerRecord, learnerID: Int64, uid: String, changedAt: Int64, _ session: PostgresLink.Session
    ) throws {
        if answer.changesRating, try changeRating(answer, learnerID: learnerID, changedAt: changedAt, session) {
            return
        }
        let answeredAt = Microseconds.since1970(answer.answeredAt)
        let inserted = try session.query(
            """
            INSERT INTO reviews (uid, learner_id, deck_id, item_id, mode, answered_at, answer,
                score, rating, hints, confidence, duration, skipped)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (uid) DO NOTHING RETURNING id
            """,
            [
                .text(uid), .integer(learnerID), .text(answer.deckID), .text(answer.itemID),
                .text(answer.mode.rawValue), .integer(answeredAt), .text(answer.answer), .real(answer.score),
                .integer(Int64(answer.rating.rawValue)), .integer(Int64(answer.hintsUsed)),
                .integer(answer.confidence.map(Int64.init)), .real(answer.duration), .flag(answer.skipped),
            ])
        // Already logged by an attempt whose commit reached the server: the card moved then.
        guard !inserted.isEmpty, answer.mode.movesSchedule else { return }
        let rows = try session.query(
            """
            SELECT \(PostgresCells.cardColumns), first_seen_at FROM cards
            WHERE learner_id = $1 AND deck_id = $2 AND item_id = $3
            """, [.integer(learnerID), .text(answer.deckID), .text(answer.itemID)])
        let at = Microseconds.date(answeredAt)
        let card = rows.first.map {
            PostgresCells($0, table: "cards", rowName: "learner \(learnerID), item \(answer.itemID)")
        }
        let before = try card?.card() ?? CardState.new(now: at)
        let after = scheduler.review(before, rating: answer.rating, at: at)
        try Self.save(
            after, learnerID: learnerID, ref: ItemRef(deckID: answer.deckID, itemID: answer.itemID),
            firstSeenAt: try card?.optionalTime("first_seen_at") ?? answeredAt, session)
    }

    /// Records a new rating for the learner's latest answer to the item and derives the
    /// card again; false when there is no earlier answer (then it is logged as an answer).
    private func changeRating(
        _ answer: AnswerRecord, learnerID: Int64, changedAt: Int64, _ session: PostgresLink.Session
    ) throws -> Bool {
        let latest = try session.query(
            """
            SELECT id FROM reviews WHERE learner_id = $1 AND deck_id = $2 AND item_id = $3
            ORDER BY id DESC LIMIT 1
            """, [.integer(learnerID), .text(answer.deckID), .text(answer.itemID)])
        guard let row = latest.first else { return false }
        let reviewID = try PostgresCells(row, table: "reviews").id("id")
        try session.query(
            "INSERT INTO rating_changes (review_id, rating, changed_at) VALUES ($1, $2, $3)",
            [.integer(reviewID), .integer(Int64(answer.rating.rawValue)), .integer(changedAt)])
        if answer.mode.movesSchedule {
            try replayCard(learnerID: learnerID, ref: ItemRef(deckID: answer.deckID, itemID: answer.itemID), session)
        }
        return true
    }

    /// Derives one card again from its study and review answers, each with its latest rating.
    private func replayCard(learnerID: Int64, ref: ItemRef, _ session: PostgresLink.Session) throws {
        let rows = try session.query(
            """
            SELECT r.id, r.answered_at, r.rating, \(Self.latestRatingColumn)
            FROM reviews r
            WHERE r.learner_id = $1 AND r.deck_id = $2 AND r.item_id = $3 AND r.mode = ANY($4)
            ORDER BY r.id
            """,
            [.integer(learnerID), .text(ref.deckID), .text(ref.itemID), .texts(Self.schedulingModes)])
        var state: CardState?
        var firstSeenAt: Int64?
        for row in rows {
            var review = PostgresCells(row, table: "reviews")
            review.rowName = "\(try review.id("id"))"
            let answeredAt = try review.time("answered_at")
            let rating = try Self.latestRating(review)
            let at = Microseconds.date(answeredAt)
            state = Self.roundTripped(scheduler.review(state ?? CardState.new(now: at), rating: rating, at: at))
            firstSeenAt = firstSeenAt ?? answeredAt
        }
        guard let state, let firstSeenAt else { return }
        try Self.save(state, learnerID: learnerID, ref: ref, firstSeenAt: firstSeenAt, session)
    }

    /// Inserts or replaces the card, keeping the first-seen time a card already has.
    static func save(
        _ state: CardState, learnerID: Int64, ref: ItemRef, firstSeenAt: Int64, _ session: PostgresLink.Session
    ) throws {
        try session.query(
            """
            INSERT INTO cards (learner_id, deck_id, item_id, \(PostgresCells.cardColumns), first_seen_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (learner_id, deck_id, item_id) DO UPDATE SET
                phase = excluded.phase, step = excluded.step,
                stability = excluded.stability, difficulty = excluded.difficulty,
                due = excluded.due, last_review = excluded.last_review,
                reps = excluded.reps, lapses = excluded.lapses
            """,
            [
                .integer(learnerID), .text(ref.deckID), .text(ref.itemID), .text(state.phase.rawValue),
                .integer(state.step.map(Int64.init)), .real(state.stability), .real(state.difficulty),
                .integer(Microseconds.since1970(state.due)), .integer(state.lastReview.map(Microseconds.since1970)),
                .integer(Int64(state.reps)), .integer(Int64(state.lapses)), .integer(firstSeenAt),
            ])
    }

    /// The state as it reads back from the database (whole microseconds), so a replay starts
    /// from exactly what a later answer would load.
    static func roundTripped(_ state: CardState) -> CardState {
        var copy = state
        copy.due = Microseconds.date(Microseconds.since1970(state.due))
        copy.lastReview = state.lastReview.map { Microseconds.date(Microseconds.since1970($0)) }
        return copy
    }

    /// The modes whose answers make up a card's history, as a query parameter.
    static var schedulingModes: [String] { AnswerRecord.Mode.schedulingModes.map(\.rawValue) }

    /// The newest rating change of review `r`, selected beside its own rating.
    static let latestRatingColumn = """
        (SELECT c.rating FROM rating_changes c WHERE c.review_id = r.id ORDER BY c.id DESC LIMIT 1) AS changed_rating
        """

    static func latestRating(_ review: PostgresCells) throws(RowDamage) -> Rating {
        if try review.optionalInteger("changed_rating", in: 1...4, expected: "a rating from 1 to 4") != nil {
            return try review.rating("changed_rating")
        }
        return try review.rating("rating")
    }

    /// The id of an existing learner, without creating one.
    static func learnerID(named name: String, _ session: PostgresLink.Session) throws -> Int64? {
        let rows = try session.query("SELECT id FROM learners WHERE name = $1", [.text(LearnerName.trimmed(name))])
        guard let row = rows.first else { return nil }
        return try PostgresCells(row, table: "learners").id("id")
    }
}
