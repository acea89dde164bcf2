import LecternCore
package import LecternStore
import PostgresNIO

extension PostgresStore {
    /// The database's learners and answer log, in one read-only transaction.
    ///
    /// A database of an older schema is refused, not upgraded: the source of a copy is never
    /// written. One without Lectern's tables has an empty log.
    package func exportLog() throws -> StoreLog {
        try transaction(readOnly: true) { session in
            switch try Self.state(session, location: location) {
            case .absent: return StoreLog(learners: [], reviews: [])
            case .older:
                throw ProgressStoreError.server(
                    address: location,
                    reason: "the database was written by an older Lectern and would have to be upgraded, which a "
                        + "copy's source never is; run 'lectern learners' on it once, then copy again")
            case .current: break
            }
            return try Self.readLog(session)
        }
    }

    static func readLog(_ session: PostgresLink.Session) throws -> StoreLog {
        var learners: [LoggedLearner] = []
        var names: [Int64: String] = [:]
        for row in try session.query("SELECT id, name, created_at FROM learners ORDER BY id") {
            var cells = PostgresCells(row, table: "learners")
            cells.rowName = "\(try cells.id("id"))"
            let name = try cells.text("name")
            names[try cells.id("id")] = name
            learners.append(LoggedLearner(name: name, createdAt: try cells.time("created_at")))
        }
        var changes: [Int64: [LoggedRatingChange]] = [:]
        for row in try session.query("SELECT id, review_id, rating, changed_at FROM rating_changes ORDER BY id") {
            var cells = PostgresCells(row, table: "rating_changes")
            cells.rowName = "\(try cells.id("id"))"
            changes[try cells.id("review_id"), default: []].append(
                LoggedRatingChange(rating: try cells.rating("rating"), changedAt: try cells.time("changed_at")))
        }
        let rows = try session.query(
            """
            SELECT id, uid, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating, hints,
                confidence, duration, skipped
            FROM reviews ORDER BY id
            """)
        var reviews: [LoggedReview] = []
        reviews.reserveCapacity(rows.count)
        for row in rows {
            var cells = PostgresCells(row, table: "reviews")
            let id = try cells.id("id")
            cells.rowName = "\(id)"
            guard let learner = names[try cells.id("learner_id")] else {
                throw cells.damage("learner_id", "names no learner")
            }
            reviews.append(
                LoggedReview(
                    uid: try cells.text("uid"), learner: learner, deckID: try cells.text("deck_id"),
                    itemID: try cells.text("item_id"), mode: try cells.mode("mode"),
                    answeredAt: try cells.time("answered_at"), answer: try cells.text("answer"),
                    score: try cells.score("score"), rating: try cells.rating("rating"),
                    hints: Int(try cells.integer("hints", in: 0...Int64(Int32.max), expected: "a count")),
                    confidence: try cells.confidence("confidence"), duration: try cells.duration("duration"),
                    skipped: try cells.flag("skipped"), ratingChanges: changes[id] ?? []))
        }
        return StoreLog(learners: learners, reviews: reviews)
    }

    /// Merges `log` into this database in one transaction (see ``ProgressStorage``), the
    /// learners' rows locked as an answer locks them, so live writers wait rather than
    /// move a card the merge is deriving again. Rows travel in batches, not one per trip.
    package func merge(_ log: StoreLog, source: String) throws -> MergeCounts {
        let names = try log.checkedNames(source: source)
        return try write { session in
            var counts = MergeCounts()
            counts.learners = names.count
            let ids = try Self.matchLearners(log.learners, session, counts: &counts)
            let reviews = log.reviews.filter { ids[$0.learner] != nil }
            var existing: [String: Int64] = [:]
            for chunk in Self.chunks(reviews.map(\.uid)) {
                for row in try session.query("SELECT id, uid FROM reviews WHERE uid = ANY($1)", [.texts(chunk)]) {
                    let cells = PostgresCells(row, table: "reviews")
                    existing[try cells.text("uid")] = try cells.id("id")
                }
            }
            let fresh = reviews.filter { existing[$0.uid] == nil }
            counts.alreadyThere = reviews.count - fresh.count
            var added = try Self.insertReviews(fresh, ids: ids, session)
            counts.copied = added.count
            var touched = Set(fresh.compactMap { ids[$0.learner] })
            let present = try Self.ratingChanges(of: Array(existing.values), session)
            var changes: [(reviewID: Int64, change: LoggedRatingChange)] = []
            for review in reviews {
                if let id = existing[review.uid] {
                    let missing = StoreLog.missingChanges(of: review, present: present[id] ?? [])
                    changes += missing.map { (id, $0) }
                    if !missing.isEmpty, let learnerID = ids[review.learner] { touched.insert(learnerID) }
                } else if let id = added.removeValue(forKey: review.uid) {
                    changes += review.ratingChanges.map { (id, $0) }
                }
            }
            try Self.insertRatingChanges(changes, session)
            counts.ratingChanges = changes.count
            try rederiveCards(learnerIDs: touched.sorted(), session)
            return counts
        }
    }

    /// Each learner's id here by name, creating the missing ones, with every row locked.
    private static func matchLearners(
        _ learners: [LoggedLearner], _ session: PostgresLink.Session, counts: inout MergeCounts
    ) throws -> [String: Int64] {
        for learner in learners {
            let inserted = try session.query(
                "INSERT INTO learners (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id",
                [.text(learner.name), .integer(learner.createdAt)])
            counts.newLearners += inserted.count
        }
        var ids: [String: Int64] = [:]
        let rows = try session.query(
            "SELECT id, name FROM learners WHERE name = ANY($1) ORDER BY id FOR NO KEY UPDATE",
            [.texts(learners.map(\.name))])
        for row in rows {
            let cells = PostgresCells(row, table: "learners")
            ids[try cells.text("name")] = try cells.id("id")
        }
        return ids
    }

    /// Inserts the reviews in their order, a batch per statement; their new ids by uid.
    private static func insertReviews(
        _ reviews: [LoggedReview], ids: [String: Int64], _ session: PostgresLink.Session
    ) throws -> [String: Int64] {
        var added: [String: Int64] = [:]
        for batch in chunks(reviews) {
            // Arrays carry no NULLs here, so a missing confidence travels as 0 (never a confidence).
            let rows = try session.query(
                """
                INSERT INTO reviews (uid, learner_id, deck_id, item_id, mode, answered_at, answer,
                    score, rating, hints, confidence, duration, skipped)
                SELECT u, l, d, i, m, a, t, s, r, h, NULLIF(c, 0), du, sk
                FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[],
                    $8::float8[], $9::bigint[], $10::bigint[], $11::bigint[], $12::float8[], $13::bool[])
                    WITH ORDINALITY AS x(u, l, d, i, m, a, t, s, r, h, c, du, sk, n)
                ORDER BY n
                RETURNING id, uid
                """,
                [
                    .texts(batch.map(\.uid)), .integers(batch.map { ids[$0.learner] ?? 0 }),
                    .texts(batch.map(\.deckID)),
                    .texts(batch.map(\.itemID)), .texts(batch.map(\.mode.rawValue)),
                    .integers(batch.map(\.answeredAt)), .texts(batch.map(\.answer)), .reals(batch.map(\.score)),
                    .integers(batch.map { Int64($0.rating.rawValue) }), .integers(batch.map { Int64($0.hints) }),
                    .integers(batch.map { Int64($0.confidence ?? 0) }), .reals(batch.map(\.duration)),
                    .flags(batch.map(\.skipped)),
                ])
            for row in rows {
                let cells = PostgresCells(row, table: "reviews")
                added[try cells.text("uid")] = try cells.id("id")
            }
        }
        return added
    }

    /// The rating changes of these reviews, each review's in commit order.
    private static func ratingChanges(of reviewIDs: [Int64], _ session: PostgresLink.Session) throws
        -> [Int64: [LoggedRatingChange]]
    {
        var changes: [Int64: [LoggedRatingChange]] = [:]
        for chunk in chunks(reviewIDs) {
            let rows = try session.query(
                "SELECT id, review_id, rating, changed_at FROM rating_changes WHERE review_id = ANY($1) ORDER BY id",
                [.integers(chunk)])
            for row in rows {
                var cells = PostgresCells(row, table: "rating_changes")
                cells.rowName = "\(try cells.id("id"))"
                changes[try cells.id("review_id"), default: []].append(
                    LoggedRatingChange(rating: try cells.rating("rating"), changedAt: try cells.time("changed_at")))
            }
        }
        return changes
    }

    private static func insertRatingChanges(
        _ changes: [(reviewID: Int64, change: LoggedRatingChange)], _ session: PostgresLink.Session
    ) throws {
        for batch in chunks(changes) {
            try session.query(
                """
                INSERT INTO rating_changes (review_id, rating, changed_at)
                SELECT v, r, c FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS x(v, r, c, n)
                ORDER BY n
                """,
                [
                    .integers(batch.map(\.reviewID)), .integers(batch.map { Int64($0.change.rating.rawValue) }),
                    .integers(batch.map(\.change.changedAt)),
                ])
        }
    }

    /// Drops these learners' cards and derives them again from their whole log, in commit
    /// order with each answer's latest rating, as `db check` replays them.
    private func rederiveCards(learnerIDs: [Int64], _ session: PostgresLink.Session) throws {
        guard !learnerIDs.isEmpty else { return }
        var cards: [(learnerID: Int64, ref: ItemRef, firstSeenAt: Int64, state: CardState)] = []
        let rows = try session.query(
            """
            SELECT r.id, r.learner_id, r.deck_id, r.item_id, r.answered_at, r.rating, \(Self.latestRatingColumn)
            FROM reviews r WHERE r.learner_id = ANY($1) AND r.mode = ANY($2)
            ORDER BY r.learner_id, r.deck_id, r.item_id, r.id
            """, [.integers(learnerIDs), .texts(Self.schedulingModes)])
        for row in rows {
            var review = PostgresCells(row, table: "reviews")
            review.rowName = "\(try review.id("id"))"
            let learnerID = try review.id("learner_id")
            let ref = ItemRef(deckID: try review.text("deck_id"), itemID: try review.text("item_id"))
            let answeredAt = try review.time("answered_at")
            let rating = try Self.latestRating(review)
            let at = Microseconds.date(answeredAt)
            if let last = cards.last, last.learnerID == learnerID, last.ref == ref {
                cards[cards.count - 1].state = Self.roundTripped(scheduler.review(last.state, rating: rating, at: at))
            } else {
                let state = Self.roundTripped(scheduler.review(CardState.new(now: at), rating: rating, at: at))
                cards.append((learnerID, ref, answeredAt, state))
            }
        }
        try session.query("DELETE FROM cards WHERE learner_id = ANY($1)", [.integers(learnerIDs)])
        for card in cards {
            try Self.save(card.state, learnerID: card.learnerID, ref: card.ref, firstSeenAt: card.firstSeenAt, session)
        }
    }

    /// Slices of at most 2,000: one statement's arrays stay small, and trips stay few.
    static func chunks<T>(_ values: [T]) -> [[T]] {
        stride(from: 0, to: values.count, by: 2_000).map { Array(values[$0..<min($0 + 2_000, values.count)]) }
    }
}
