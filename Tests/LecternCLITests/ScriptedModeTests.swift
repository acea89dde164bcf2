import Foundation
import Testing

/// The real binary with pipes: scripted mode, as a classroom script or CI would use it.
@Suite("Scripted mode")
struct ScriptedModeTests {
    @Test func pipedCommandsPrintOnlyResults() throws {
        let result = try LecternBinary.run(
            ["--decks", LecternBinary.bundledDecks], input: "help\nquit\n", home: try LecternBinary.makeHome())
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("help "), "no banner, no prompt")
        #expect(!result.standardOutput.contains("lectern>"))
        #expect(!result.standardOutput.contains("\u{1B}["), "no colour when not on a terminal")
        #expect(result.standardError.isEmpty)
    }

    @Test func stopsAtTheFirstFailingCommandWithItsErrorOnStandardError() throws {
        let result = try LecternBinary.run([], input: "help decks\nstdy\nhelp\n", home: try LecternBinary.makeHome())
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("OVERVIEW: List the decks in the deck folders.\n"))
        #expect(result.standardOutput.contains("USAGE: lectern decks"))
        #expect(result.standardError.contains("error: unknown command 'stdy'"))
    }

    @Test func dashCRunsOneCommandLine() throws {
        let home = try LecternBinary.makeHome()
        let ok = try LecternBinary.run(["-c", "help quit"], home: home)
        #expect(ok.status == 0)
        #expect(ok.standardOutput.hasPrefix("OVERVIEW: Leave the shell (Ctrl-D does the same)."))
        let failing = try LecternBinary.run(["-c", "hlep"], home: home)
        #expect(failing.status == 1)
        #expect(failing.standardError == "error: unknown command 'hlep' — did you mean 'help'?\n")
    }

    @Test func versionAndHelp() throws {
        let home = try LecternBinary.makeHome()
        let version = try LecternBinary.run(["--version"], home: home)
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try LecternBinary.run(["--help"], home: home)
        #expect(help.standardOutput.contains("USAGE: lectern"))
    }

    @Test func bashCompletionScriptIsGenerated() throws {
        let result = try LecternBinary.run(
            ["--generate-completion-script", "bash"], home: try LecternBinary.makeHome())
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("-F _lectern lectern"))
    }

    @Test func bundledDecksAreFoundWithoutDecksOption() throws {
        let result = try LecternBinary.run(["-c", "decks"], home: try LecternBinary.makeHome())
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("platform-wins"))
    }
}

/// `:source` shows the real paragraph when the deck's `source.file` is beside it, and the
/// deck's own summary otherwise.
@Suite("Source paragraphs")
struct SourceParagraphTests {
    static let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/decks/tiny.yaml")

    @Test func theFullParagraphWhenTheSourceFileIsThere() throws {
        let home = try LecternBinary.makeHome()
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.tiny, to: decks.appendingPathComponent("tiny.yaml"))
        try
            "[¶1] Anyone may open a shop today; keeping it open is the hard part.\n\n[¶2] Whoever gathers the crowd keeps it.\n"
            .write(to: decks.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let result = try LecternBinary.run(["--decks", decks.path], input: "drill tiny\n:source\n:quit\n", home: home)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("¶1: Anyone may open a shop today; keeping it open is the hard part."))
    }

    @Test func theSummaryWhenItIsNot() throws {
        let home = try LecternBinary.makeHome()
        let result = try LecternBinary.run(
            ["--decks", Self.tiny.deletingLastPathComponent().path], input: "drill tiny\n:source\n:quit\n", home: home)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("¶1: Starting is easy; succeeding is hard."))
    }
}

/// `lectern fsrs replay`: JSON lines in, one line per history out; bad lines reported by
/// number on standard error, the good ones still replayed, exit status 1.
@Suite("FSRS replay command")
struct FSRSReplayCommandTests {
    @Test func replaysGoodLinesAndReportsBadOnes() throws {
        let input = """
            {"id": 7, "reviews": [{"rating": 3, "time": "2026-01-01T00:00:00Z"}]}
            {"id": 8, "reviews": [{"rating": 9, "time": "2026-01-01T00:00:00Z"}]}

            not json
            {"id": 9, "reviews": [{"rating": 1, "time": "2026-01-01T00:00:00Z"}]}
            """
        let result = try LecternBinary.run(["fsrs", "replay"], input: input, home: try LecternBinary.makeHome())
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.first?.hasPrefix(
                #"{"id": 7, "states": [{"stability": 2.3065, "difficulty": 2.118103970459016, "state": "learning", "interval_days": 0.006944444444444444, "due": "2026-01-01T00:10:00Z"}"#
            ) == true)
        #expect(lines.last?.hasPrefix(#"{"id": 9, "#) == true)
        let errors = result.standardError.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("line 2: rating must be 1, 2, 3 or 4, got 9") == true)
        #expect(errors.last?.hasPrefix("line 4: ") == true)
    }

    @Test func readsAFile() throws {
        let home = try LecternBinary.makeHome()
        let file = home.appendingPathComponent("histories.jsonl")
        try #"{"id": 1, "reviews": [{"rating": 4, "time": "2026-01-01T00:00:00Z"}]}"#.write(
            to: file, atomically: true, encoding: .utf8)
        let result = try LecternBinary.run(["fsrs", "replay", file.path], home: home)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(#""state": "review""#))
    }
}
