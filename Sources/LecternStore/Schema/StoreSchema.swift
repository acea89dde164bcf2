import GRDB

/// The database schema as a list of named migrations, applied in order on every open.
///
/// Never edit a shipped migration: a file that already ran it would never see the edit.
/// Change the schema by appending a new migration with a new identifier.
///
/// Times are stored as integer microseconds since 1970 (UTC), the resolution the
/// scheduler works in, so that card state read back is bit-for-bit what was written.
enum StoreSchema {
    /// Marks the file as Lectern's (`PRAGMA application_id`, "LECT" in ASCII).
    static let applicationID: Int32 = 0x4C45_4354

    static let v1 = "v1-learners-reviews-cards"
    static let v2 = "v2-append-only-reviews"
    static let v3 = "v3-first-seen-and-time-indexes"
    static let v4 = "v4-rating-changes"
    static let v5 = "v5-class-mode"
    static let v6 = "v6-review-uids"

    /// Every migration in order; each one's body is a function below, named for what it does.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1, migrate: createTables)
        migrator.registerMigration(v2, migrate: makeReviewsAppendOnly)
        migrator.registerMigration(v3, migrate: addFirstSeenAndTimeIndexes)
        migrator.registerMigration(v4, migrate: addRatingChanges)
        migrator.registerMigration(v5, migrate: addClassMode)
        migrator.registerMigration(v6, migrate: addReviewUIDs)
        return migrator
    }

    /// The three tables: who learns, what they answered (the log), and the card state
    /// derived from the log for speed.
    private static func createTables(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(
            sql: """
                CREATE TABLE learners (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE reviews (
                    id INTEGER PRIMARY KEY,
                    learner_id INTEGER NOT NULL REFERENCES learners(id),
                    deck_id TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    mode TEXT NOT NULL CHECK (mode IN ('study', 'review', 'drill', 'exam')),
                    answered_at INTEGER NOT NULL,
                    answer TEXT NOT NULL,
                    score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                    hints INTEGER NOT NULL DEFAULT 0,
                    confidence INTEGER CHECK (confidence BETWEEN 1 AND 4),
                    duration REAL NOT NULL DEFAULT 0,
                    skipped INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX reviews_by_item ON reviews(learner_id, deck_id, item_id);
                CREATE TABLE cards (
                    learner_id INTEGER NOT NULL REFERENCES learners(id),
                    deck_id TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    step INTEGER,
                    stability REAL,
                    difficulty REAL,
                    due INTEGER NOT NULL,
                    last_review INTEGER,
                    reps INTEGER NOT NULL,
                    lapses INTEGER NOT NULL,
                    PRIMARY KEY (learner_id, deck_id, item_id)
                ) WITHOUT ROWID;
                """)
    }

    /// The log is the source of truth for card state and for teachers' results, so the
    /// database itself refuses to rewrite or drop an answer once it is committed.
    private static func makeReviewsAppendOnly(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER reviews_never_updated BEFORE UPDATE ON reviews
                BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
                CREATE TRIGGER reviews_never_deleted BEFORE DELETE ON reviews
                BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
                """)
    }

    /// The daily new-item limit needs "first studied when" per card, and the queue, stats
    /// and results need to find cards by due date and answers by time without a scan.
    /// Existing cards get their first study time back from the log.
    private static func addFirstSeenAndTimeIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE cards ADD COLUMN first_seen_at INTEGER;
                UPDATE cards SET first_seen_at = (
                    SELECT MIN(r.answered_at) FROM reviews r
                    WHERE r.learner_id = cards.learner_id AND r.deck_id = cards.deck_id
                      AND r.item_id = cards.item_id AND r.mode IN ('study', 'review'));
                UPDATE cards SET first_seen_at = COALESCE(last_review, due)
                WHERE first_seen_at IS NULL;
                CREATE INDEX cards_by_due ON cards(learner_id, due);
                CREATE INDEX cards_by_first_seen ON cards(learner_id, first_seen_at);
                CREATE INDEX reviews_by_time ON reviews(learner_id, answered_at);
                """)
    }

    /// Answers are saved the moment they are graded; `:easy`/`:hard` typed after the
    /// feedback changes the rating of an answer already in the log. The log stays
    /// append-only: the change is a row of its own, and `answers` reads each review
    /// with its latest rating.
    private static func addRatingChanges(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE rating_changes (
                    id INTEGER PRIMARY KEY,
                    review_id INTEGER NOT NULL REFERENCES reviews(id),
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                    changed_at INTEGER NOT NULL
                );
                CREATE INDEX rating_changes_by_review ON rating_changes(review_id);
                CREATE TRIGGER rating_changes_never_updated BEFORE UPDATE ON rating_changes
                BEGIN SELECT RAISE(ABORT, 'rating changes are append-only'); END;
                CREATE TRIGGER rating_changes_never_deleted BEFORE DELETE ON rating_changes
                BEGIN SELECT RAISE(ABORT, 'rating changes are append-only'); END;
                CREATE VIEW answers AS
                SELECT r.id, r.learner_id, r.deck_id, r.item_id, r.mode, r.answered_at, r.answer,
                    r.score, COALESCE(
                        (SELECT c.rating FROM rating_changes c WHERE c.review_id = r.id
                         ORDER BY c.id DESC LIMIT 1),
                        r.rating) AS rating,
                    r.hints, r.confidence, r.duration, r.skipped
                FROM reviews r;
                """)
    }

    /// Answers given in a live class (`lectern host`) are logged with mode `class`. The
    /// mode's CHECK is part of the table, and SQLite cannot change a CHECK in place, so
    /// the log is copied into a table with the wider CHECK, row for row with the same ids
    /// (rating changes point at them), and its indexes, triggers and view are made again.
    private static func addClassMode(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP VIEW answers;
                CREATE TABLE reviews_v5 (
                    id INTEGER PRIMARY KEY,
                    learner_id INTEGER NOT NULL REFERENCES learners(id),
                    deck_id TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    mode TEXT NOT NULL CHECK (mode IN ('study', 'review', 'drill', 'exam', 'class')),
                    answered_at INTEGER NOT NULL,
                    answer TEXT NOT NULL,
                    score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                    hints INTEGER NOT NULL DEFAULT 0,
                    confidence INTEGER CHECK (confidence BETWEEN 1 AND 4),
                    duration REAL NOT NULL DEFAULT 0,
                    skipped INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO reviews_v5 (id, learner_id, deck_id, item_id, mode, answered_at, answer,
                    score, rating, hints, confidence, duration, skipped)
                SELECT id, learner_id, deck_id, item_id, mode, answered_at, answer,
                    score, rating, hints, confidence, duration, skipped FROM reviews;
                DROP TABLE reviews;
                ALTER TABLE reviews_v5 RENAME TO reviews;
                CREATE INDEX reviews_by_item ON reviews(learner_id, deck_id, item_id);
                CREATE INDEX reviews_by_time ON reviews(learner_id, answered_at);
                CREATE TRIGGER reviews_never_updated BEFORE UPDATE ON reviews
                BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
                CREATE TRIGGER reviews_never_deleted BEFORE DELETE ON reviews
                BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
                CREATE VIEW answers AS
                SELECT r.id, r.learner_id, r.deck_id, r.item_id, r.mode, r.answered_at, r.answer,
                    r.score, COALESCE(
                        (SELECT c.rating FROM rating_changes c WHERE c.review_id = r.id
                         ORDER BY c.id DESC LIMIT 1),
                        r.rating) AS rating,
                    r.hints, r.confidence, r.duration, r.skipped
                FROM reviews r;
                """)
    }

    /// Every review gets an id no other store shares (a random UUID, lower-case text), so
    /// that the logs of several classroom files can be merged into one store without
    /// counting an answer twice. Existing reviews get one here; the append-only trigger is
    /// lifted for this one update only, inside the migration's transaction.
    private static func addReviewUIDs(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER reviews_never_updated;
                ALTER TABLE reviews ADD COLUMN uid TEXT;
                UPDATE reviews SET uid = \(randomUUIDSQL);
                CREATE UNIQUE INDEX reviews_by_uid ON reviews(uid);
                CREATE TRIGGER reviews_never_updated BEFORE UPDATE ON reviews
                BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
                """)
    }

    /// A version-4 UUID made by SQLite, evaluated afresh for each row.
    private static let randomUUIDSQL = """
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
            || substr(lower(hex(randomblob(2))), 2) || '-'
            || substr('89ab', 1 + abs(random() % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-'
            || lower(hex(randomblob(6)))
        """
}

/// The migrations' identifiers in order, for stores on other databases (PostgreSQL), which
/// record the same ones in the same order.
package enum StoreMigrations {
    package static var identifiers: [String] { StoreSchema.migrator.migrations }
}
