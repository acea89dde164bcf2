import Foundation
import LecternCore
import LecternStore
import LineEditing

/// The interactive shell as a step function: a line goes in, output comes out through the
/// injected `ShellOutput`, and an outcome tells the runner whether to go on.
///
/// The shell never exits the process and never reads the terminal itself, so tests drive
/// it line by line, and one runner (libedit or plain lines) owns the loop. At the home
/// prompt words are commands; while a study session runs, lines go to the session.
public final class Shell {
    public struct Configuration: Sendable {
        /// Folders searched for `*.yaml` decks, in order.
        public var deckDirectories: [String]
        public var colorEnabled: Bool
        /// True on a terminal: banner, prompts and wrapping; false in scripted mode.
        public var interactive: Bool
        public var environment: [String: String]
        /// The learner whose progress is read and written.
        public var learner: String
        /// Seeds shuffles; a fixed seed makes a session repeatable (tests, classrooms).
        public var seed: UInt64?
        /// New items a learner meets per day in `study` and `review`.
        public var newItemsPerDay: Int
        public var limits: LoadLimits
        /// Whether block characters can be shown (stats bars); ASCII otherwise.
        public var unicode: Bool

        public init(
            deckDirectories: [String], colorEnabled: Bool, interactive: Bool,
            environment: [String: String], learner: String = "learner", seed: UInt64? = nil,
            newItemsPerDay: Int = 20, limits: LoadLimits = .default, unicode: Bool = true
        ) {
            self.deckDirectories = deckDirectories
            self.colorEnabled = colorEnabled
            self.interactive = interactive
            self.environment = environment
            self.learner = learner
            self.seed = seed
            self.newItemsPerDay = newItemsPerDay
            self.limits = limits
            self.unicode = unicode
        }
    }

    /// What the runner does after a line.
    public enum Outcome: Equatable, Sendable {
        case proceed
        /// The command failed; its error is already on standard error.
        case failed
        case exit
    }

    public internal(set) var configuration: Configuration
    public let output: ShellOutput
    public let styler: Styler
    /// Columns to wrap at; read on each use so a resized terminal is respected.
    let columns: () -> Int
    /// The clock; injected so tests control time.
    let now: () -> Date
    /// Progress for every learner; nil means answers are kept for this run only.
    let store: ProgressStore?
    public internal(set) var library: DeckLibrary
    /// The study session in progress, if any.
    var session: RunningSession?
    /// Where the line being handled came from (`stdin:3`), for errors in scripted mode.
    public var inputPosition: String?

    public init(
        configuration: Configuration, output: ShellOutput, store: ProgressStore? = nil,
        columns: @escaping () -> Int = { 80 }, now: @escaping () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.output = output
        self.styler = Styler(colorEnabled: configuration.colorEnabled)
        self.columns = columns
        self.now = now
        self.store = store
        self.library = DeckLibrary.load(directories: configuration.deckDirectories, limits: configuration.limits)
    }

    /// The one line shown when the shell opens on a terminal.
    public var banner: String {
        let decks = library.usableDecks.count
        var text =
            styler.apply(.heading, "Lectern \(LecternCoreVersion.string)")
            + " — \(decks == 1 ? "1 deck" : "\(decks) decks")"
        if let due = dueSummary() { text += ", " + due }
        return text + "; type 'help' for commands, Ctrl-D to leave."
    }

    /// The prompt for the next line.
    public var prompt: String {
        session.map { TerminalText.safeLine($0.prompt) } ?? "lectern> "
    }

    /// Runs one line: a command at the home prompt, or input to the running session.
    public func handle(line: String) -> Outcome {
        guard line.utf8.count <= Self.maximumLineBytes else { return refuseLongLine(line) }
        if session != nil { return sessionStep(line: line) }
        let words: [String]
        do {
            words = try CommandLineSplitter.split(line)
        } catch {
            return fail(ShellError(error.description))
        }
        guard let name = words.first else { return .proceed }
        if ["quit", "exit"].contains(name) { return .exit }
        guard let command = Self.command(named: name) else {
            var message = "unknown command '\(name)'"
            if name.hasPrefix(":") {
                message += "; ':' commands work inside a question — start one with 'study DECK'"
            } else if let suggestion = Suggestion.closest(to: name, among: Self.commandNames) {
                message += " — did you mean '\(suggestion)'?"
            } else {
                message += "; type 'help' for the list"
            }
            return fail(ShellError(message))
        }
        do throws(ShellError) {
            let invocation = try Invocation(
                command: command.name, words: Array(words.dropFirst()), valued: Self.valuedOptions)
            try command.run(self, invocation)
            return .proceed
        } catch {
            return fail(error)
        }
    }

    /// Ctrl-C: at the home prompt the line is already dropped; in a session the question
    /// on screen is abandoned (a second Ctrl-C offers to leave).
    public func interrupt() -> Outcome {
        guard session != nil else { return .proceed }
        return sessionInterrupt()
    }

    /// The end of input (Ctrl-D, or the end of a script). A running session is closed as
    /// `:quit` would close it, so its summary is shown and nothing answered is lost.
    ///
    /// A script that ends inside a session has not answered every question: the report
    /// lists them as not reached and the status is 1, so a short answers file is noticed.
    /// Ending after the last answer's feedback (where Enter would close the session) is clean.
    public func endOfInput() -> Outcome {
        guard let running = session else { return .exit }
        var probe = running.session
        if running.last.awaitsContinue, running.upcoming.isEmpty, probe.handle(line: "", now: now()).isFinished {
            let outcome = sessionStep(line: "")
            session = nil
            return outcome == .failed ? .failed : .exit
        }
        let position = inputPosition.map { "\($0.split(separator: ":").first ?? "stdin"): " } ?? ""
        var place = ""
        if let question = running.session.currentQuestion {
            place = " at question \(question.number) of \(running.session.itemCount) (\(question.itemID))"
        }
        output.writeError(
            position + styler.apply(.bad, "error:")
                + " input ended inside the session\(place); the report counts the rest as not reached\n")
        closeSession()
        return .failed
    }

    /// What Tab offers for the line up to the cursor.
    public func complete(lineBeforeCursor line: String) -> Completion {
        let endsWithSpace = line.last?.isWhitespace ?? true
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let word = endsWithSpace ? "" : (words.last ?? "")
        if let session {
            return Completion.resolve(word: word, candidates: session.completions)
        }
        let position = endsWithSpace ? words.count : words.count - 1
        let candidates: [String]
        if position == 0 {
            candidates = Self.commandNames
        } else if let command = Self.command(named: words[0]) {
            candidates = argumentCandidates(for: command, position: position, word: word)
        } else {
            candidates = []
        }
        return Completion.resolve(word: word, candidates: candidates)
    }

    func argumentCandidates(for command: ShellCommand, position: Int, word: String) -> [String] {
        if word.hasPrefix("-") { return command.options }
        guard position == 1 else { return command.options }
        switch command.argument {
        case .none: return command.options
        case .deck: return library.usableDecks.map(\.id)
        case .command: return Self.commandNames
        case .learner:
            // A name with control characters (written into the database by hand) is not offered:
            // libedit would print it raw in the list of candidates.
            let names = (try? store?.learners().map(\.name)) ?? []
            return names.filter { !$0.unicodeScalars.contains { TerminalText.isControl($0, keepingLineBreaks: false) } }
        }
    }

    /// No command or answer is this long; a pasted file is refused before it is parsed,
    /// graded or compared with anything, so it costs nothing.
    public static let maximumLineBytes = 64 * 1024

    func refuseLongLine(_ line: String) -> Outcome {
        let kib = (line.utf8.count + 1023) / 1024
        return fail(
            ShellError(
                "the line is too long (\(kib) KiB; at most \(Self.maximumLineBytes / 1024) KiB) and was not run; nothing was changed"
            ))
    }

    // MARK: Output helpers
    //
    // Everything the shell prints goes through these helpers, and each makes its text safe
    // (`TerminalText`) before adding our own colour: deck text, learner names and typed words
    // can hold escape sequences, which must be shown, never obeyed.

    /// Writes text wrapped to the terminal (in scripted mode, unwrapped: scripts parse lines).
    /// Wrapping measures the visible form, so an escaped control character takes its columns.
    func say(_ text: String, style: Style = .plain, indent: String = "") {
        let safe = TerminalText.safe(text)
        let body = configuration.interactive ? TextWrapper.wrap(safe, width: columns(), indent: indent) : indent + safe
        output.write(styler.apply(style, body) + "\n")
    }

    /// A styled term and plain text after it on one line (help's `name  summary`).
    func say(term: String, style: Style, then rest: String) {
        let term = TerminalText.safe(term)
        let plain = term + TerminalText.safe(rest)
        let body = configuration.interactive ? TextWrapper.wrap(plain, width: columns()) : plain
        guard body.hasPrefix(term) else {
            output.write(body + "\n")
            return
        }
        output.write(styler.apply(style, term) + body.dropFirst(term.count) + "\n")
    }

    /// Writes preformatted text (tables, diagnostics) as it is. The producers made their
    /// cells safe and added colour themselves; `StandardOutput` still guards the result.
    func sayVerbatim(_ text: String) {
        guard !text.isEmpty else { return }
        // Compare scalars: "\r\n" (CSV) is one Character, which hasSuffix("\n") would miss.
        output.write(text.unicodeScalars.last == "\n" ? text : text + "\n")
    }

    /// Writes data (CSV, JSON) whose bytes must stay exact in a file or a pipe; on a terminal
    /// `StandardOutput` still escapes its control characters.
    func sayData(_ text: String) {
        guard !text.isEmpty else { return }
        output.writeExact(text.unicodeScalars.last == "\n" ? text : text + "\n")
    }

    func fail(_ error: ShellError) -> Outcome {
        output.writeError(styler.apply(.bad, "error:") + " " + TerminalText.safe(error.message) + "\n")
        return .failed
    }

    func warn(_ message: String) {
        output.writeError(styler.apply(.warning, "warning:") + " " + TerminalText.safe(message) + "\n")
    }
}
