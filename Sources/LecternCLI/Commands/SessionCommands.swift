import ArgumentParser
import Foundation
import LecternCore
import LecternShell

/// Commands that are also shell commands: they open the shell and run that line first, so
/// `lectern study DECK` lands straight in the session (and scripts can pipe answers).
protocol ShellLineCommand: ParsableCommand {
    var global: GlobalOptions { get }
    /// The shell line this invocation stands for.
    var shellLine: [String] { get }
    /// Whether the shell stays open after the line (sessions) or exits (reports).
    static var staysOpen: Bool { get }
}

extension ShellLineCommand {
    func run() throws {
        let line = shellLine.map(ShellQuoting.quote).joined(separator: " ")
        let launcher = ShellLauncher(global: global)
        let status =
            Self.staysOpen
            ? try launcher.run(firstLines: [line], commandLine: nil)
            : try launcher.run(firstLines: [], commandLine: line)
        if status != 0 { throw ExitCode(status) }
    }
}

enum ShellQuoting {
    /// Quotes a word so the shell's splitter gives it back unchanged.
    static func quote(_ word: String) -> String {
        guard word.isEmpty || word.contains(where: { $0.isWhitespace || "\"'\\".contains($0) }) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\"'\"'") + "'"
    }
}

struct Study: ShellLineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Study a deck: what is due, then new items (opens the shell in the session).")
    static let staysOpen = true
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The deck id.") var deck: String
    var shellLine: [String] { ["study", deck] }
}

struct Review: ShellLineCommand {
    static let configuration = CommandConfiguration(abstract: "Review what is due across decks, most overdue first.")
    static let staysOpen = true
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this deck.") var deck: String?
    var shellLine: [String] { ["review"] + (deck.map { [$0] } ?? []) }
}

struct Drill: ShellLineCommand {
    static let configuration = CommandConfiguration(abstract: "Practise a deck without touching the review schedule.")
    static let staysOpen = true
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The deck id.") var deck: String
    @Option(help: "Only items with this tag.") var tag: String?
    @Option(help: "Only items training this skill.") var skill: String?
    @Flag(help: "Shuffle the items.") var shuffle = false
    var shellLine: [String] {
        var words = ["drill", deck]
        if let tag { words += ["--tag", tag] }
        if let skill { words += ["--skill", skill] }
        if shuffle { words.append("--shuffle") }
        return words
    }
}

struct Exam: ShellLineCommand {
    static let configuration = CommandConfiguration(
        abstract: "A test without feedback until the end, optionally timed.")
    static let staysOpen = true
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The deck id.") var deck: String
    // Unconditional, so that `--time -5m` reaches the range check instead of reading as an option.
    @Option(parsing: .unconditional, help: "Time limit, e.g. 20m, 90s, 1h30m (1s to 24h).") var time: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Ask only this many items (1 to \(Self.countRange.upperBound)).", valueName: "n"))
    var count: String?
    @Flag(help: "Shuffle the items.") var shuffle = false

    /// Far above any deck; the shell checks the same range for its own `exam --count`.
    static let countRange = 1...100_000

    /// The time and count are checked here, before the shell opens, with the same rules the
    /// shell applies (`DurationText`, `WholeNumberText`).
    func validate() throws {
        if let time, case .failure(let failure) = DurationText.seconds(time) {
            throw ValidationError(DurationText.message(for: failure, option: "--time", text: time))
        }
        if let count,
            case .failure(let error) = WholeNumberText.parse(count, option: "--count", within: Self.countRange)
        {
            throw ValidationError(error.description)
        }
    }

    var shellLine: [String] {
        var words = ["exam", deck]
        if let time { words += ["--time", time] }
        if let count { words += ["--count", count] }
        if shuffle { words.append("--shuffle") }
        return words
    }
}

struct Stats: ShellLineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Progress of the learner: due, retention, mastery, calibration, activity.")
    static let staysOpen = false
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this deck.") var deck: String?
    var shellLine: [String] { ["stats"] + (deck.map { [$0] } ?? []) }
}

struct Learners: ShellLineCommand {
    static let configuration = CommandConfiguration(abstract: "List the learners in the progress database.")
    static let staysOpen = false
    @OptionGroup var global: GlobalOptions
    var shellLine: [String] { ["learners"] }
}

struct Results: ShellLineCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answers per learner for teachers: a table, CSV (RFC 4180) or JSON.",
        discussion:
            "Columns: learner, deck, item, answered_at, score (0-1), rating, hints, confidence, answer. --summary gives one row per learner. Without --learner, every learner's answers are shown."
    )
    static let staysOpen = false
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this deck.") var deck: String?
    @Option(help: "Only answers since this day or time (2026-11-25 or ISO 8601).") var since: String?
    @Option(help: "table, csv or json.") var format: String = "table"
    @Flag(help: "One row per learner.") var summary = false
    var shellLine: [String] {
        var words = ["results"]
        if let deck { words.append(deck) }
        for learner in global.learner { words += ["--learner", learner] }
        if let since { words += ["--since", since] }
        words += ["--format", format]
        if summary { words.append("--summary") }
        return words
    }
}
