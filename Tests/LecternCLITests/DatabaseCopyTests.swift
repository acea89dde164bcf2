import Foundation
import GRDB
import LecternPostgresServer
import LecternTestSupport
import Testing

/// `lectern db copy FROM TO` with the real binary, real SQLite files made from a pipe as a
/// classroom machine makes them, and a real PostgreSQL server.
@Suite("db copy merges progress stores")
struct DatabaseCopyTests {
    let home: URL
    let decks: [String]

    init() throws {
        home = try LecternBinary.makeHome()
        let folder = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ScriptedAnswersTests.deck.write(
            to: folder.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
        decks = ["--decks", folder.path]
    }

    func file(_ name: String) -> String { home.appendingPathComponent(name).path }

    @discardableResult
    func lectern(_ arguments: [String], input: String = "") throws -> LecternBinary.Result {
        let result = try LecternBinary.run(arguments + decks, input: input, home: home)
        #expect(result.status == 0, "\(arguments): \(result.standardError)")
        return result
    }

    /// A classroom machine's file: each learner studies the deck (cards move) and sits an exam.
    func classroom(_ name: String, learners: [String]) throws -> String {
        let path = file(name)
        for (index, learner) in learners.enumerated() {
            try lectern(
                ["study", "answers", "--seed", "2", "--learner", learner, "--db", path], input: "t\nb c\n153000\nf\n")
            try lectern(
                ["exam", "answers", "--seed", "2", "--learner", learner, "--db", path],
                input: index % 2 == 0 ? "t | 3\nb c\n153000\nf\n" : "f\na b\n1\nt\n")
        }
        return path
    }

    /// Every answer as `results --format csv` gives it, without the header, sorted.
    func resultLines(_ database: String) throws -> [String] {
        let csv = try lectern(["results", "--format", "csv", "--db", database]).standardOutput
        return csv.split(whereSeparator: \.isNewline).dropFirst().map(String.init).sorted()
    }

    func copy(_ from: String, _ to: String) throws -> String {
        try lectern(["db", "copy", from, to]).standardOutput
    }

    @Test func twoClassroomFilesMergedIntoTheServerTwiceHoldEveryAnswerOnce() throws {
        let roomA = try classroom("room-a.sqlite3", learners: ["ana", "cal"])
        let roomB = try classroom("room-b.sqlite3", learners: ["ben", "ana"])
        let server = try PostgresServer.shared()
        let address = try server.makeDatabase()
        let union = (try resultLines(roomA) + resultLines(roomB)).sorted()
        #expect(union.count == 32)

        #expect(
            try copy(roomA, address)
                == "copied 16 answers of 2 learners (0 already there) from \(roomA) to \(address); 2 new learners in TO\n"
        )
        #expect(
            try copy(roomB, address)
                == "copied 16 answers of 2 learners (0 already there) from \(roomB) to \(address); 1 new learner in TO\n"
        )
        #expect(
            try copy(roomA, address)
                == "copied 0 answers of 2 learners (16 already there) from \(roomA) to \(address)\n")
        #expect(
            try copy(roomB, address)
                == "copied 0 answers of 2 learners (16 already there) from \(roomB) to \(address)\n")

        #expect(try resultLines(address) == union)
        let database = String(address.split(separator: "/").last ?? "")
        #expect(try server.psql(database, "SELECT count(*), count(DISTINCT uid) FROM reviews") == "32|32\n")
        let check = try lectern(["db", "check", "--db", address]).standardOutput
        #expect(check.hasPrefix("ok: \(address): 3 learners, 32 answers, "))
        // ana studied on both machines: her cards are derived from both rooms' answers.
        let stats = try lectern(["stats", "answers", "--learner", "ana", "--db", address]).standardOutput
        #expect(stats.contains("Stats for ana"))
    }

    @Test func filesMergeIntoANewFileAndAgainWithoutDuplicates() throws {
        let roomA = try classroom("room-a.sqlite3", learners: ["ana"])
        let roomB = try classroom("room-b.sqlite3", learners: ["ana", "ben"])
        let merged = file("school.sqlite3")
        #expect(!FileManager.default.fileExists(atPath: merged))
        _ = try copy(roomA, merged)
        _ = try copy(roomB, merged)
        #expect(try copy(roomB, merged).hasPrefix("copied 0 answers of 2 learners (16 already there)"))
        #expect(try resultLines(merged) == (try resultLines(roomA) + resultLines(roomB)).sorted())
        #expect(
            try lectern(["db", "check", "--db", merged]).standardOutput.hasPrefix(
                "ok: \(merged): 2 learners, 24 answers"))
    }

    /// A file copied to the server and back holds the same answers, ids, cards and learners.
    @Test func aFileCopiedToTheServerAndBackIsTheSame() throws {
        let original = try classroom("room.sqlite3", learners: ["ana", "ben"])
        let address = try PostgresServer.shared().makeDatabase()
        _ = try copy(original, address)
        let back = file("back.sqlite3")
        #expect(
            try copy(address, back)
                == "copied 16 answers of 2 learners (0 already there) from \(address) to \(back); 2 new learners in TO\n"
        )
        let columns = """
            SELECT r.uid, l.name, r.deck_id, r.item_id, r.mode, r.answered_at, r.answer, r.score, r.rating, r.hints,
                r.confidence, r.duration, r.skipped FROM reviews r JOIN learners l ON l.id = r.learner_id ORDER BY r.id
            """
        #expect(try SQLiteRows.read(back, columns) == SQLiteRows.read(original, columns))
        let cards = """
            SELECT l.name, c.deck_id, c.item_id, c.phase, c.step, c.stability, c.difficulty, c.due, c.last_review,
                c.reps, c.lapses, c.first_seen_at FROM cards c JOIN learners l ON l.id = c.learner_id
            ORDER BY l.name, c.deck_id, c.item_id
            """
        #expect(try SQLiteRows.read(back, cards) == SQLiteRows.read(original, cards))
        #expect(
            try SQLiteRows.read(back, "SELECT name, created_at FROM learners ORDER BY name")
                == SQLiteRows.read(original, "SELECT name, created_at FROM learners ORDER BY name"))
        // And back again changes nothing.
        #expect(try copy(back, address).hasPrefix("copied 0 answers of 2 learners (16 already there)"))
    }

    // MARK: - Refusals: each one leaves both stores as they were.

    func refused(_ arguments: [String]) throws -> String {
        let result = try LecternBinary.run(["db", "copy"] + arguments + decks, home: home)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        return result.standardError
    }

    @Test func theSameStoreTwiceIsRefused() throws {
        let room = try classroom("room.sqlite3", learners: ["ana"])
        let before = try Data(contentsOf: URL(fileURLWithPath: room))
        let other = home.appendingPathComponent("sub/../room.sqlite3").path
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(try refused([room, other]).contains("FROM and TO are the same store"))
        try FileManager.default.createSymbolicLink(atPath: file("link.sqlite3"), withDestinationPath: room)
        #expect(try refused([room, file("link.sqlite3")]).contains("FROM and TO are the same store"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: room)) == before)
        let address = try PostgresServer.shared().makeDatabase()
        #expect(try refused([address, address]).contains("FROM and TO are the same store"))
    }

    @Test func aMissingSourceIsRefusedAndNotCreated() throws {
        let missing = file("nowhere.sqlite3")
        let target = file("target.sqlite3")
        let message = try refused([missing, target])
        #expect(
            message == "error: FROM \(missing): no such file; nothing was copied (a copy's source is never created)\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aSourceOfANewerSchemaIsRefused() throws {
        let room = try classroom("room.sqlite3", learners: ["ana"])
        try SQLiteRows.execute(room, "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        let target = file("target.sqlite3")
        let message = try refused([room, target])
        #expect(message.contains("newer version of Lectern"))
        #expect(message.contains("v99-from-the-future"))
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aDamagedSourceIsRefusedNamingTheRow() throws {
        let room = try classroom("room.sqlite3", learners: ["ana"])
        let target = try classroom("target.sqlite3", learners: ["ben"])
        try SQLiteRows.execute(
            room,
            "DROP TRIGGER reviews_never_updated; UPDATE reviews SET answered_at = 'soon' WHERE id = 3; "
                + "CREATE TRIGGER reviews_never_updated BEFORE UPDATE ON reviews BEGIN SELECT RAISE(ABORT, 'no'); END;")
        let before = try resultLines(target)
        let message = try refused([room, target])
        #expect(message.contains("FROM is damaged; nothing was copied"))
        #expect(message.contains("table reviews, row 3: answered_at is text ('soon'), expected a time"))
        #expect(try resultLines(target) == before)
    }

    @Test func aTargetInAMissingFolderIsRefused() throws {
        let room = try classroom("room.sqlite3", learners: ["ana"])
        let message = try refused([room, file("no-such-folder/school.sqlite3")])
        #expect(message.contains("no such folder"))
        #expect(message.contains("nothing was copied"))
    }
}

/// Reads and changes a progress file directly, as another program would.
enum SQLiteRows {
    /// Every row of `sql`, each value in its SQLite form (type and value), so that 1 and 1.0
    /// or 1 and '1' differ.
    static func read(_ path: String, _ sql: String) throws -> [[String]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { "\($0.storage)" } }
        }
    }

    static func execute(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
