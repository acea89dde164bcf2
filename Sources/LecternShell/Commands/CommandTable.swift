extension Shell {
    /// Every command of the home prompt, in the order `help` lists them.
    public static let commands: [ShellCommand] = [
        ShellCommand(
            "help", usage: "help [COMMAND]", summary: "list the commands, or explain one",
            details: "With a command name, shows its synopsis and what it does.",
            argument: .command
        ) { shell, invocation throws(ShellError) in
            try shell.help(invocation)
        },
        ShellCommand(
            "decks", summary: "list the decks in the deck folders",
            details: "Shows every deck found in the deck folders (see --decks), with its title, item count and tags. A deck with errors is listed as broken with its first error; run 'lint' for all of them."
        ) { shell, _ throws(ShellError) in
            shell.listDecks()
        },
        ShellCommand(
            "quit", aliases: ["exit"], summary: "leave the shell (Ctrl-D does the same)",
            details: "Everything answered is already saved."
        ) { _, _ throws(ShellError) in },
    ]

    /// Options that take a value, across all commands (so `--tag T` keeps T as its value).
    static let valuedOptions: Set<String> = ["tag", "skill", "time", "count", "seed", "learner", "since", "format"]

    static var commandNames: [String] { commands.flatMap(\.names) }

    static func command(named name: String) -> ShellCommand? {
        commands.first { $0.names.contains(name) }
    }
}
