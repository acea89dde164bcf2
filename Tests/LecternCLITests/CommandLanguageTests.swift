import Foundation
import Testing

/// One command language: the command line and the shell parse with the same commands.
@Suite("One command language")
struct CommandLanguageTests {
    /// A progress file with one answer, so that `learners` has something to list.
    static func homeWithOneAnswer() throws -> (home: URL, database: String) {
        let home = try LecternBinary.makeHome()
        let database = home.appendingPathComponent("progress.sqlite3").path
        let answered = try LecternBinary.run(
            ["drill", "platform-wins", "--db", database, "--learner", "ana"], input: "a\n:quit\n", home: home)
        #expect(answered.status == 0, "\(answered.standardError)")
        return (home, database)
    }

    @Test func startUpOptionsStandBeforeOrAfterTheCommand() throws {
        let (home, database) = try Self.homeWithOneAnswer()
        let before = try LecternBinary.run(["--db", database, "learners"], home: home)
        let after = try LecternBinary.run(["learners", "--db", database], home: home)
        #expect(before.status == 0 && after.status == 0, "\(before.standardError)\(after.standardError)")
        #expect(before.standardOutput.contains("ana"))
        #expect(before.standardOutput == after.standardOutput)
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        let result = try LecternBinary.run(["stast"], home: try LecternBinary.makeHome())
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("error: unknown command 'stast' — did you mean 'stats'?\n"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func anUnknownOptionIsAnErrorOnTheCommandLineToo() throws {
        let result = try LecternBinary.run(
            ["drill", "platform-wins", "--tags", "T3"], home: try LecternBinary.makeHome())
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("error: unknown option '--tags' — did you mean '--tag'?\n"))
    }

    /// `help study` in the shell and `lectern study --help` come from one definition.
    @Test func shellHelpAndCommandLineHelpAreTheSameText() throws {
        let home = try LecternBinary.makeHome()
        let inShell = try LecternBinary.run(["-c", "help study"], home: home)
        let onCommandLine = try LecternBinary.run(["study", "--help"], home: home)
        #expect(inShell.status == 0 && onCommandLine.status == 0)
        #expect(inShell.standardOutput.contains("--seed <n>"))
        #expect(inShell.standardOutput == onCommandLine.standardOutput)
    }
}
