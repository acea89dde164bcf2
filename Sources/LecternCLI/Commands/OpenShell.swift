import ArgumentParser
import Foundation
import LecternShell
import LineEditing

/// Opens the shell: interactive on a terminal, scripted otherwise.
struct OpenShell: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the interactive shell (the default)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: [.customShort("c"), .customLong("command")], help: "Run one shell command line and exit.")
    var commandLine: String?

    func run() throws {
        let interactive = commandLine == nil && TerminalSize.isInteractive
        let status = Self.openShell(global: global, interactive: interactive) { shell in
            if let commandLine {
                return ShellRunner.runScripted(shell, lines: [commandLine])
            }
            if interactive {
                let environment = global.environment
                let history = HistoryFile(path: HistoryFile.defaultPath(environment: environment)) { shell.output.writeError($0 + "\n") }
                guard let editor = LineEditor(programName: "lectern", history: history, warn: { shell.output.writeError($0 + "\n") }) else {
                    shell.output.writeError("warning: could not start line editing; reading plain lines\n")
                    return ShellRunner.runScripted(shell, lines: ShellRunner.standardInputLines())
                }
                return ShellRunner.runInteractive(shell, editor: editor)
            }
            return ShellRunner.runScripted(shell, lines: ShellRunner.standardInputLines())
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Builds the shell for this process and hands it to `body`.
    static func openShell(global: GlobalOptions, interactive: Bool, _ body: (Shell) -> Int32) -> Int32 {
        let environment = global.environment
        let configuration = Shell.Configuration(
            deckDirectories: global.resolvedDeckDirectories(),
            colorEnabled: global.color.enablesColor(isTerminal: TerminalSize.stdoutIsTerminal, environment: environment),
            interactive: interactive,
            environment: environment)
        let shell = Shell(configuration: configuration, output: StandardOutput(), columns: { TerminalSize.columns() })
        return body(shell)
    }
}
