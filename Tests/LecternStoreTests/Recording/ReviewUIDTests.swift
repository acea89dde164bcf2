import Foundation
import GRDB
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore

/// Every review carries an id no other store shares (migration v6), so stores can be merged.
@Suite("Review ids")
struct ReviewUIDTests {
    /// A file of the previous schema, with answers, is upgraded: each old answer gets its
    /// own well-formed id, new answers get one too, and the log is still append-only.
    @Test func anOlderFileGetsAnIdForEveryReviewAndStaysAppendOnly() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(queue, upTo: StoreSchema.v5)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO learners (id, name, created_at) VALUES (1, 'mei', 0)")
                for index in 0..<20 {
                    try db.execute(
                        sql: """
                            INSERT INTO reviews (learner_id, deck_id, item_id, mode, answered_at, answer, score, rating)
                            VALUES (1, 'logic', ?, 'drill', ?, 'yes', 1, 3)
                            """,
                        arguments: ["q\(index)", 1_772_442_000_000_000 + Int64(index)])
                }
            }
            try queue.close()
        }
        let store = try ProgressStore(path: path)
        try store.record(answer("q20", at: Clock.start), for: try store.learner(named: "mei"))
        let uids = try store.pool.read { db in try String?.fetchAll(db, sql: "SELECT uid FROM reviews ORDER BY id") }
        #expect(uids.count == 21)
        #expect(uids.allSatisfy { $0.map(ReviewUID.isValid) == true })
        #expect(Set(uids).count == 21)
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE reviews SET uid = NULL WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO reviews (uid, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating) SELECT uid, learner_id, deck_id, 'x', mode, answered_at, answer, score, rating FROM reviews WHERE id = 1"
                )
            }
        }
        #expect(try DatabaseCheck.run(path: path).isClean)
    }

    @Test func madeIdsAreWellFormedAndDistinct() {
        let made = (0..<1_000).map { _ in ReviewUID.make() }
        #expect(made.allSatisfy(ReviewUID.isValid))
        #expect(Set(made).count == made.count)
        #expect(!ReviewUID.isValid("not-a-uuid"))
        #expect(!ReviewUID.isValid(UUID().uuidString))  // upper case is not how Lectern writes it
    }
}
