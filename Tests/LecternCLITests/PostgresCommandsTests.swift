import Foundation
import LecternPostgresServer
import LecternTestSupport
import Testing

/// Every command a learner or a teacher runs, on an SQLite file and on a PostgreSQL server,
/// with the real binary: the same input gives the same output on both.
@Suite("Every command on PostgreSQL as on SQLite")
struct PostgresCommandsTests {
    /// One command line (without the store and the decks) and what it reads from standard input.
    struct Step {
        var arguments: [String]
        var input = ""
    }

    /// Sessions of every kind (a rating changed with `:easy` and `:hard`, a learner switch
    /// in the shell), then the reading commands whose output has no durations.
    static let sessions: [Step] = [
        Step(arguments: ["study", "answers", "--seed", "2", "--learner", "ana"], input: "t\n:easy\nb c\n153000\nf\n"),
        // Nothing is due minutes after studying: the queue is read, the same on both.
        Step(arguments: ["review", "answers", "--seed", "2", "--learner", "ana"]),
        Step(arguments: ["drill", "answers", "--seed", "3", "--learner", "ben"], input: "t\nb c\n15\n:hard\nf\n"),
        Step(arguments: ["exam", "answers", "--seed", "2", "--learner", "ben"], input: "t | 3\nb c\n153000\nf\n"),
        Step(
            arguments: ["--learner", "cy", "--seed", "2"],
            input: "decks\nstudy answers\nt\nb\n153000\nt\nlearner ana\nstats answers\n"),
        Step(arguments: ["stats", "answers", "--learner", "ana"]),
        Step(arguments: ["stats", "--learner", "ben"]),
        Step(arguments: ["decks", "--learner", "ana"]),
        Step(arguments: ["learners"]),
    ]

    /// The results in every format. Answers carry their measured durations, which differ
    /// between two sessions, so these read the file's answers, copied to the server.
    static let reports: [Step] = [
        Step(arguments: ["results"]),
        Step(arguments: ["results", "--format", "csv"]),
        Step(arguments: ["results", "--format", "json"]),
        Step(arguments: ["results", "answers", "--learner", "ben", "--learner", "cy"]),
        Step(arguments: ["results", "--summary"]),
        Step(arguments: ["results", "--summary", "--format", "csv"]),
        Step(arguments: ["results", "--summary", "--format", "json"]),
        Step(arguments: ["learners"]),
        Step(arguments: ["stats", "answers", "--learner", "ben"]),
    ]

    /// Runs every step on `database`; each one's output with wall-clock times masked.
    func outputs(_ steps: [Step], _ database: String, home: URL, decks: [String]) throws -> [String] {
        try steps.map { step in
            let result = try LecternBinary.run(
                step.arguments + ["--db", database] + decks, input: step.input, home: home)
            #expect(result.status == 0, "\(step.arguments): \(result.standardError)")
            return Self.maskingTimes(result.standardOutput + result.standardError)
        }
    }

    /// Instants and elapsed seconds differ between two runs a few seconds apart.
    static func maskingTimes(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, with: "TIME", options: .regularExpression
        ).replacingOccurrences(of: #"Time: \d+ s"#, with: "Time: N s", options: .regularExpression)
    }

    @Test func everyCommandPrintsTheSameOnAFileAndOnTheServer() throws {
        let home = try LecternBinary.makeHome()
        let folder = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try ScriptedAnswersTests.deck.write(
            to: folder.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
        let decks = ["--decks", folder.path]
        let file = home.appendingPathComponent("p.sqlite3").path
        let onFile = try outputs(Self.sessions, file, home: home, decks: decks)
        let server = try PostgresServer.shared()
        let onServer = try outputs(Self.sessions, try server.makeDatabase(), home: home, decks: decks)
        for (index, step) in Self.sessions.enumerated() {
            #expect(onServer[index] == onFile[index], "\(step.arguments)")
        }
        let learners = onServer[8]
        #expect(["ana", "ben", "cy"].allSatisfy { learners.contains("  \($0)  ") }, "\(learners)")

        let copy = try server.makeDatabase()
        let copied = try LecternBinary.run(["db", "copy", file, copy], home: home)
        #expect(copied.standardOutput.hasPrefix("copied 16 answers of 3 learners"), "\(copied.standardError)")
        let reportsOnFile = try outputs(Self.reports, file, home: home, decks: decks)
        let reportsOnServer = try outputs(Self.reports, copy, home: home, decks: decks)
        for (index, step) in Self.reports.enumerated() {
            #expect(reportsOnServer[index] == reportsOnFile[index], "\(step.arguments)")
        }
        // The ratings changed in the sessions are the ones listed.
        #expect(reportsOnServer[0].contains(" easy ") && reportsOnServer[0].contains(" hard "), "\(reportsOnServer[0])")
    }
}
