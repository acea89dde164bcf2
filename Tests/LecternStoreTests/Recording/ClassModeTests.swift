import Foundation
import GRDB
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore

/// Answers given in a live class are logged with mode `class` and never move a schedule.
@Suite("Class answers")
struct ClassModeTests {
    @Test func classAnswersAreLoggedAndShownButScheduleNothing() throws {
        let folder = try TemporaryFolder()
        let store = try ProgressStore(path: folder.path())
        let ada = try store.learner(named: "Ada")
        let ben = try store.learner(named: "Ben")
        try store.record(
            batch: [
                (answer("q1", mode: .class, at: Clock.start, duration: 4.5), ada),
                (answer("q1", mode: .class, at: Clock.at(minutes: 1), rating: .again, text: "b"), ben),
            ])
        let rows = try store.results(deck: "logic", learners: [], since: nil)
        #expect(rows.map(\.mode) == [.class, .class])
        #expect(rows.map(\.learner) == ["Ada", "Ben"])
        #expect(rows.first?.duration == 4.5)
        let summary = try store.summary(deck: "logic", learners: [], since: nil)
        #expect(summary.map(\.answers) == [1, 1])
        let cards = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cards") }
        #expect(cards == 0)
        #expect(try DatabaseCheck.run(path: folder.path()).isClean)
    }

    /// A file made before the `class` mode keeps every answer, id and rating change, and
    /// takes class answers afterwards.
    @Test func anOlderFileIsUpgradedWithItsLogIntact() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = \(StoreSchema.applicationID)")
        }
        try StoreSchema.migrator.migrate(queue, upTo: StoreSchema.v4)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO learners (id, name, created_at) VALUES (1, 'mei', 0)")
            try db.execute(
                sql: """
                    INSERT INTO reviews (id, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating)
                    VALUES (41, 1, 'logic', 'q1', 'study', 1772442000000000, 'yes', 1, 3)
                    """)
            try db.execute(
                sql: "INSERT INTO rating_changes (review_id, rating, changed_at) VALUES (41, 4, 1772442000000001)")
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: """
                        INSERT INTO reviews (learner_id, deck_id, item_id, mode, answered_at, answer, score, rating)
                        VALUES (1, 'logic', 'q1', 'class', 1772442000000000, 'yes', 1, 3)
                        """)
            }
        }
        try queue.close()
        let store = try ProgressStore(path: path)
        #expect(try store.appliedMigrations().contains(StoreSchema.v5))
        let mei = try store.learner(named: "mei")
        try store.record(answer("q2", mode: .class, at: Clock.at(minutes: 2)), for: mei)
        let rows = try store.results(deck: nil, learners: [], since: nil)
        #expect(rows.map(\.mode) == [.study, .class])
        #expect(rows.first?.rating == .easy, "the rating change still points at its answer")
        let ids = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM reviews ORDER BY id") }
        #expect(ids.first == 41)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM reviews") }
        }
    }
}
