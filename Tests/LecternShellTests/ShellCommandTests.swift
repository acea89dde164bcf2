import Foundation
import LecternShell
import Testing

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
        #expect(lines.count == Shell.commands.count + 1)
        for (line, command) in zip(lines, Shell.commands) {
            #expect(line.hasPrefix(command.name + " "))
            #expect(line.hasSuffix("  " + command.summary))
        }
        #expect(lines.last == "Type 'help COMMAND' for its options. Inside a question, ':help' lists the ':' commands.")
    }

    @Test func helpExplainsOneCommand() {
        let (shell, output) = makeShell()
        #expect(shell.handle(line: "help quit") == .proceed)
        #expect(
            output.standardOutput
                == "quit — leave the shell (Ctrl-D does the same)\nalso: exit\nEverything answered is already saved.\n")
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
