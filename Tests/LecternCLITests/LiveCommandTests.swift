import Foundation
import LecternPostgresServer
import Testing

/// `lectern host` driven from a pipe, students in `lectern join` on pseudo-terminals, and the
/// progress store read back with `lectern results`: the real binary end to end, on an SQLite
/// file and on a PostgreSQL server.
@Suite("lectern host and lectern join")
struct LiveCommandTests {
    static let decks = LecternBinary.packageRoot.appendingPathComponent("Tests/LecternCLITests/Fixtures/decks").path

    @Test(arguments: ["sqlite", "postgres"])
    func aClassFromAPipeWithTwoStudentsAtTerminalsAndARejoin(_ store: String) throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let database =
            store == "postgres"
            ? try PostgresServer.shared().makeDatabase() : home.appendingPathComponent("class.sqlite").path
        let host = try PipedProcess(
            [
                "host", "tiny", "--decks", Self.decks, "--db", database, "--bind", "127.0.0.1", "--port", "0",
                "--time", "5m", "--count", "2", "--seed", "3",
            ], home: home)
        try host.expect("Hosting \"A tiny deck for tests\" (2 questions)", timeout: 30)
        try host.expect("join with: ")
        let words = try host.expect("\n").split(separator: " ")
        // `lectern join 127.0.0.1:PORT CODE`
        try #require(words.count == 4 && words[1] == "join")
        let address = String(words[2]), code = words[3].trimmingCharacters(in: .whitespacesAndNewlines)

        let anaHome = home.appendingPathComponent("ana"), benHome = home.appendingPathComponent("ben")
        let ana = try LecternBinary.onTerminal(["join", address, code, "--name", "Ana"], home: anaHome)
        try ana.expect("Joined \"A tiny deck for tests\" as Ana")
        var ben: PseudoTerminal? = try LecternBinary.onTerminal(
            ["join", address, code, "--name", "Ben"], home: benHome)
        try ben?.expect("as Ben")
        host.send("wait 2")
        host.send("who")
        try host.expect("2 connected")

        // A half-typed line stays as it was while the question is printed above it.
        ana.type("tr")
        host.send("start")
        try host.expect("Question 1 of 2 is open")
        try ana.expect("Starting to sell is easy.")
        // The joiner's own lobby and the next batched one are the same: shown once.
        #expect(ana.transcript.components(separatedBy: "In the lobby (1)").count == 2, "\(ana.transcript)")
        ana.type("ue\r")
        try ana.expect("Answer received: true")
        ben?.type("f\r")
        try ana.expect("Right! +")
        try ana.expect("rank 1 of 2")
        try ben?.expect("Wrong: 0 points.")
        try host.expect("revealed")

        // Ben's client is killed; `lectern join` again on the same machine gets his seat back.
        ben = nil
        try host.expect("Ben's connection dropped")
        let back = try LecternBinary.onTerminal(["join", address, code, "--name", "Someone"], home: benHome)
        try back.expect("Back in \"A tiny deck for tests\" as Ben")
        host.send("next")
        try back.expect("Question 2 of 2")
        back.type("t\r")
        ana.type("f\r")
        try ana.expect("You:")
        host.send("next")
        try host.expect("Not now: That was the last question")
        host.send("end")
        try ana.expect("The class is over. You finished")
        #expect(ana.waitForExit() == 0)
        try host.expect("answers are in the progress file.")

        let results = try LecternBinary.run(
            ["results", "tiny", "--db", database, "--format", "csv"], home: home)
        #expect(results.status == 0)
        let rows = results.standardOutput.split(whereSeparator: \.isNewline).dropFirst()
        #expect(rows.count == 4, "\(results.standardOutput) \(results.standardError)")
        #expect(rows.allSatisfy { $0.contains(",tiny,") && $0.contains(",class,") })
        #expect(rows.filter { $0.hasPrefix("Ana,") }.count == 2)
        #expect(rows.filter { $0.hasPrefix("Ben,") }.count == 2)
        let summary = try LecternBinary.run(["results", "tiny", "--db", database, "--summary"], home: home)
        #expect(summary.standardOutput.contains("Ana") && summary.standardOutput.contains("Ben"))
    }
}
