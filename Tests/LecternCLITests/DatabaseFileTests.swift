import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The progress file as the command line meets it: created atomically by racing processes,
/// never created by reading, refused in a folder that is not there, reported when damaged.
/// The real binary, real SQLite files.
@Suite("The progress file with the real binary", .serialized)
struct DatabaseFileTests {
    static let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/decks"
    ).path
    static let tinyDeck = decks + "/tiny.yaml"

    func folderContents(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// Starts `count` copies of the binary at once and waits for all.
    func runTogether(_ argumentLists: [[String]], home: URL) throws -> [(status: Int32, error: String)] {
        var running: [(Process, Pipe)] = []
        for arguments in argumentLists {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LecternBinary.path)
            process.arguments = arguments
            process.environment = LecternBinary.environment(home: home)
            let errors = Pipe()
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            running.append((process, errors))
        }
        for (process, _) in running { try process.run() }
        return running.map { process, errors in
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
    }

    @Test func eightProcessesCreatingOneNewFileAllSucceed() throws {
        let home = try LecternBinary.makeHome()
        var failures: [String] = []
        for round in 0..<50 {
            let database = home.appendingPathComponent("round\(round).sqlite3").path
            let results = try runTogether(
                (0..<8).map { ["--decks", Self.decks, "--db", database, "-c", "learner p\($0)"] }, home: home)
            failures += results.filter { $0.status != 0 }.map { "round \(round): \($0.status) \($0.error)" }
            let listing = try LecternBinary.run(["learners", "--decks", Self.decks, "--db", database], home: home)
            #expect(listing.standardOutput.split(separator: "\n").count == 8, "round \(round): \(listing)")
        }
        #expect(failures == [])
        #expect(try folderContents(home).allSatisfy { !$0.contains(".new-") }, "no temporary file is left")
    }

    @Test func aFirstOpenKilledHalfWayNeverBlocksTheNext() throws {
        let home = try LecternBinary.makeHome()
        for round in 0..<20 {
            let database = home.appendingPathComponent("killed\(round).sqlite3").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LecternBinary.path)
            process.arguments = ["--decks", Self.decks, "--db", database, "-c", "learner ana"]
            process.environment = LecternBinary.environment(home: home)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(round * 2_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let again = try LecternBinary.run(
                ["--decks", Self.decks, "--db", database, "-c", "learner ben"], home: home)
            #expect(again.status == 0, "round \(round): \(again.standardError)")
            let check = try LecternBinary.run(["db", "check", "--db", database], home: home)
            #expect(check.status == 0, "round \(round): \(check.standardOutput)")
            #expect(check.standardOutput.hasPrefix("ok: "), "round \(round): \(check.standardOutput)")
        }
    }

    static let readingCommands: [[String]] = [
        ["stats"], ["learners"], ["results"], ["results", "--summary", "--format", "csv"], ["-c", "decks"],
        ["db", "check"], ["lint", tinyDeck], ["preview", tinyDeck],
    ]

    @Test(arguments: readingCommands)
    func readingCommandsNeverCreateTheFile(_ command: [String]) throws {
        let home = try LecternBinary.makeHome()
        let folder = home.appendingPathComponent("class")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("progress.sqlite3").path
        let result = try LecternBinary.run(command + ["--decks", Self.decks, "--db", database], home: home)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try folderContents(folder) == [])
        let viaDefault = try LecternBinary.run(command + ["--decks", Self.decks], home: home)
        #expect(viaDefault.status == 0, "\(viaDefault.standardError)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("data").path))
    }

    @Test func theDefaultFolderIsCreatedByTheFirstAnswer() throws {
        let home = try LecternBinary.makeHome()
        let result = try LecternBinary.run(
            ["study", "tiny", "--decks", Self.decks, "--learner", "ana"], input: "t\n:quit\n", home: home)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            FileManager.default.fileExists(atPath: home.appendingPathComponent("data/lectern/lectern.sqlite3").path))
    }

    static let everyCommand: [[String]] = readingCommands + [["study", "tiny"], ["-c", "learner ana"], ["review"]]

    @Test(arguments: everyCommand)
    func aFolderThatDoesNotExistIsAnError(_ command: [String]) throws {
        let home = try LecternBinary.makeHome()
        let folder = home.appendingPathComponent("no/such/dir").path
        let database = folder + "/x.db"
        let result = try LecternBinary.run(command + ["--decks", Self.decks, "--db", database], home: home)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "error: no such folder: \(folder) (for --db \(database)); create it first or choose another path\n")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("no").path))
    }

    @Test func readingAnExistingFileLeavesItsBytesAlone() throws {
        let home = try LecternBinary.makeHome()
        let database = home.appendingPathComponent("progress.sqlite3").path
        let study = try LecternBinary.run(
            ["study", "tiny", "--decks", Self.decks, "--db", database, "--learner", "ana"], input: "t\n:quit\n",
            home: home)
        #expect(study.status == 0, "\(study.standardError)")
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        for command in Self.readingCommands {
            let result = try LecternBinary.run(
                command + ["--decks", Self.decks, "--db", database, "--learner", "nobody"], home: home)
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        let learners = try LecternBinary.run(["learners", "--db", database], home: home)
        #expect(learners.standardOutput.contains("ana") && !learners.standardOutput.contains("nobody"))
    }

    /// A studied file with one row another program changed (by default a review added with
    /// text for its time).
    func damagedFile(
        home: URL,
        sql: String = """
        INSERT INTO reviews (id, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating)
        VALUES (17, 1, 'tiny', 'start-easy', 'exam', 'soon', 'x', 1, 3)
        """
    ) throws -> String {
        let database = home.appendingPathComponent("progress.sqlite3").path
        let study = try LecternBinary.run(
            ["study", "tiny", "--decks", Self.decks, "--db", database, "--learner", "ana"], input: "t\n:quit\n",
            home: home)
        #expect(study.status == 0, "\(study.standardError)")
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
        return database
    }

    @Test(arguments: [["stats"], ["learners"], ["results"]])
    func aDamagedRowIsReportedNeverACrash(_ command: [String]) throws {
        let home = try LecternBinary.makeHome()
        let database = try damagedFile(home: home)
        let result = try LecternBinary.run(
            command + ["--decks", Self.decks, "--db", database, "--learner", "ana"], input: "t\n:quit\n", home: home)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "error: progress database \(database) is damaged: table reviews, row 17: answered_at is text ('soon'), "
                    + "expected a time; run 'lectern db check' to list every damaged row"),
            "\(result.standardError)")
    }

    @Test(arguments: [["stats"], ["study", "tiny"], ["review"], ["-c", "decks"]])
    func aDamagedCardIsReportedNeverACrash(_ command: [String]) throws {
        let home = try LecternBinary.makeHome()
        let database = try damagedFile(home: home, sql: "UPDATE cards SET due = x'00' WHERE item_id = 'start-easy'")
        let result = try LecternBinary.run(
            command + ["--decks", Self.decks, "--db", database, "--learner", "ana"], input: "t\n:quit\n", home: home)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "error: progress database \(database) is damaged: table cards, row learner 1, deck tiny, "
                    + "item start-easy: due is a blob of 1 byte, expected a time; "
                    + "run 'lectern db check' to list every damaged row"),
            "\(result.standardError)")
    }

    @Test func dbCheckListsTheDamage() throws {
        let home = try LecternBinary.makeHome()
        let database = try damagedFile(home: home)
        let result = try LecternBinary.run(["db", "check", "--db", database], home: home)
        #expect(result.status == 1)
        #expect(
            result.standardOutput
                == "\(database): 1 problem\n  table reviews, row 17: answered_at is text ('soon'), expected a time\n")
    }

    /// Refused where a name would be created (the first answer, `learner NAME`); looking a
    /// name up to read, as a teacher may, is left to the terminal layer to show safely. (A NUL
    /// cannot reach a process argument; the store tests refuse it.)
    @Test(arguments: [
        ("ana\u{1B}[2J", "contains a control character (U+001B)"),
        ("\u{202E}nimda", "contains a text-direction control (U+202E)"),
    ])
    func learnerNamesWithControlCharactersAreRefused(name: String, reason: String) throws {
        let home = try LecternBinary.makeHome()
        let database = home.appendingPathComponent("progress.sqlite3").path
        let study = try LecternBinary.run(
            ["study", "tiny", "--decks", Self.decks, "--db", database, "--learner", name], input: "t\n:quit\n",
            home: home)
        #expect(study.status == 1)
        #expect(study.standardError.contains(reason), "\(study.standardError)")
        let shell = try LecternBinary.run(["--db", database, "-c", "learner '\(name)'"], home: home)
        #expect(shell.status == 1)
        #expect(shell.standardError.contains(reason), "\(shell.standardError)")
        #expect(!FileManager.default.fileExists(atPath: database))
    }
}
