import Foundation
import GRDB
import LecternCore

extension ProgressStore {
    /// The file's learners and answer log, read through a read-only connection.
    ///
    /// A file of an older schema is refused, not upgraded: upgrading writes, and the source
    /// of a copy is never written. Its answers may also lack the ids a merge goes by.
    package func exportLog() throws -> StoreLog {
        try Self.exportLog(path: path)
    }

    /// ``exportLog()`` without opening a store first: opening rolls back a journal an
    /// interrupted writer left, which is a write, and a copy's source is never written.
    package static func exportLog(path: String) throws -> StoreLog {
        switch try StoreFile.inspect(path, recovering: false) {
        case .absent, .unfinished:
            return StoreLog(learners: [], reviews: [])
        case .older:
            throw ProgressStoreError.cannotOpen(
                path: path,
                reason: "it was written by an older Lectern and would have to be upgraded, which a copy's source "
                    + "never is; run 'lectern learners --db \(path)' once to upgrade it, then copy again")
        case .current:
            break
        }
        let queue = try StoreFile.openForReading(path)
        defer { try? queue.close() }
        do {
            return try queue.read { db in try Self.readLog(db) }
        } catch let damage as RowDamage {
            throw ProgressStoreError.damaged(path: path, damage)
        }
    }

    static func readLog(_ db: Database) throws -> StoreLog {
        var learners: [LoggedLearner] = []
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, created_at FROM learners ORDER BY id") {
            let learner = CheckedRow(row, table: "learners", idColumn: "id")
            let name = try learner.learnerName("name")
            names[try learner.id("id")] = name
            learners.append(LoggedLearner(name: name, createdAt: try learner.time("created_at")))
        }
        var changes: [Int64: [LoggedRatingChange]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, review_id, rating, changed_at FROM rating_changes ORDER BY id")
        {
            let change = CheckedRow(row, table: "rating_changes", idColumn: "id")
            changes[try change.id("review_id"), default: []].append(
                LoggedRatingChange(rating: try change.rating("rating"), changedAt: try change.time("changed_at")))
        }
        var reviews: [LoggedReview] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, uid, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating, hints,
                    confidence, duration, skipped
                FROM reviews ORDER BY id
                """)
        while let row = try rows.next() {
            let review = CheckedRow(row, table: "reviews", idColumn: "id")
            let id = try review.id("id")
            guard let uid = try review.reviewUID("uid") else {
                throw review.damage(
                    "uid", review.value("uid"), expected: "a review id (without one it cannot be merged)")
            }
            guard let learner = names[try review.id("learner_id")] else {
                throw review.damage("learner_id", review.value("learner_id"), expected: "the id of a learner")
            }
            reviews.append(
                LoggedReview(
                    uid: uid, learner: learner, deckID: try review.text("deck_id"), itemID: try review.text("item_id"),
                    mode: try review.mode("mode"), answeredAt: try review.time("answered_at"),
                    answer: try review.text("answer"), score: try review.score("score"),
                    rating: try review.rating("rating"), hints: try review.count("hints"),
                    confidence: try review.confidence("confidence"), duration: try review.duration("duration"),
                    skipped: try review.flag("skipped"), ratingChanges: changes[id] ?? []))
        }
        return StoreLog(learners: learners, reviews: reviews)
    }

    /// Merges `log` into this file in one write transaction (see ``ProgressStorage``).
    package func merge(_ log: StoreLog, source: String) throws -> MergeCounts {
        _ = try log.checkedNames(source: source)
        return try write { db in
            var counts = MergeCounts()
            counts.learners = log.learners.count
            var ids: [String: Int64] = [:]
            for learner in log.learners {
                if let id = try learnerID(named: learner.name, in: db) {
                    ids[learner.name] = id
                    continue
                }
                try db.execute(
                    sql: "INSERT INTO learners (name, created_at) VALUES (?, ?)",
                    arguments: [learner.name, learner.createdAt])
                ids[learner.name] = db.lastInsertedRowID
                counts.newLearners += 1
            }
            var touched = Set<Int64>()
            for review in log.reviews {
                // Every review's learner is in the log (checkedNames), so in `ids`.
                guard let learnerID = ids[review.learner] else { continue }
                if try Self.mergeReview(review, learnerID: learnerID, in: db, counts: &counts) {
                    touched.insert(learnerID)
                }
            }
            for learnerID in touched.sorted() {
                try rederiveCards(learnerID: learnerID, in: db)
            }
            return counts
        }
    }

    /// Adds one review unless its id is here already, and any later rating of it not here
    /// yet; true when anything was added.
    private static func mergeReview(
        _ review: LoggedReview, learnerID: Int64, in db: Database, counts: inout MergeCounts
    ) throws -> Bool {
        let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM reviews WHERE uid = ?"), arguments: [review.uid])
        let reviewID: Int64
        let changes: [LoggedRatingChange]
        if let existing {
            counts.alreadyThere += 1
            reviewID = existing
            changes = StoreLog.missingChanges(of: review, present: try ratingChanges(of: existing, in: db))
        } else {
            reviewID = try appendReview(review, learnerID: learnerID, in: db)
            counts.copied += 1
            changes = review.ratingChanges
        }
        for change in changes { try appendRatingChange(change, reviewID: reviewID, in: db) }
        counts.ratingChanges += changes.count
        return existing == nil || !changes.isEmpty
    }

    private static func ratingChanges(of reviewID: Int64, in db: Database) throws -> [LoggedRatingChange] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT id, rating, changed_at FROM rating_changes WHERE review_id = ? ORDER BY id"),
            arguments: [reviewID]
        ).map { row in
            let change = CheckedRow(row, table: "rating_changes", idColumn: "id")
            return LoggedRatingChange(rating: try change.rating("rating"), changedAt: try change.time("changed_at"))
        }
    }

    /// Drops the learner's cards and derives them again from their whole log, as
    /// ``rebuildCards()`` does for every learner.
    private func rederiveCards(learnerID: Int64, in db: Database) throws {
        let replayed = try Self.replayedCards(
            db, scheduler: scheduler, where: "r.learner_id = ?", arguments: [learnerID])
        try db.execute(sql: "DELETE FROM cards WHERE learner_id = ?", arguments: [learnerID])
        for card in replayed {
            try StoredCard.save(
                card.state, learnerID: learnerID, deckID: card.ref.deckID, itemID: card.ref.itemID,
                firstSeenAt: card.firstSeenAt, in: db)
        }
    }
}
