import ArgumentParser
import LecternCore

/// The `lectern` command tree. With no subcommand it opens the shell, so `lectern` alone
/// is all a learner needs to type.
public struct LecternCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "A terminal shell for reasoning quizzes.",
        discussion: """
            With no subcommand, opens the interactive shell on the deck folders. When standard \
            input or output is not a terminal, reads shell commands line by line, prints only \
            results and stops with status 1 at the first failing command.
            """,
        version: LecternCoreVersion.string,
        subcommands: [
            OpenShell.self, Study.self, Review.self, Drill.self, Exam.self, Stats.self, Learners.self, Results.self,
            Lint.self, New.self, Import.self, Preview.self, DeckStats.self, FSRS.self, DatabaseCommands.self,
            HostCommand.self, JoinCommand.self,
        ],
        defaultSubcommand: OpenShell.self
    )

    public init() {}
}
