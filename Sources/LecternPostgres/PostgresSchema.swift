import LecternStore

/// The store's schema on PostgreSQL: the same migrations as the SQLite file, under the
/// same names and in the same order, recorded in `lectern_migrations`.
///
/// Never edit a shipped migration; append one. Times are integer microseconds since 1970
/// (UTC), as on SQLite, so card state reads back exactly as it was written. PostgreSQL
/// enforces column types and the CHECKs below, so the ranges a reader expects are the
/// database's own rules here, not only the reader's.
enum PostgresSchema {
    /// The migrations, each one's SQL; the identifiers are SQLite's (``StoreSchema``).
    static let migrations: [(identifier: String, sql: String)] = Array(
        zip(
            StoreMigrations.identifiers,
            [
                createTables, makeReviewsAppendOnly, addFirstSeenAndTimeIndexes,
                addRatingChanges, addClassMode, addReviewUIDs,
            ]))

    /// Tables a Lectern database holds; one holding some of these without a migration
    /// record is someone else's, and is left alone.
    static let ownTables = ["learners", "reviews", "cards", "rating_changes", "lectern_migrations"]

    static let migrationTable = """
        CREATE TABLE IF NOT EXISTS lectern_migrations (
            identifier TEXT PRIMARY KEY,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """

    static let createTables = """
        CREATE TABLE learners (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL CHECK (created_at >= 0)
        );
        CREATE TABLE reviews (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            learner_id BIGINT NOT NULL REFERENCES learners(id),
            deck_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            mode TEXT NOT NULL CONSTRAINT reviews_mode CHECK (mode IN ('study', 'review', 'drill', 'exam')),
            answered_at BIGINT NOT NULL CHECK (answered_at BETWEEN 0 AND 253402300799999999),
            answer TEXT NOT NULL,
            score DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 1),
            rating SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 4),
            hints INTEGER NOT NULL DEFAULT 0 CHECK (hints >= 0),
            confidence SMALLINT CHECK (confidence BETWEEN 1 AND 4),
            duration DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (duration BETWEEN 0 AND 31536000),
            skipped BOOLEAN NOT NULL DEFAULT false
        );
        CREATE INDEX reviews_by_item ON reviews(learner_id, deck_id, item_id);
        CREATE TABLE cards (
            learner_id BIGINT NOT NULL REFERENCES learners(id),
            deck_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (phase IN ('learning', 'review', 'relearning')),
            step INTEGER CHECK (step BETWEEN 0 AND 1000),
            stability DOUBLE PRECISION CHECK (stability BETWEEN 0 AND 1000000000),
            difficulty DOUBLE PRECISION CHECK (difficulty BETWEEN 1 AND 10),
            due BIGINT NOT NULL CHECK (due BETWEEN 0 AND 253402300799999999),
            last_review BIGINT CHECK (last_review BETWEEN 0 AND 253402300799999999),
            reps INTEGER NOT NULL CHECK (reps >= 0),
            lapses INTEGER NOT NULL CHECK (lapses >= 0),
            PRIMARY KEY (learner_id, deck_id, item_id)
        );
        """

    /// The log is the truth: the database refuses to change or drop a committed answer
    /// (and TRUNCATE, which PostgreSQL does not count as a DELETE).
    static let makeReviewsAppendOnly = """
        CREATE FUNCTION lectern_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% are append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
        END $$;
        CREATE TRIGGER reviews_never_updated BEFORE UPDATE ON reviews
            FOR EACH ROW EXECUTE FUNCTION lectern_refuse_change();
        CREATE TRIGGER reviews_never_deleted BEFORE DELETE ON reviews
            FOR EACH ROW EXECUTE FUNCTION lectern_refuse_change();
        CREATE TRIGGER reviews_never_truncated BEFORE TRUNCATE ON reviews
            FOR EACH STATEMENT EXECUTE FUNCTION lectern_refuse_change();
        """

    static let addFirstSeenAndTimeIndexes = """
        ALTER TABLE cards ADD COLUMN first_seen_at BIGINT
            CHECK (first_seen_at BETWEEN 0 AND 253402300799999999);
        CREATE INDEX cards_by_due ON cards(learner_id, due);
        CREATE INDEX cards_by_first_seen ON cards(learner_id, first_seen_at);
        CREATE INDEX reviews_by_time ON reviews(learner_id, answered_at);
        """

    static let addRatingChanges = """
        CREATE TABLE rating_changes (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            review_id BIGINT NOT NULL REFERENCES reviews(id),
            rating SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 4),
            changed_at BIGINT NOT NULL CHECK (changed_at BETWEEN 0 AND 253402300799999999)
        );
        CREATE INDEX rating_changes_by_review ON rating_changes(review_id);
        CREATE TRIGGER rating_changes_never_updated BEFORE UPDATE ON rating_changes
            FOR EACH ROW EXECUTE FUNCTION lectern_refuse_change();
        CREATE TRIGGER rating_changes_never_deleted BEFORE DELETE ON rating_changes
            FOR EACH ROW EXECUTE FUNCTION lectern_refuse_change();
        CREATE TRIGGER rating_changes_never_truncated BEFORE TRUNCATE ON rating_changes
            FOR EACH STATEMENT EXECUTE FUNCTION lectern_refuse_change();
        """

    /// PostgreSQL changes a CHECK in place, without copying the log as SQLite must.
    static let addClassMode = """
        ALTER TABLE reviews DROP CONSTRAINT reviews_mode;
        ALTER TABLE reviews ADD CONSTRAINT reviews_mode
            CHECK (mode IN ('study', 'review', 'drill', 'exam', 'class'));
        """

    /// Every review's globally unique id; existing rows get one with the trigger lifted
    /// for this one statement, inside the migration's transaction.
    static let addReviewUIDs = """
        ALTER TABLE reviews ADD COLUMN uid TEXT;
        ALTER TABLE reviews DISABLE TRIGGER reviews_never_updated;
        UPDATE reviews SET uid = gen_random_uuid()::text;
        ALTER TABLE reviews ENABLE TRIGGER reviews_never_updated;
        ALTER TABLE reviews ALTER COLUMN uid SET NOT NULL;
        ALTER TABLE reviews ADD CONSTRAINT reviews_uid_form
            CHECK (uid ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
        CREATE UNIQUE INDEX reviews_by_uid ON reviews(uid);
        """
}
