import ArgumentParser
import LecternCore

/// `help [COMMAND]`: the list of commands, or one command's help.
package struct HelpCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "help", abstract: "List the commands, or explain one.",
        discussion:
            "With a command name, shows its synopsis, arguments and options: the same text as 'lectern COMMAND --help'."
    )
    package static let completes = ShellArgumentKind.command
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "The command to explain.") var command: String?
    package init() {}

    package func run(in shell: Shell) throws(ShellError) {
        guard let name = command else {
            // One line per command: the name and what it does; `help NAME` gives the rest.
            let commands = ShellCommands.all
            let width = commands.map { ($0.configuration.commandName ?? "").count }.max() ?? 0
            for command in commands {
                let name = (command.configuration.commandName ?? "").padding(
                    toLength: width, withPad: " ", startingAt: 0)
                shell.printer.say(term: name, style: .bold, then: "  " + Self.summary(of: command))
            }
            shell.say(
                "Type 'help COMMAND' for its options. Inside a question, ':help' lists the ':' commands.", style: .dim)
            return
        }
        guard let command = ShellCommands.command(named: name) else {
            var message = "no command '\(name)'"
            if let suggestion = Suggestion.closest(to: name, among: ShellCommands.allNames) {
                message += " — did you mean '\(suggestion)'?"
            }
            throw ShellError(message)
        }
        shell.printer.sayVerbatim(ShellCommands.helpText(for: command, columns: shell.printer.columns()))
    }
}

extension HelpCommand {
    /// The abstract as one line of the list: "list the decks in the deck folders".
    static func summary(of command: any ShellRunnable.Type) -> String {
        var text = command.configuration.abstract
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}

/// `quit` (or `exit`): leaves the shell; Ctrl-D does the same.
package struct QuitCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "quit", abstract: "Leave the shell (Ctrl-D does the same).",
        discussion: "Everything answered is already saved.", aliases: ["exit"])
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    package init() {}

    package func run(in shell: Shell) throws(ShellError) { shell.exitRequested = true }
}
