import ArgumentParser

/// A command of the shell. Each is one argument-parser command, so a single definition
/// gives the parser of a shell line, the parser of `lectern NAME …`, `help NAME`,
/// `lectern NAME --help`, Tab completion and "did you mean".
///
/// On the command line (`lectern study DECK`), `run()` opens the shell and runs the parsed
/// command in it first; inside the shell the line is parsed with the same tree
/// (`ShellCommands.parse`) and `run(in:)` is called directly.
package protocol ShellRunnable: ParsableCommand {
    /// The start-up options, parsed wherever they stand on the command line. In the shell
    /// they were fixed at start-up, so a line that sets one is refused (`ShellCommands`).
    var global: GlobalOptions { get }

    /// Runs the command in `shell`; a failure is printed by the shell as `error: …`.
    func run(in shell: Shell) throws(ShellError)

    /// From the command line: whether the shell stays open after the command (a session
    /// goes on reading answers) or the process ends with the command's status (a report).
    static var staysOpen: Bool { get }

    /// What Tab offers for the first positional argument.
    static var completes: ShellArgumentKind { get }

    /// Start-up options that this command reads as its own inside the shell (`results
    /// --learner NAME` chooses whose answers to show).
    static var ownStartupOptions: Set<String> { get }

    /// The seed a session command was given, so the shell it opens uses it too.
    var launchSeed: UInt64? { get }
}

extension ShellRunnable {
    package static var staysOpen: Bool { false }
    package static var completes: ShellArgumentKind { .none }
    package static var ownStartupOptions: Set<String> { [] }
    package var launchSeed: UInt64? { nil }

    /// `lectern NAME …`: builds the shell for this process and runs this command in it.
    package func run() throws {
        let status = try ShellLauncher(global: global, seed: launchSeed).run(first: self)
        if status != 0 { throw ExitCode(status) }
    }
}

/// What Tab offers for a command's positional argument.
package enum ShellArgumentKind: Sendable {
    case none
    case deck
    case command
    case learner
}

/// A failed command: printed as `error: …` on standard error; in scripted mode it stops
/// the run with a non-zero status. An empty message means the command already said why
/// (`lint` printed its findings) and only the status is left to give.
package struct ShellError: Error, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    /// The command failed and has already shown why.
    package static let alreadyReported = ShellError("")

    package var description: String { message }
}
