import LecternCore

extension Shell {
    func help(_ invocation: Invocation) throws(ShellError) {
        guard let name = invocation.positional.first else {
            // One line per command: the name and what it does; `help NAME` gives the synopsis.
            let width = Self.commands.map(\.name.count).max() ?? 0
            for command in Self.commands {
                let name = command.name.padding(toLength: width, withPad: " ", startingAt: 0)
                say(term: name, style: .bold, then: "  " + command.summary)
            }
            say("Type 'help COMMAND' for its options. Inside a question, ':help' lists the ':' commands.", style: .dim)
            return
        }
        guard let command = Self.command(named: name) else {
            var message = "no command '\(name)'"
            if let suggestion = Suggestion.closest(to: name, among: Self.commandNames) {
                message += " — did you mean '\(suggestion)'?"
            }
            throw ShellError(message)
        }
        say(term: command.usage, style: .bold, then: " — " + command.summary)
        if !command.aliases.isEmpty { say("also: " + command.aliases.joined(separator: ", ")) }
        if !command.details.isEmpty { say(command.details) }
    }
}
