import Foundation
import LecternCore
import LecternStore
import LecternPostgresServer
import LecternTestSupport
import Testing

@testable import LecternPostgres

/// The schema on a real server: append-only log, review ids, and databases Lectern must
/// not touch (newer, someone else's) refused and left as they were.
@Suite("PostgreSQL schema")
struct PostgresSchemaTests {
    func newDatabase() throws -> (server: PostgresServer, address: String, name: String) {
        let server = try PostgresServer.shared()
        let address = try server.makeDatabase()
        return (server, address, String(address.split(separator: "/").last ?? ""))
    }

    func open(_ address: String, mode: ProgressStore.OpenMode = .create) throws -> PostgresStore {
        try PostgresStore(address: try PostgresAddress.parse(address), environment: [:], mode: mode)
    }

    @Test func theReviewLogRefusesUpdatesDeletesAndTruncation() throws {
        let (server, address, name) = try newDatabase()
        let store = try open(address)
        let mei = try store.learner(named: "mei")
        try store.record(answer("q1", at: Clock.start), for: mei)
        // A rating change, so that the row triggers of rating_changes have a row to refuse.
        try store.record(answer("q1", at: Clock.start, rating: .easy, changesRating: true), for: mei)
        for statement in [
            "UPDATE reviews SET score = 0", "DELETE FROM reviews", "TRUNCATE reviews CASCADE",
            "UPDATE rating_changes SET rating = 1", "DELETE FROM rating_changes",
        ] {
            #expect(throws: ServerError.self) { try server.psql(name, statement) }
        }
        #expect(try server.psql(name, "SELECT count(*) FROM reviews") == "1\n")
    }

    @Test func everyReviewHasItsOwnWellFormedId() throws {
        let (server, address, name) = try newDatabase()
        let store = try open(address)
        let mei = try store.learner(named: "mei")
        try store.record(contentsOf: (0..<50).map { answer("q\($0 % 5)", at: Clock.at(minutes: Double($0))) }, for: mei)
        let uids = try server.psql(name, "SELECT uid FROM reviews").split(separator: "\n").map(String.init)
        #expect(uids.count == 50)
        #expect(Set(uids).count == 50)
        #expect(uids.allSatisfy(ReviewUID.isValid))
        // A copy of an answer with the same id is refused by the database itself.
        #expect(throws: ServerError.self) {
            try server.psql(
                name,
                "INSERT INTO reviews (uid, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating) "
                    + "SELECT uid, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating FROM reviews LIMIT 1"
            )
        }
    }

    @Test func readingAnEmptyDatabaseCreatesNothing() throws {
        let (server, address, name) = try newDatabase()
        let store = try open(address, mode: .whenNeeded)
        #expect(try store.learners() == [])
        #expect(try store.results(deck: nil, learners: [], since: nil) == [])
        #expect(try store.dueQueue(learner: "mei", decks: [deck("logic", ids: ["q1"])], now: Clock.start).count == 1)
        #expect(
            try server.psql(name, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
                == "0\n")
        _ = try store.learner(named: "mei")
        #expect(
            try server.psql(name, "SELECT count(*) FROM lectern_migrations") == "\(StoreMigrations.identifiers.count)\n"
        )
    }

    @Test func aNewerDatabaseIsRefusedAndLeftAsItWas() throws {
        let (server, address, name) = try newDatabase()
        try open(address).record(answer("q1", at: Clock.start), for: try open(address).learner(named: "mei"))
        try server.psql(name, "INSERT INTO lectern_migrations (identifier) VALUES ('v99-from-the-future')")
        let before = try server.psql(
            name, "SELECT identifier FROM lectern_migrations ORDER BY identifier; SELECT count(*) FROM reviews")
        for mode in [ProgressStore.OpenMode.create, .whenNeeded] {
            #expect {
                _ = try open(address, mode: mode)
            } throws: { error in
                guard case ProgressStoreError.newerDatabase(_, let unknown) = error else { return false }
                return unknown == ["v99-from-the-future"] && "\(error)".contains("upgrade Lectern")
            }
        }
        #expect(
            try server.psql(
                name, "SELECT identifier FROM lectern_migrations ORDER BY identifier; SELECT count(*) FROM reviews")
                == before)
    }

    @Test func someoneElsesTablesAreRefusedAndLeftAsTheyWere() throws {
        let (server, address, name) = try newDatabase()
        try server.psql(name, "CREATE TABLE learners (who TEXT); INSERT INTO learners VALUES ('not ours')")
        #expect(throws: ProgressStoreError.foreignDatabase(path: try PostgresAddress.parse(address).description)) {
            _ = try open(address)
        }
        #expect(try server.psql(name, "SELECT who FROM learners") == "not ours\n")
        #expect(
            try server.psql(name, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
                == "1\n")
    }

    @Test func anUnreachableServerIsAClearError() throws {
        let port = try PostgresServer.freePort()
        #expect {
            _ = try open("postgres://lectern@127.0.0.1:\(port)/nothing")
        } throws: { error in
            guard case ProgressStoreError.server(let address, _) = error else { return false }
            return address == "postgres://lectern@127.0.0.1:\(port)/nothing" && "\(error)".contains("nothing was saved")
        }
    }

    @Test func aSocketFolderHostConnects() throws {
        let (server, address, name) = try newDatabase()
        _ = address
        let folder = server.socketFolder.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let store = try open("postgresql://lectern@\(folder):\(server.port)/\(name)")
        _ = try store.learner(named: "mei")
        let viaQuery = try open("postgres://lectern@localhost:\(server.port)/\(name)?host=\(server.socketFolder)")
        #expect(try viaQuery.learners().map(\.name) == ["mei"])
    }

    /// `db check` on a server: clean after real answers; a disabled trigger, a tampered card
    /// and a name Lectern would not write are each reported; nothing is changed by checking.
    @Test func theCheckFindsWhatSomeoneBrokeAndChangesNothing() throws {
        let (server, address, name) = try newDatabase()
        let emptyReport = try PostgresCheck.run(try open(address, mode: .whenNeeded))
        #expect(!emptyReport.fileExists)
        let store = try open(address)
        let mei = try store.learner(named: "mei")
        try store.record(answer("q1", at: Clock.start), for: mei)
        try store.record(answer("q1", at: Clock.at(days: 1), rating: .easy), for: mei)
        try store.record(answer("q1", at: Clock.at(days: 1, minutes: 1), changesRating: true), for: mei)
        let clean = try PostgresCheck.run(store)
        #expect(clean.isClean, "\(clean.problems)")
        #expect(clean.learners == 1)
        #expect(clean.answers == 2)
        #expect(clean.cards == 1)
        try server.psql(
            name,
            """
            ALTER TABLE reviews DISABLE TRIGGER reviews_never_deleted;
            UPDATE cards SET reps = 9;
            INSERT INTO learners (name, created_at) VALUES (E'bad\\x07name', 0);
            """)
        let before = try server.psql(name, "SELECT * FROM cards; SELECT count(*) FROM reviews")
        let report = try PostgresCheck.run(try open(address, mode: .whenNeeded))
        #expect(report.problems.count == 3)
        #expect(report.problems.contains { $0.contains("reviews_never_deleted") })
        #expect(report.problems.contains { $0.contains("reps is 9, the log gives 2") })
        #expect(report.problems.contains { $0.hasPrefix("table learners, row 2: name") })
        #expect(try server.psql(name, "SELECT * FROM cards; SELECT count(*) FROM reviews") == before)
    }
}
