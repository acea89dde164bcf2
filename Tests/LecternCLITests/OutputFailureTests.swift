import Foundation
import Testing

/// Output that cannot be written (a full disk, a reader that went away) ends the command
/// with a message on standard error and status 1: never a crash, never a silent success.
@Suite("Output failures")
struct OutputFailureTests {
    enum Destination: String, CaseIterable, Sendable {
        case fullDisk, closedPipe
    }

    struct Ending {
        var crashed: Bool
        var status: Int32
        var standardError: String
    }

    /// Runs the binary with standard output on `/dev/full` or on a pipe nobody reads.
    static func run(_ arguments: [String], input: String, to destination: Destination, home: URL) throws -> Ending {
        let output: FileHandle?
        switch destination {
        case .fullDisk:
            output = FileHandle(forWritingAtPath: "/dev/full")
        case .closedPipe:
            let pipe = Pipe()
            // The reader is gone before the first byte is written.
            try pipe.fileHandleForReading.close()
            output = pipe.fileHandleForWriting
        }
        let raw = try LecternBinary.runRaw(arguments, input: input, home: home, output: output)
        return Ending(
            crashed: raw.crashed, status: raw.status,
            standardError: String(decoding: raw.standardError, as: UTF8.self))
    }

    static let commands: [(name: String, arguments: [String], input: String)] = {
        let decks = LecternBinary.bundledDecks
        return [
            ("results", ["results", "--decks", decks], ""),
            ("study", ["study", "anyone-can-do-it", "--decks", decks, "--seed", "1"], "a\n\nb\n"),
            ("lint", ["lint", decks], ""),
            ("preview", ["preview", "anyone-can-do-it", "--decks", decks], ""),
            ("decks", ["--decks", decks, "-c", "decks"], ""),
            ("stats", ["stats", "--decks", decks], ""),
            ("deck-stats", ["deck-stats", decks], ""),
            // argument-parser prints these through C's buffered output, checked at exit.
            ("--help", ["--help"], ""),
            ("--version", ["--version"], ""),
            (
                "fsrs replay", ["fsrs", "replay"],
                #"{"id": 1, "reviews": [{"rating": 3, "time": "2026-01-01T00:00:00Z"}]}"# + "\n"
            ),
        ]
    }()

    @Test(arguments: Destination.allCases)
    func everyCommandStopsWithAnErrorWhenItsOutputIsLost(destination: Destination) throws {
        for command in Self.commands {
            let home = try LecternBinary.makeHome()
            let arguments =
                command.arguments
                + (command.name == "fsrs replay" || command.name.hasPrefix("--")
                    ? [] : ["--db", home.path + "/p.sqlite3"])
            let ending = try Self.run(arguments, input: command.input, to: destination, home: home)
            #expect(!ending.crashed, "\(command.name) to \(destination) crashed: \(ending.standardError)")
            #expect(ending.status == 1, "\(command.name) to \(destination) exits 1")
            #expect(
                ending.standardError.lowercased().contains("error: cannot write to standard output: "),
                "\(command.name) to \(destination) says why: \(ending.standardError)")
        }
    }
}
