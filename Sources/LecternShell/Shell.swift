import Foundation
import LecternCore
import LineEditing

/// The interactive shell as a step function: a line goes in, output comes out through the
/// injected `ShellOutput`, and an outcome tells the runner whether to go on.
///
/// The shell never exits the process and never reads the terminal itself, so tests drive
/// it line by line, and one runner (libedit or plain lines) owns the loop.
public final class Shell {
    public struct Configuration: Sendable {
        /// Folders searched for `*.yaml` decks, in order.
        public var deckDirectories: [String]
        public var colorEnabled: Bool
        /// True on a terminal: banner, prompts and wrapping; false in scripted mode.
        public var interactive: Bool
        public var environment: [String: String]

        public init(deckDirectories: [String], colorEnabled: Bool, interactive: Bool, environment: [String: String]) {
            self.deckDirectories = deckDirectories
            self.colorEnabled = colorEnabled
            self.interactive = interactive
            self.environment = environment
        }
    }

    /// What the runner does after a line.
    public enum Outcome: Equatable, Sendable {
        case proceed
        /// The command failed; its error is already on standard error.
        case failed
        case exit
    }

    public let configuration: Configuration
    public let output: ShellOutput
    public let styler: Styler
    /// Columns to wrap at; read on each use so a resized terminal is respected.
    let columns: () -> Int
    public internal(set) var library: DeckCatalog

    public init(configuration: Configuration, output: ShellOutput, columns: @escaping () -> Int = { 80 }) {
        self.configuration = configuration
        self.output = output
        self.styler = Styler(colorEnabled: configuration.colorEnabled)
        self.columns = columns
        self.library = DeckCatalog.load(directories: configuration.deckDirectories)
    }

    /// The one line shown when the shell opens on a terminal.
    public var banner: String {
        let decks = library.count == 1 ? "1 deck" : "\(library.count) decks"
        return styler.apply(.heading, "Lectern \(LecternCoreVersion.string)") + " — \(decks); type 'help' for commands, Ctrl-D to leave."
    }

    /// The prompt for the next line.
    public var prompt: String {
        "lectern> "
    }

    /// Runs one line: a command with its arguments.
    public func handle(line: String) -> Outcome {
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
            if let suggestion = Suggestion.closest(to: name, among: Self.commandNames) {
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

    /// Ctrl-C at the home prompt: the line is already dropped; nothing else to undo.
    public func interrupt() -> Outcome {
        .proceed
    }

    /// What Tab offers for the line up to the cursor.
    public func complete(lineBeforeCursor line: String) -> Completion {
        let endsWithSpace = line.last?.isWhitespace ?? true
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let word = endsWithSpace ? "" : (words.last ?? "")
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
        case .deck: return library.deckIDs
        case .command: return Self.commandNames
        case .learner: return []
        }
    }

    // MARK: Output helpers

    /// Writes text wrapped to the terminal (in scripted mode, unwrapped: scripts parse lines).
    func say(_ text: String, style: Style = .plain, indent: String = "") {
        let body = configuration.interactive ? TextWrapper.wrap(text, width: columns(), indent: indent) : indent + text
        output.write(styler.apply(style, body) + "\n")
    }

    func fail(_ error: ShellError) -> Outcome {
        output.writeError(styler.apply(.bad, "error:") + " " + error.message + "\n")
        return .failed
    }

    func warn(_ message: String) {
        output.writeError(styler.apply(.warning, "warning:") + " " + message + "\n")
    }
}
