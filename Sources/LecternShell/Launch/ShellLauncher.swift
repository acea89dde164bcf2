import ArgumentParser
import Foundation
import LecternCore
import LineEditing

/// `lectern` and `lectern shell`: opens the shell, interactive on a terminal, scripted otherwise.
package struct OpenShell: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the interactive shell (the default)."
    )

    @OptionGroup package var global: GlobalOptions
    @OptionGroup package var seed: SeedOption

    @Option(name: [.customShort("c"), .customLong("command")], help: "Run one shell command line and exit.")
    var commandLine: String?

    package init() {}

    package func run() throws {
        let launcher = ShellLauncher(global: global, seed: seed.seed)
        let status = try commandLine.map { try launcher.run(commandLine: $0) } ?? launcher.run(first: nil)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The shell's composition root: the one place that decides terminal or script and builds
/// the store, the shell, the line editor and the history file for this process.
package struct ShellLauncher {
    var global: GlobalOptions
    var seed: UInt64?

    package init(global: GlobalOptions, seed: UInt64?) {
        self.global = global
        self.seed = seed
    }

    /// Runs `first` (the command `lectern study DECK` stands for) and then, if it is a
    /// session or there is none, the shell's input: the terminal or standard input.
    package func run(first: (any ShellRunnable)?) throws -> Int32 {
        // A report (`lectern stats`) prints for a program as much as for a person: unwrapped,
        // no banner. A session (`lectern study DECK`) or the shell itself is interactive on a terminal.
        let interactive = (first.map { type(of: $0).staysOpen } ?? true) && TerminalSize.isInteractive
        let shell = try makeShell(interactive: interactive)
        let status: Int32
        if let first, !type(of: first).staysOpen {
            status = ShellRunner.runCommand(shell, first)
        } else {
            status = run(shell, first: first, interactive: interactive)
        }
        return finish(shell, status: status)
    }

    /// `-c LINE`: runs one shell line in scripted mode and stops.
    package func run(commandLine: String) throws -> Int32 {
        let shell = try makeShell(interactive: false)
        return finish(shell, status: ShellRunner.runScripted(shell, lines: [commandLine], source: "-c"))
    }

    private func makeShell(interactive: Bool) throws -> Shell {
        let environment = global.environment
        let configuration = Shell.Configuration(
            deckDirectories: global.resolvedDeckDirectories(),
            colorEnabled: global.color.enablesColor(
                isTerminal: TerminalSize.stdoutIsTerminal, environment: environment),
            interactive: interactive,
            environment: environment,
            learner: global.learnerName,
            seed: seed,
            newItemsPerDay: global.newPerDay,
            limits: global.limits,
            unicode: Self.localeIsUTF8(environment))
        return Shell(
            configuration: configuration, output: StandardOutput(), store: try global.openStore(),
            columns: { TerminalSize.columns() })
    }

    /// Output that could not be written turns any status into a failure with its reason.
    private func finish(_ shell: Shell, status: Int32) -> Int32 {
        guard let failure = shell.output.writeFailure else { return status }
        shell.output.writeError("error: \(failure)\n")
        return 1
    }

    private func run(_ shell: Shell, first: (any ShellRunnable)?, interactive: Bool) -> Int32 {
        let environment = shell.configuration.environment
        guard interactive else {
            return ShellRunner.runScripted(shell, first: first, lines: ShellRunner.standardInputLines())
        }
        let warn: (String) -> Void = { shell.output.writeError($0 + "\n") }
        let historyFor = { (learner: String) in
            HistoryFile(path: DeckFolders.historyFile(environment: environment, learner: learner), warn: warn)
        }
        guard let editor = LineEditor(programName: "lectern", history: historyFor(global.learnerName), warn: warn)
        else {
            warn("warning: could not start line editing; reading plain lines")
            return ShellRunner.runScripted(shell, first: first, lines: ShellRunner.standardInputLines())
        }
        LineEditor.claimTerminalForeground()
        return ShellRunner.runInteractive(shell, editor: editor, first: first, historyFor: historyFor)
    }

    /// Whether the user's locale can show block characters and other non-ASCII symbols.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
