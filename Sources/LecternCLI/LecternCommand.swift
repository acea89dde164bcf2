import ArgumentParser
import Foundation
import LecternCore
import LecternShell

/// The `lectern` command tree: the shell's commands (defined once, in the shell library)
/// beside the commands that only make sense outside it. With no subcommand it opens the
/// shell, so `lectern` alone is all a learner needs to type.
package struct LecternCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "A terminal shell for reasoning quizzes.",
        discussion: """
            With no subcommand, opens the interactive shell on the deck folders. When standard \
            input or output is not a terminal, reads shell commands line by line, prints only \
            results and stops with status 1 at the first failing command. Start-up options may \
            stand before or after the subcommand.
            """,
        version: LecternCoreVersion.string,
        subcommands: [
            OpenShell.self, StudyCommand.self, ReviewCommand.self, DrillCommand.self, ExamCommand.self,
            DecksCommand.self, StatsCommand.self, LearnersCommand.self, ResultsCommand.self, LintCommand.self,
            New.self, Import.self, Export.self, Preview.self, DeckStats.self, FSRS.self, DatabaseCommands.self,
            HostCommand.self, JoinCommand.self,
        ],
        defaultSubcommand: OpenShell.self
    )

    // Declared here too so that they may come before the subcommand (`lectern --db X stats`);
    // argument-parser hands them to the subcommand, which declares the same groups.
    @OptionGroup(title: "Start-up options") var global: GlobalOptions
    @OptionGroup var seed: SeedOption

    package init() {}

    /// Parses the command line, runs the command and exits. Errors are worded as the
    /// shell words its own (`error: …`), and a mistyped subcommand gets a suggestion.
    package static func runAndExit(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit(withError: nil)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            if let unknown = unknownSubcommand(in: arguments, error: error) {
                FileHandle.standardError.write(Data(TerminalText.safe(unknown).utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            // argument-parser's "Error: Unknown option '--tags'. Did you mean '--tag'?" in our
            // words, with its usage lines after it.
            var message = fullMessage(for: error)
            if message.hasPrefix("Error: ") {
                let first = message.prefix { $0 != "\n" }
                message =
                    "error: " + ShellCommands.sentence(String(first.dropFirst("Error: ".count)))
                    + message.dropFirst(first.count)
            }
            if !message.isEmpty {
                FileHandle.standardError.write(Data(TerminalText.safe(message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// `lectern stat`: the word lands in the default subcommand as an unexpected argument;
    /// when it is the first word and close to a subcommand's name, say which was meant.
    static func unknownSubcommand(in arguments: [String], error: any Error) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-"),
            message(for: error).hasPrefix("Unexpected argument '\(word)'")
        else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        var text = "error: unknown command '\(word)'"
        if let suggestion = Suggestion.closest(to: word, among: names) {
            text += " — did you mean '\(suggestion)'?"
        }
        return text + "\n  See 'lectern --help' for the commands.\n"
    }
}
