import Foundation
import GRDB
import LecternCore
import Testing

@testable import LecternStore

@Suite struct DatabaseCheckTests {
    /// Every file beside `path`, with its bytes: what a read-only check must leave as it was.
    func snapshot(_ path: String) throws -> Data? {
        FileManager.default.contents(atPath: path)
    }

    @Test func aCleanFileIsOk() throws {
        let folder = try TemporaryFolder()
        let (path, store) = try seededStore(in: folder)
        try store.close()
        let before = try snapshot(path)
        let report = try DatabaseCheck.run(path: path)
        #expect(
            report.text
                == "ok: \(path): 1 learners, 2 answers, 2 cards; integrity ok, review log append-only, "
                + "every card matches its log\n")
        #expect(report.isClean)
        #expect(try snapshot(path) == before)
    }

    @Test func aMissingFileIsNotCreated() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("none.sqlite3")
        let report = try DatabaseCheck.run(path: path)
        #expect(report.text == "ok: no progress database at \(path) yet; nothing to check\n")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func listsEveryProblemAndChangesNothing() throws {
        let folder = try TemporaryFolder()
        let (path, store) = try seededStore(in: folder)
        try store.close()
        try tamper(
            path,
            """
            INSERT INTO learners (id, name, created_at) VALUES (2, x'41', 'then');
            INSERT INTO reviews (id, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating)
                VALUES (3, 1, 'logic', 'q3', 'study', 'soon', 'a', 2, 3);
            INSERT INTO reviews (id, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating)
                VALUES (4, 9, 'logic', 'q1', 'drill', 1772500000000000, 'a', 1, 3);
            INSERT INTO rating_changes (id, review_id, rating, changed_at) VALUES (1, 77, 2, 1);
            UPDATE cards SET reps = 5 WHERE item_id = 'q2';
            DELETE FROM cards WHERE item_id = 'q1';
            DROP TRIGGER reviews_never_deleted;
            """)
        let before = try snapshot(path)
        let report = try DatabaseCheck.run(path: path)
        #expect(
            report.text == """
                \(path): 9 problems
                  trigger reviews_never_deleted is missing or changed: the reviews log is no longer append-only
                  table learners, row 2: name is a blob of 1 byte, expected text
                  table learners, row 2: created_at is text ('then'), expected a time
                  table reviews, row 3: answered_at is text ('soon'), expected a time
                  table reviews, row 3: score is 2.0, expected a score from 0 to 1
                  table reviews, row 4: learner_id 9 names no learner
                  table rating_changes, row 1: review_id 77 names no review
                  table cards, row learner 1, deck logic, item q2: differs from the card its answers give \
                (reps is 5, the log gives 1)
                  table cards, row learner 1, deck logic, item q1: missing, though the log has answers for it

                """)
        #expect(!report.isClean)
        #expect(try snapshot(path) == before)
    }

    @Test func reportsSQLitesOwnIntegrityProblems() throws {
        let folder = try TemporaryFolder()
        let (path, store) = try seededStore(in: folder)
        try store.close()
        // An index that no longer matches its table: what a torn write can leave.
        try tamper(
            path,
            """
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = replace(sql, 'learner_id, answered_at', 'answered_at, learner_id')
                WHERE name = 'reviews_by_time';
            """)
        let report = try DatabaseCheck.run(path: path)
        #expect(report.problems.contains { $0.hasPrefix("integrity: ") }, "\(report.problems)")
    }

    @Test func refusesAFileThatIsNotLecterns() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.txt")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ProgressStoreError.notADatabase(path: path)) { try DatabaseCheck.run(path: path) }
    }
}
