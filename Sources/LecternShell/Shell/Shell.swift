package import Foundation
package import LecternCore
package import LecternStore

/// The interactive shell as a step function: a line goes in, output comes out through the
/// injected `ShellOutput`, and an outcome tells the runner whether to go on.
///
/// The shell never exits the process and never reads the terminal itself, so tests drive
/// it line by line, and one runner (libedit or plain lines) owns the loop. At the home
/// prompt a line is parsed as a command (`ShellCommands`); while a study session runs,
/// lines go to the session runner.
package final class Shell {
    /// What the runner does after a line.
    package enum Outcome: Equatable, Sendable {
        case proceed
        /// The command failed; its error is already on standard error.
        case failed
        case exit
    }

    package internal(set) var configuration: Configuration
    package let printer: Printer
    /// The clock; injected so tests control time.
    let now: () -> Date
    /// Progress for every learner; nil means answers are kept for this run only.
    let store: (any ProgressStorage)?
    /// Study sessions in progress, and the sink their answers go to.
    let sessions: SessionRunner
    /// Where the line being handled came from (`stdin:3`), for errors in scripted mode.
    package var inputPosition: String?
    /// Set by `quit`: the runner stops after this line.
    var exitRequested = false

    private var loadedLibrary: DeckLibrary?

    package init(
        configuration: Configuration, output: any ShellOutput, store: (any ProgressStorage)? = nil,
        columns: @escaping () -> Int = { 80 }, now: @escaping () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.printer = Printer(
            output: output, colorEnabled: configuration.colorEnabled, wraps: configuration.interactive,
            columns: columns)
        self.now = now
        self.store = store
        self.sessions = SessionRunner(printer: printer, interactive: configuration.interactive, now: now)
    }

    package var output: any ShellOutput { printer.output }
    package var styler: Styler { printer.styler }

    /// The decks of the deck folders, read on first use (`lectern lint FILE` needs none),
    /// with each deck's own rules but not the rules across decks, which only warn: listing or
    /// studying decks has no use for them (`libraryCheckedAcrossDecks()` adds them).
    package internal(set) var library: DeckLibrary {
        get {
            if let loadedLibrary { return loadedLibrary }
            let library = DeckLibrary.load(
                directories: configuration.deckDirectories, limits: configuration.limits, checks: .ownRulesOnly)
            loadedLibrary = library
            return library
        }
        set { loadedLibrary = newValue }
    }

    /// `library` with every rule run, the rules across decks included: what `lint` reports.
    package func libraryCheckedAcrossDecks() -> DeckLibrary {
        let checked = library.checkedAcrossDecks()
        loadedLibrary = checked
        return checked
    }

    /// The one line shown when the shell opens on a terminal.
    package var banner: String {
        let decks = library.usableDecks.count
        var text =
            styler.apply(.heading, "Lectern \(LecternCoreVersion.string)")
            + " — \(decks == 1 ? "1 deck" : "\(decks) decks")"
        if let due = dueSummary() { text += ", " + due }
        return text + "; type 'help' for commands, Ctrl-D to leave."
    }

    /// The prompt for the next line.
    package var prompt: String {
        sessions.prompt.map { TerminalText.safeLine($0) } ?? "lectern> "
    }

    /// True while a study session takes the lines.
    package var isInSession: Bool { sessions.isActive }

    /// Runs one line: a command at the home prompt, or input to the running session.
    package func handle(line: String) -> Outcome {
        guard line.utf8.count <= Self.maximumLineBytes else { return refuseLongLine(line) }
        if sessions.isActive {
            switch sessions.step(line: line, position: inputPosition) {
            case .done(let outcome): return outcome
            case .forShell: break
            }
        }
        let words: [String]
        do {
            words = try CommandLineSplitter.split(line)
        } catch {
            return fail(ShellError(error.description))
        }
        guard !words.isEmpty else { return .proceed }
        do throws(ShellError) {
            switch try ShellCommands.parse(words, columns: printer.columns()) {
            case .command(let command): return run(command)
            case .help(let text):
                printer.sayVerbatim(text)
                return .proceed
            }
        } catch {
            return fail(error)
        }
    }

    /// Runs a parsed command: from a line, or the one `lectern study DECK` stands for.
    package func run(_ command: any ShellRunnable) -> Outcome {
        do throws(ShellError) {
            try command.run(in: self)
        } catch {
            return fail(error)
        }
        if exitRequested { return .exit }
        return .proceed
    }

    /// Ctrl-C: at the home prompt the line is already dropped; in a session the question
    /// on screen is abandoned (a second Ctrl-C offers to leave).
    package func interrupt() -> Outcome {
        sessions.interrupt()
    }

    /// The end of input (Ctrl-D, or the end of a script); see `SessionRunner.endOfInput`.
    package func endOfInput() -> Outcome {
        sessions.endOfInput(position: inputPosition)
    }

    /// No command or answer is this long; a pasted file is refused before it is parsed,
    /// graded or compared with anything, so it costs nothing.
    package static let maximumLineBytes = 64 * 1024

    func refuseLongLine(_ line: String) -> Outcome {
        let kib = (line.utf8.count + 1023) / 1024
        return fail(
            ShellError(
                "the line is too long (\(kib) KiB; at most \(Self.maximumLineBytes / 1024) KiB) and was not run; nothing was changed"
            ))
    }

    /// Prints the error (unless the command already showed why) and fails the line.
    func fail(_ error: ShellError) -> Outcome {
        if !error.message.isEmpty { printer.error(error.message) }
        return .failed
    }

    func say(_ text: String, style: TextStyle = .plain, indent: String = "") {
        printer.say(text, style: style, indent: indent)
    }
}
