import Foundation
import LecternCore
import LecternStore

extension Shell {
    /// The store, or an error saying how to get one.
    func requireStore(_ command: String) throws(ShellError) -> ProgressStore {
        guard let store else {
            throw ShellError("'\(command)' needs a progress database; start lectern with --db PATH")
        }
        return store
    }

    /// `learner [NAME]`: shows or switches the learner whose progress is used.
    func switchLearner(_ invocation: Invocation) throws(ShellError) {
        guard let name = invocation.positional.first else {
            say("learner: \(configuration.learner)")
            return
        }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw ShellError("a learner needs a name") }
        if let store {
            do { _ = try store.learner(named: trimmed) } catch {
                throw ShellError("cannot open learner '\(trimmed)': \(error)")
            }
        }
        configuration.learner = trimmed
        var message = "learner is now \(trimmed)"
        if let due = dueSummary() { message += "; " + due }
        say(message)
    }

    /// `learners`: everyone who has answered on this machine.
    func listLearners() throws(ShellError) {
        let store = try requireStore("learners")
        let learners: [LearnerActivity]
        do { learners = try store.learners() } catch { throw ShellError("cannot read learners: \(error)") }
        guard !learners.isEmpty else {
            say("no learners yet; answers are saved as \(configuration.learner)")
            return
        }
        let formatter = ISO8601DateFormatter()
        let rows = learners.map { learner in
            [
                learner.name == configuration.learner ? "* " + learner.name : "  " + learner.name,
                "\(learner.answers) answers",
                learner.lastActivity.map { "last " + formatter.string(from: $0) } ?? "never",
            ]
        }
        sayVerbatim(TableLayout.columns(rows))
    }

    /// `stats [DECK]`: the current learner's progress, mastery and calibration.
    func showStats(_ invocation: Invocation) throws(ShellError) {
        let store = try requireStore("stats")
        let deckID = invocation.positional.first
        if let deckID { _ = try deck(named: deckID, command: "stats") }
        do {
            let stats = try store.stats(
                learner: configuration.learner, decks: library.usableDecks, deck: deckID, now: now())
            let text = StatsRenderer.render(stats, unicode: configuration.unicode)
            // The title line in the heading colour, as sessions show theirs (when colour is on).
            let title = text.prefix { $0 != "\n" }
            sayVerbatim(styler.apply(.heading, String(title)) + text.dropFirst(title.count))
        } catch {
            throw ShellError("cannot compute stats: \(error)")
        }
    }

    /// `results [DECK] [--learner NAME…] [--since DATE] [--format table|csv|json] [--summary]`.
    func showResults(_ invocation: Invocation) throws(ShellError) {
        let store = try requireStore("results")
        let text = try ResultsQuery(
            deck: invocation.positional.first, learners: invocation.options["learner"] ?? [],
            since: invocation.value("since"), format: invocation.value("format"),
            summary: invocation.flags.contains("summary")
        ).run(on: store)
        // The table's cells are made safe by its renderer; CSV and JSON are data.
        if (invocation.value("format") ?? "table") == "table" { sayVerbatim(text) } else { sayData(text) }
    }
}

/// A teacher's results export, shared by the shell's `results` and `lectern results`.
public struct ResultsQuery: Sendable {
    public var deck: String?
    public var learners: [String]
    public var since: String?
    public var format: String?
    public var summary: Bool

    public init(deck: String?, learners: [String], since: String?, format: String?, summary: Bool) {
        self.deck = deck
        self.learners = learners
        self.since = since
        self.format = format
        self.summary = summary
    }

    public func run(on store: ProgressStore) throws(ShellError) -> String {
        let resultsFormat: ResultsFormat
        if let format {
            guard let parsed = ResultsFormat(rawValue: format) else {
                throw ShellError(
                    "unknown format '\(format)'; use " + ResultsFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            resultsFormat = parsed
        } else {
            resultsFormat = .table
        }
        var sinceDate: Date?
        if let since {
            guard let date = Self.date(since) else {
                throw ShellError("cannot read date '\(since)'; write it as 2026-11-25 or 2026-11-25T09:00:00Z")
            }
            sinceDate = date
        }
        do {
            if summary {
                return ResultsRenderer.render(
                    try store.summary(deck: deck, learners: learners, since: sinceDate), as: resultsFormat)
            }
            return ResultsRenderer.render(
                try store.results(deck: deck, learners: learners, since: sinceDate), as: resultsFormat)
        } catch {
            throw ShellError("cannot read results: \(error)")
        }
    }

    /// A day (`2026-11-25`, local midnight) or a full ISO 8601 time.
    static func date(_ text: String) -> Date? {
        if let full = ISO8601DateFormatter().date(from: text) { return full }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.dateFormat = "yyyy-MM-dd"
        return day.date(from: text)
    }
}
