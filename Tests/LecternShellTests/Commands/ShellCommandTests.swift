import Foundation
import LecternShell
import Testing
import ArgumentParser

@Suite("Shell commands")
struct ShellCommandTests {
    func makeShell(decks: [String] = []) -> (Shell, BufferedOutput) {
        let output = BufferedOutput()
        let configuration = Shell.Configuration(
            deckDirectories: decks, colorEnabled: false, interactive: false, environment: [:])
        return (Shell(configuration: configuration, output: output), output)
    }

    @Test(arguments: [
        ("stdy", "error: unknown command 'stdy' — did you mean 'study'?\n"),
        ("hlep", "error: unknown command 'hlep' — did you mean 'help'?\n"),
        ("dekcs", "error: unknown command 'dekcs' — did you mean 'decks'?\n"),
        ("xylophone", "error: unknown command 'xylophone'; type 'help' for the list\n"),
    ])
    func unknownCommandsSuggestTheNearestName(line: String, expected: String) {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: line) == .failed)
        #expect(output.standardError == expected)
        #expect(output.standardOutput.isEmpty)
    }

    @Test func helpListsOneLinePerCommand() {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: "help") == .proceed)
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == ShellCommands.all.count + 1)
        for (line, command) in zip(lines, ShellCommands.all) {
            #expect(line.hasPrefix((command.configuration.commandName ?? "?") + " "))
            var summary = command.configuration.abstract
            summary.removeLast()  // the full stop
            #expect(line.lowercased().hasSuffix("  " + summary.lowercased()))
        }
        #expect(lines.last == "Type 'help COMMAND' for its options. Inside a question, ':help' lists the ':' commands.")
    }

    @Test func helpExplainsOneCommand() {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: "help quit") == .proceed)
        #expect(output.standardOutput.hasPrefix("OVERVIEW: Leave the shell (Ctrl-D does the same).\n"))
        #expect(output.standardOutput.contains("Everything answered is already saved."))
        #expect(output.standardOutput.contains("USAGE: lectern quit"))
        #expect(output.standardError.isEmpty)
    }

    /// `help NAME` and `NAME --help` in the shell print the same text.
    @Test func helpAndDashDashHelpAgree() {
        let (first, help) = makeShell()
        let (second, dashed) = makeShell()
        #expect(first.handle(line: "help drill") == .proceed)
        #expect(second.handle(line: "drill --help") == .proceed)
        #expect(help.standardOutput == dashed.standardOutput)
        #expect(help.standardOutput.contains("--tag <tag>"))
    }

    /// One parser: an unknown option is an error with a suggestion, never silently dropped.
    @Test func unknownOptionIsAnErrorWithASuggestion() {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: "drill some-deck --tags T3") == .failed)
        #expect(output.standardError == "error: unknown option '--tags' — did you mean '--tag'? See 'help drill'\n")
    }

    /// A value with spaces is one word when quoted.
    @Test func quotedLearnerNameKeepsItsSpace() {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: "learner \"Ana Lopez\"") == .proceed)
        #expect(shell.configuration.learner == "Ana Lopez")
        #expect(output.standardOutput == "learner is now Ana Lopez\n")
        #expect(shell.handle(line: "learner Ana Lopez") == .failed)
        #expect(output.standardError.hasPrefix("error: unexpected argument 'Lopez'"))
    }

    /// Start-up options are fixed once the shell runs: setting one at the prompt is refused.
    @Test func startUpOptionsAreRefusedAtThePrompt() {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: "stats --db other.sqlite3") == .failed)
        #expect(output.standardError.hasPrefix("error: --db is a start-up option"))
    }

    @Test(arguments: ["quit", "exit", "  quit  "])
    func quitAndExitLeave(line: String) {
        let (shell, _) = makeShell()
        #expect(shell.handle(line: line) == .exit)
    }

    @Test func blankLinesDoNothing() {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: "   ") == .proceed)
        #expect(output.standardOutput.isEmpty && output.standardError.isEmpty)
    }

    @Test func unclosedQuoteIsAnError() {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: "help \"decks") == .failed)
        #expect(output.standardError == "error: unclosed \" quote; close it or escape it with a backslash\n")
    }
}

@Suite("Deck listing")
struct DeckListingTests {
    func shell(interactive: Bool, columns: Int) throws -> (Shell, BufferedOutput) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-listing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try CompletionTests.deck("facts").write(
            to: folder.appendingPathComponent("facts.yaml"), atomically: true, encoding: .utf8)
        try "lectern: 1\nid: broken\ntitle: [\n".write(
            to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let output = BufferedOutput()
        let configuration = Shell.Configuration(
            deckDirectories: [folder.path], colorEnabled: false, interactive: interactive, environment: [:])
        return (Shell(configuration: configuration, output: output, columns: { columns }), output)
    }

    @Test func oneLinePerDeckAndBrokenDecksWithTheirFirstError() throws {
        let (shell, output) = try shell(interactive: false, columns: 80)
        #expect(shell.handle(line: "decks") == .proceed)
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("broken  BROKEN  ") && lines[0].contains("broken.yaml:4:1: invalid YAML"))
        #expect(lines[1] == "facts   A deck  1 item")
    }

    @Test func titlesMoveToTheirOwnLineOnANarrowTerminal() throws {
        let (shell, output) = try shell(interactive: true, columns: 30)
        #expect(shell.handle(line: "decks") == .proceed)
        #expect(output.standardOutput.contains("facts   1 item\n    A deck\n"))
    }
}
