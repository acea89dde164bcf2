import Foundation
import Testing

/// Start-up does only what the command needs: listing decks skips the rules across decks
/// (which only warn) while `lint` still reports them, and commands that only read progress
/// leave the progress file as it was. The real binary, real deck files, a real SQLite file.
@Suite("What start-up does, with the real binary")
struct StartupWorkTests {
    /// A deck of one choice item; two decks written with the same prompt and key are near-duplicates.
    static func deck(_ id: String, itemID: String) -> String {
        """
        lectern: 1
        id: \(id)
        title: Deck \(id)
        source:
          title: Notes
          passages:
            1: The platform keeps the followers.
        items:
          - id: \(itemID)
            type: choice
            skill: claim
            source: [1]
            prompt: Which party keeps the followers when sellers leave the platform?
            options:
              - text: The platform keeps them
                correct: true
              - text: The sellers
                feedback: Sellers come and go.
              - text: Nobody
                feedback: The notes say who.
            explain: The platform keeps the followers (¶1).

        """
    }

    static func folderWithDuplicates() throws -> URL {
        let folder = try LecternBinary.makeHome().appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try deck("first", itemID: "keeps").write(
            to: folder.appendingPathComponent("first.yaml"), atomically: true, encoding: .utf8)
        try deck("second", itemID: "keeps-again").write(
            to: folder.appendingPathComponent("second.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func decksListsBothDecksAndLintStillWarnsOfTheDuplicateAcrossThem() throws {
        let home = try LecternBinary.makeHome()
        let folder = try Self.folderWithDuplicates().path
        let listed = try LecternBinary.run(["--decks", folder, "-c", "decks"], home: home)
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(listed.standardOutput.contains("first") && listed.standardOutput.contains("second"))
        #expect(!listed.standardOutput.contains("BROKEN"))
        // The same finding from `lectern lint FOLDER`, from `lint` in the shell (the shell's own
        // library, loaded without the rules across decks first) and after `decks` in one shell.
        let runs = [
            try LecternBinary.run(["lint", folder], home: home),
            try LecternBinary.run(["--decks", folder, "-c", "lint"], home: home),
            try LecternBinary.run(["--decks", folder], input: "decks\nlint\n", home: home),
        ]
        for run in runs {
            let warnings = run.standardOutput.components(separatedBy: "duplicate-item").count - 1
            #expect(warnings == 1, "\(run.standardOutput)")
            #expect(run.standardOutput.contains("second.yaml"), "\(run.standardOutput)")
            #expect(run.standardOutput.contains("'first/keeps'"), "\(run.standardOutput)")
        }
    }

    /// Size, modification time and bytes of the progress file and of any file beside it.
    static func snapshot(of database: String) throws -> [String: String] {
        let folder = (database as NSString).deletingLastPathComponent
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let path = (folder as NSString).appendingPathComponent(name)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let bytes = FileManager.default.contents(atPath: path) ?? Data()
            files[name] = "\(bytes.count) bytes, modified \(modified), hash \(bytes.hashValue)"
        }
        return files
    }

    @Test func readingCommandsLeaveTheProgressFileAsItWas() throws {
        let home = try LecternBinary.makeHome()
        let folder = try Self.folderWithDuplicates().path
        let progress = home.appendingPathComponent("progress")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let database = progress.appendingPathComponent("progress.sqlite3").path
        // A missing file is not created by reading it.
        for command in ["decks", "stats", "learners"] {
            let run = try LecternBinary.run(["--decks", folder, "--db", database, "-c", command], home: home)
            #expect(run.status == 0, "\(command): \(run.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: progress.path).isEmpty)
        // An existing file is neither written nor touched (and nothing should be made beside it).
        let created = try LecternBinary.run(["--decks", folder, "--db", database, "-c", "learner ana"], home: home)
        #expect(created.status == 0, "\(created.standardError)")
        let before = try Self.snapshot(of: database)
        for command in ["decks", "stats", "learners", "lint"] {
            let run = try LecternBinary.run(["--decks", folder, "--db", database, "-c", command], home: home)
            #expect(run.status == 0, "\(command): \(run.standardError)")
        }
        let after = try Self.snapshot(of: database)
        #expect(after["progress.sqlite3"] == before["progress.sqlite3"], "the file itself is not written")
        // SQLite opening a WAL database read-only leaves an empty -wal and a -shm index beside it.
        withKnownIssue("a read-only open of the WAL progress file leaves progress.sqlite3-wal and -shm beside it") {
            #expect(after == before)
        }
    }
}
