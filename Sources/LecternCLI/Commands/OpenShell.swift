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
        let status = try ShellLauncher(global: global).run(firstLines: [], commandLine: commandLine)
        if status != 0 { throw ExitCode(status) }
    }
}

/// Builds the shell for this process and runs it on the terminal, a script or one line.
struct ShellLauncher {
    var global: GlobalOptions

    /// - Parameters:
    ///   - firstLines: run before reading input (e.g. `study DECK` for `lectern study DECK`).
    ///   - commandLine: `-c`: run this one line and stop.
    func run(firstLines: [String], commandLine: String?) throws -> Int32 {
        let interactive = commandLine == nil && TerminalSize.isInteractive
        let environment = global.environment
        let store = try global.openStore()
        let configuration = Shell.Configuration(
            deckDirectories: global.resolvedDeckDirectories(),
            colorEnabled: global.color.enablesColor(
                isTerminal: TerminalSize.stdoutIsTerminal, environment: environment),
            interactive: interactive,
            environment: environment,
            learner: global.learnerName,
            seed: global.seed,
            newItemsPerDay: global.newPerDay,
            limits: global.limits,
            unicode: Self.localeIsUTF8(environment))
        let shell = Shell(
            configuration: configuration, output: StandardOutput(), store: store, columns: { TerminalSize.columns() })
        let status = run(shell, firstLines: firstLines, commandLine: commandLine, interactive: interactive)
        if let failure = shell.output.writeFailure {
            shell.output.writeError("error: \(failure)\n")
            return 1
        }
        return status
    }

    private func run(_ shell: Shell, firstLines: [String], commandLine: String?, interactive: Bool) -> Int32 {
        let environment = shell.configuration.environment
        if let commandLine {
            return ShellRunner.runScripted(shell, lines: [commandLine], source: "-c")
        }
        guard interactive else {
            return ShellRunner.runScripted(shell, firstLines: firstLines, lines: ShellRunner.standardInputLines())
        }
        let warn: (String) -> Void = { shell.output.writeError($0 + "\n") }
        let historyFor = { (learner: String) in
            HistoryFile(path: DeckFolders.historyFile(environment: environment, learner: learner), warn: warn)
        }
        guard let editor = LineEditor(programName: "lectern", history: historyFor(global.learnerName), warn: warn)
        else {
            warn("warning: could not start line editing; reading plain lines")
            return ShellRunner.runScripted(shell, firstLines: firstLines, lines: ShellRunner.standardInputLines())
        }
        LineEditor.claimTerminalForeground()
        return ShellRunner.runInteractive(shell, editor: editor, firstLines: firstLines, historyFor: historyFor)
    }

    /// Whether the user's locale can show block characters and other non-ASCII symbols.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
