import Foundation
import GRDB
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore

@Suite struct OpeningTests {
    @Test func createsTheFileAndItsFolderAndAppliesEveryMigration() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("nested/deeper/progress.sqlite3")
        let store = try ProgressStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.appliedMigrations() == StoreSchema.migrator.migrations)
        let journal = try store.pool.read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(journal == "wal")
    }

    @Test(arguments: [
        (["LECTERN_DB": "/x/y.db", "XDG_DATA_HOME": "/data", "HOME": "/home/u"], "/x/y.db"),
        (["XDG_DATA_HOME": "/data", "HOME": "/home/u"], "/data/lectern/lectern.sqlite3"),
        (
            ["XDG_DATA_HOME": "relative", "HOME": "/home/u"],
            "/home/u/.local/share/lectern/lectern.sqlite3"
        ),
        (["LECTERN_DB": "", "HOME": "/home/u"], "/home/u/.local/share/lectern/lectern.sqlite3"),
    ])
    func defaultPath(environment: [String: String], expected: String) {
        #expect(StoreDefaults.databasePath(environment: environment) == expected)
    }

    @Test(arguments: [
        (["USER": "mei", "LOGNAME": "other"], "mei"),
        (["LOGNAME": "sam"], "sam"),
        (["USER": "  "], "learner"),
        (["USER": "a\u{1B}[2Jb", "LOGNAME": "sam"], "sam"),
        ([:], "learner"),
    ])
    func defaultLearner(environment: [String: String], expected: String) {
        #expect(StoreDefaults.learnerName(environment: environment) == expected)
    }

    @Test func refusesAFileThatIsNotADatabaseAndLeavesItAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.sqlite3")
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: ProgressStoreError.notADatabase(path: path)) {
            try ProgressStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        #expect(
            ProgressStoreError.notADatabase(path: path).description
                == "\(path): not a Lectern progress database (the file is not SQLite); "
                + "move it aside or choose another file with --db or LECTERN_DB")
    }

    @Test func refusesADamagedDatabaseBehindAValidHeader() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        var bytes = Data("SQLite format 3\u{0}".utf8)
        bytes.append(Data(repeating: 0xA5, count: 1000))
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: ProgressStoreError.notADatabase(path: path)) {
            try ProgressStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func refusesADatabaseFromANewerVersionAndLeavesItAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        do {
            let store = try ProgressStore(path: path)
            try store.record(answer("q1", at: Clock.start), for: try store.learner(named: "mei"))
            try store.pool.write { db in
                try db.execute(
                    sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
            }
            try store.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(
            throws: ProgressStoreError.newerDatabase(
                path: path, unknownMigrations: ["v9-from-the-future"])
        ) {
            try ProgressStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(
            ProgressStoreError.newerDatabase(path: path, unknownMigrations: ["v9-from-the-future"])
                .description
                == "\(path): written by a newer version of Lectern (unknown migrations: "
                + "v9-from-the-future); upgrade Lectern to use it, or choose another file "
                + "with --db or LECTERN_DB")
    }

    @Test func refusesSomeoneElsesDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.db")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE photos (id INTEGER)") }
            try queue.close()
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: ProgressStoreError.foreignDatabase(path: path)) {
            try ProgressStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func opensAnEmptyFileAsANewDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let store = try ProgressStore(path: path)
        #expect(try store.learners() == [])
    }

    @Test func reopensItsOwnFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        do {
            let store = try ProgressStore(path: path)
            _ = try store.learner(named: "mei")
            try store.close()
        }
        let store = try ProgressStore(path: path)
        #expect(try store.learners().map(\.name) == ["mei"])
    }

    /// A file made by a build that knew only the first migration, with data in it, is
    /// upgraded on open and keeps its data; the later migrations take effect.
    @Test func upgradesAFileThatHasOnlyTheFirstMigration() throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        let t0 = Microseconds.since1970(Clock.start)
        let t1 = Microseconds.since1970(Clock.at(days: 1))
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(queue, upTo: StoreSchema.v1)
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO learners (id, name, created_at) VALUES (1, 'mei', ?)",
                    arguments: [t0])
                for (item, at) in [("q1", t0), ("q1", t1), ("q2", t1)] {
                    try db.execute(
                        sql: """
                            INSERT INTO reviews (learner_id, deck_id, item_id, mode, answered_at,
                                answer, score, rating) VALUES (1, 'logic', ?, 'study', ?, 'yes', 1, 3)
                            """, arguments: [item, at])
                }
                for (item, last) in [("q1", t1), ("q2", t1)] {
                    try db.execute(
                        sql: """
                            INSERT INTO cards (learner_id, deck_id, item_id, phase, step, due,
                                last_review, reps, lapses) VALUES (1, 'logic', ?, 'review', NULL, ?, ?, 1, 0)
                            """, arguments: [item, last + 86_400_000_000, last])
                }
            }
            try queue.close()
        }
        let store = try ProgressStore(path: path)
        #expect(
            try store.appliedMigrations() == [
                StoreSchema.v1, StoreSchema.v2, StoreSchema.v3, StoreSchema.v4, StoreSchema.v5, StoreSchema.v6,
            ])
        #expect(
            try store.learners() == [
                LearnerActivity(name: "mei", answers: 3, lastActivity: Microseconds.date(t1))
            ])
        let firstSeen = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT item_id, first_seen_at FROM cards ORDER BY item_id")
                .map { "\($0["item_id"] as String)=\($0["first_seen_at"] as Int64)" }
        }
        #expect(firstSeen == ["q1=\(t0)", "q2=\(t1)"])
        // v2: the log can no longer be rewritten.
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE reviews SET score = 0") }
        }
        let indexes = try store.pool.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'cards_by%' ORDER BY name"
            )
        }
        #expect(indexes == ["cards_by_due", "cards_by_first_seen"])
    }

    @Test func twoStoresOnOneFileWriteAtTheSameTime() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path()
        let first = try ProgressStore(path: path)
        let second = try ProgressStore(path: path)
        let perStore = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, name) in [(first, "mei"), (second, "sam")] {
                group.addTask {
                    let sink = try store.sink(for: name)
                    for index in 0..<perStore {
                        try sink.record(
                            answer("q\(index % 7)", at: Clock.at(minutes: Double(index))))
                    }
                }
            }
            try await group.waitForAll()
        }
        let third = try ProgressStore(path: path)
        #expect(try third.learners().map(\.answers) == [perStore, perStore])
    }
}

@Suite struct ConcurrentOpeningTests {
    /// Several shells starting at once on a file that does not exist yet all get a store.
    @Test func manyStoresOpenANewFileAtOnce() async throws {
        for _ in 0..<5 {
            let folder = try TemporaryFolder()
            let path = folder.path()
            let names = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        let store = try ProgressStore(path: path)
                        return try store.learner(named: "learner\(index)").name
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(names.count == 4)
            #expect(try ProgressStore(path: path).learners().count == 4)
        }
    }
}
