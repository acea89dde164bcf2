extension Shell {
    /// Every command of the home prompt, in the order `help` lists them.
    public static let commands: [ShellCommand] = [
        ShellCommand(
            "help", usage: "help [COMMAND]", summary: "list the commands, or explain one",
            details: "With a command name, shows its synopsis and what it does.",
            argument: .command
        ) { shell, invocation throws(ShellError) in try shell.help(invocation) },
        ShellCommand(
            "decks", summary: "list the decks in the deck folders",
            details:
                "Shows every deck found in the deck folders (see --decks), with its title, item count and tags, and how many items are new and due for the current learner. A deck with errors is listed as broken with its first error; run 'lint' for all of them."
        ) { shell, _ throws(ShellError) in try shell.listDecks() },
        ShellCommand(
            "study", usage: "study DECK", summary: "study a deck: what is due, then new items",
            details:
                "Asks the deck's due items, then new ones in deck order (at most the daily new limit), with feedback after each answer. Inside a question type the answer, or :hint, :skip, :source, :quit, :help. Every answer is saved before the next question appears.",
            argument: .deck, options: ["--seed"]
        ) { shell, invocation throws(ShellError) in try shell.study(invocation) },
        ShellCommand(
            "review", usage: "review [DECK]", summary: "review what is due across decks, most overdue first",
            details:
                "Asks only what is due, most overdue first: without a deck across every deck (deck by deck), or in one deck. New items are met with 'study DECK'.",
            argument: .deck, options: ["--seed"]
        ) { shell, invocation throws(ShellError) in try shell.review(invocation) },
        ShellCommand(
            "drill", usage: "drill DECK [--tag T] [--skill S] [--shuffle]",
            summary: "practise without touching the schedule",
            details:
                "Asks every item of the deck (or those with the tag or skill), in deck order or shuffled. Answers are logged but do not move the review schedule.",
            argument: .deck, options: ["--tag", "--skill", "--shuffle", "--seed"]
        ) { shell, invocation throws(ShellError) in try shell.drill(invocation) },
        ShellCommand(
            "exam", usage: "exam DECK [--time 20m] [--count N] [--shuffle]",
            summary: "a timed test: no feedback until the end",
            details:
                "Asks the deck's items without feedback, then reports the score item by item. With --time, items left when time is up count as wrong; --count asks only the first N.",
            argument: .deck, options: ["--time", "--count", "--shuffle", "--seed"]
        ) { shell, invocation throws(ShellError) in try shell.exam(invocation) },
        ShellCommand(
            "stats", usage: "stats [DECK]", summary: "your progress: due, retention, mastery, calibration",
            details:
                "For the current learner: items seen, new and due; retention; mastery per skill and per tag; how often each confidence level was right; the streak and 30 days of activity.",
            argument: .deck
        ) { shell, invocation throws(ShellError) in try shell.showStats(invocation) },
        ShellCommand(
            "learner", usage: "learner [NAME]", summary: "show or switch the learner (for shared machines)",
            details:
                "Progress is kept per learner in one database, so a class can share a machine. The default learner is the login name; --learner sets it at start.",
            argument: .learner
        ) { shell, invocation throws(ShellError) in try shell.switchLearner(invocation) },
        ShellCommand(
            "learners", summary: "list the learners in the progress database",
            details:
                "Everyone who has answered, with their number of answers and last activity; * marks the current learner."
        ) { shell, _ throws(ShellError) in try shell.listLearners() },
        ShellCommand(
            "results", usage: "results [DECK] [--learner NAME…] [--since DATE] [--format table|csv|json] [--summary]",
            summary: "answers per learner, for teachers and gradebooks",
            details:
                "One row per answer (learner, deck, item, time, score 0–1, rating, hints, confidence, answer), or with --summary one row per learner. CSV follows RFC 4180 and is UTF-8.",
            argument: .deck, options: ["--learner", "--since", "--format", "--summary"]
        ) { shell, invocation throws(ShellError) in try shell.showResults(invocation) },
        ShellCommand(
            "lint", usage: "lint [PATH…] [--strict] [--format json]",
            summary: "check decks and show each problem with its line",
            details:
                "Checks the given deck files or folders (default: the deck folders) and prints file:line:column: error: message with the line and a caret. --strict makes warnings fail too.",
            options: ["--strict", "--format"]
        ) { shell, invocation throws(ShellError) in try shell.lint(invocation) },
        ShellCommand(
            "reload", summary: "re-read the deck folders after editing a deck",
            details: "Loads every deck again, so an author can edit, reload and retry without leaving the shell."
        ) { shell, _ throws(ShellError) in shell.reload() },
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
