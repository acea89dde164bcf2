import ArgumentParser
import Foundation
import LecternCore

/// The shell's command tree: the commands of the home prompt, in the order `help` lists
/// them. `lectern`'s own tree (in the command-line target) lists the same types beside the
/// commands that only make sense outside the shell, so each command is defined once.
package struct ShellCommands: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "lectern",
        // The same as `lectern`'s, so that `help NAME` and `lectern NAME --help` are one text.
        version: LecternCoreVersion.string,
        subcommands: [
            HelpCommand.self, DecksCommand.self, StudyCommand.self, ReviewCommand.self, DrillCommand.self,
            ExamCommand.self, StatsCommand.self, LearnerCommand.self, LearnersCommand.self, ResultsCommand.self,
            LintCommand.self, ReloadCommand.self, QuitCommand.self,
        ])

    package init() {}

    /// Every command type of the shell, in `help` order.
    package static var all: [any ShellRunnable.Type] {
        configuration.subcommands.compactMap { $0 as? any ShellRunnable.Type }
    }

    /// The command's name and its aliases (`quit`, `exit`).
    package static func names(of command: any ShellRunnable.Type) -> [String] {
        [command.configuration.commandName ?? ""] + command.configuration.aliases
    }

    package static var allNames: [String] { all.flatMap(names(of:)) }

    static func command(named name: String) -> (any ShellRunnable.Type)? {
        all.first { names(of: $0).contains(name) }
    }

    /// What `help NAME` and `NAME --help` print: argument-parser's help for the command,
    /// the same text as `lectern NAME --help` (which ends with an empty line).
    static func helpText(for command: any ShellRunnable.Type, columns: Int) -> String {
        ShellCommands.helpMessage(for: command, columns: columns) + "\n"
    }

    /// The result of parsing one shell line.
    enum Parsed {
        case command(any ShellRunnable)
        /// `NAME --help`: text to print, no error.
        case help(String)
    }

    /// Parses the words of a line with the shell's tree. Errors are worded as the shell
    /// words its own (`unknown option '--tags' — did you mean '--tag'?; see 'help drill'`).
    static func parse(_ words: [String], columns: Int) throws(ShellError) -> Parsed {
        guard let name = words.first else { throw ShellError("empty command") }
        guard let type = command(named: name) else { throw unknownCommand(name) }
        let parsed: any ParsableCommand
        do {
            parsed = try ShellCommands.parseAsRoot(words)
        } catch {
            if ShellCommands.exitCode(for: error) == .success {
                return .help(ShellCommands.fullMessage(for: error, columns: columns) + "\n")
            }
            let text = sentence(ShellCommands.message(for: error))
            throw ShellError(text + (text.hasSuffix("?") ? " See" : "; see") + " 'help \(name)'")
        }
        guard let runnable = parsed as? any ShellRunnable else {
            // argument-parser's own `--help` handling yields its help command.
            return .help(helpText(for: type, columns: columns))
        }
        let given = runnable.global.givenOptions.subtracting(type.ownStartupOptions)
        if let option = given.sorted().first {
            throw ShellError(
                "--\(option) is a start-up option; give it when starting lectern (e.g. 'lectern --\(option) …')"
                    + (option == "learner" ? ", or switch with 'learner NAME'" : ""))
        }
        return .command(runnable)
    }

    static func unknownCommand(_ name: String) -> ShellError {
        var message = "unknown command '\(name)'"
        if name.hasPrefix(":") {
            message += "; ':' commands work inside a question — start one with 'study DECK'"
        } else if let suggestion = Suggestion.closest(to: name, among: allNames) {
            message += " — did you mean '\(suggestion)'?"
        } else {
            message += "; type 'help' for the list"
        }
        return ShellError(message)
    }

    /// argument-parser's "Unknown option '--tags'. Did you mean '--tag'?" in the shell's
    /// words: a lower-case start and a dash before the suggestion, no full stop.
    package static func sentence(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        text = text.replacingOccurrences(of: ". Did you mean", with: " — did you mean")
        if text.hasSuffix(".") { text.removeLast() }
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// The long options each command takes, for Tab, read from argument-parser's own
    /// description of the tree so that they cannot drift from the parser.
    static let optionNames: [String: [String]] = {
        struct Tool: Decodable {
            struct Command: Decodable {
                var commandName: String
                var arguments: [Argument]?
                var subcommands: [Command]?
            }
            struct Argument: Decodable {
                struct Name: Decodable {
                    var kind: String
                    var name: String
                }
                var kind: String
                var names: [Name]?
                var shouldDisplay: Bool
            }
            var command: Command
        }
        guard let tool = try? JSONDecoder().decode(Tool.self, from: Data(ShellCommands._dumpHelp().utf8)) else {
            return [:]
        }
        var options: [String: [String]] = [:]
        for command in tool.command.subcommands ?? [] {
            let shown = (command.arguments ?? []).filter { $0.kind != "positional" && $0.shouldDisplay }
            let names: [Tool.Argument.Name] = shown.flatMap { $0.names ?? [] }
            options[command.commandName] = names.filter { $0.kind == "long" && $0.name != "help" }.map {
                "--" + $0.name
            }
        }
        return options
    }()
}
