import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// Progress survives what people and machines do: a killed process, two shells on one
/// file, a file that is not ours. The real binary, a real SQLite file.
@Suite("Progress safety with the real binary", .serialized)
struct ProgressSafetyTests {
    static let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/decks"
    ).path

    func shell(home: URL, database: String, learner: String) throws -> PseudoTerminal {
        let terminal = try LecternBinary.onTerminal(
            ["--decks", Self.decks, "--db", database, "--learner", learner, "--seed", "7"], home: home)
        try terminal.expect("lectern> ")
        return terminal
    }

    func results(home: URL, database: String) throws -> [String] {
        let result = try LecternBinary.run(
            ["results", "--decks", Self.decks, "--db", database, "--format", "csv"], home: home)
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func killNineLosesNothingButTheAnswerBeingTyped() throws {
        let home = try LecternBinary.makeHome()
        let database = home.appendingPathComponent("progress.sqlite3").path
        let terminal = try shell(home: home, database: database, learner: "ana")
        terminal.type("study tiny\r")
        try terminal.expect("Starting to sell is easy.")
        try terminal.expect("answer> ")
        terminal.type("t\r")
        try terminal.expect("next> ")
        terminal.type("\r")
        try terminal.expect("Succeeding at selling is easy.")
        try terminal.expect("answer> ")
        terminal.type("f\r")
        // The learner sees the second answer graded and has not pressed Enter yet.
        try terminal.expect("next> ")
        kill(terminal.pid, SIGKILL)
        #expect(terminal.waitForExit() == 128 + SIGKILL)

        let rows = try results(home: home, database: database)
        #expect(rows.count == 3, "header and two answers: \(rows)")
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("ana,tiny,") })
        #expect(rows.contains { $0.contains(",start-easy,") } && rows.contains { $0.contains(",success-easy,") })
    }

    @Test func killNineWhileTypingAnAnswerKeepsTheEarlierOnes() throws {
        let home = try LecternBinary.makeHome()
        let database = home.appendingPathComponent("progress.sqlite3").path
        let terminal = try shell(home: home, database: database, learner: "ana")
        terminal.type("study tiny\r")
        try terminal.expect("answer> ")
        terminal.type("t\r")
        try terminal.expect("next> ")
        terminal.type("\r")
        try terminal.expect("answer> ")
        terminal.type("fal")  // typed, not yet entered
        kill(terminal.pid, SIGKILL)
        #expect(terminal.waitForExit() == 128 + SIGKILL)
        let rows = try results(home: home, database: database)
        #expect(rows.count == 2, "header and one answer: \(rows)")
    }

    @Test func twoShellsOnOneFileBothKeepTheirAnswers() throws {
        let home = try LecternBinary.makeHome()
        let database = home.appendingPathComponent("class.sqlite3").path
        let first = try shell(home: home, database: database, learner: "ana")
        let second = try shell(home: home, database: database, learner: "ben")
        for terminal in [first, second] {
            terminal.type("study tiny\r")
            try terminal.expect("answer> ")
        }
        for terminal in [first, second] {
            terminal.type("t\r")
            try terminal.expect("next> ")
            terminal.type("\r")
            try terminal.expect("answer> ")
        }
        for terminal in [first, second] {
            terminal.type(":quit\r")
            try terminal.expect("lectern> ")
            terminal.type("quit\r")
            #expect(terminal.waitForExit() == 0)
        }
        let rows = try results(home: home, database: database)
        #expect(rows.filter { $0.hasPrefix("ana,tiny,start-easy,") }.count == 1, "\(rows)")
        #expect(rows.filter { $0.hasPrefix("ben,tiny,start-easy,") }.count == 1, "\(rows)")
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws {
        let home = try LecternBinary.makeHome()
        let path = home.appendingPathComponent("notes.sqlite3").path
        let garbage = Data("these are my notes, not a database\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: garbage))
        let result = try LecternBinary.run(["--db", path, "-c", "decks"], home: home)
        #expect(result.status == 1)
        #expect(result.standardError.contains(path))
        #expect(FileManager.default.contents(atPath: path) == garbage)
    }
}
