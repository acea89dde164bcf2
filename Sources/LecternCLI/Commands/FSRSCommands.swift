import ArgumentParser
import Foundation
import LecternCore
import LecternShell

/// `lectern fsrs`: tools for people who audit or tune the scheduler.
struct FSRS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs", abstract: "Scheduler tools.", subcommands: [Replay.self])

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay review histories through the FSRS-6 scheduler (JSON lines in, JSON lines out).",
            discussion: """
                Each input line is one history of a new card: {"id": 7, "reviews": [{"rating": 3, "time": "2026-01-01T00:00:00Z"}, …]}. \
                Each output line gives the state after every review: stability, difficulty, state, interval_days and due. \
                Bad lines are reported on standard error with their line number; the good ones are still replayed, and the exit status is 1.
                """)

        @Argument(help: "A JSON-lines file (default: standard input).")
        var file: String?

        @Option(name: .customLong("fuzz-seed"), help: "Turn interval fuzz on with this seed.")
        var fuzzSeed: UInt64?

        func run() throws {
            let input: String
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationFailure("cannot read \(file)")
                }
                input = String(decoding: data, as: UTF8.self)
            } else {
                input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            }
            let result = FSRSReplay.run(input: input, fuzzSeed: fuzzSeed)
            // JSON lines are data: exact in a file or a pipe; the whole output is one write.
            if !result.output.isEmpty { try CommandOutput.print(result.output.joined(separator: "\n"), exact: true) }
            for error in result.errors { CommandOutput.printError(error) }
            if !result.errors.isEmpty { throw ExitCode(1) }
        }
    }
}
