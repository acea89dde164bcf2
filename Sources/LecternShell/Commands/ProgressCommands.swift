package import ArgumentParser
import Foundation
import LecternCore
import LecternStore

/// `stats [DECK]`: the current learner's progress, mastery and calibration.
package struct StatsCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Your progress: due, retention, mastery, calibration, activity.",
        discussion:
            "For the current learner: items seen, new and due; retention; mastery per skill and per tag; how often each confidence level was right; the streak and 30 days of activity."
    )
    package static let completes = ShellArgumentKind.deck
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "Only this deck.") var deck: String?
    package init() {}

    package func run(in shell: Shell) throws(ShellError) { try shell.showStats(deck: deck) }
}

/// `learner [NAME]`: shows or switches the learner whose progress is used.
package struct LearnerCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "learner", abstract: "Show or switch the learner (for shared machines).",
        discussion:
            "Progress is kept per learner in one database, so a class can share a machine. The default learner is the login name; --learner sets it at start. A name with spaces needs quotes: learner \"Ana Lopez\"."
    )
    package static let completes = ShellArgumentKind.learner
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "The learner to switch to.") var name: String?
    package init() {}

    package func run(in shell: Shell) throws(ShellError) { try shell.switchLearner(to: name) }
}

/// `learners`: everyone who has answered on this machine.
package struct LearnersCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "learners", abstract: "List the learners in the progress database.",
        discussion:
            "Everyone who has answered, with their number of answers and last activity; * marks the current learner."
    )
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    package init() {}

    package func run(in shell: Shell) throws(ShellError) { try shell.listLearners() }
}

/// `results [DECK] [--learner NAME…] [--since DATE] [--format table|csv|json] [--summary]`.
package struct ResultsCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "results", abstract: "Answers per learner, for teachers and gradebooks: a table, CSV or JSON.",
        discussion:
            "One row per answer (learner, deck, item, answered_at, score 0-1, rating, hints, confidence, answer), or with --summary one row per learner. CSV follows RFC 4180 and is UTF-8. Without --learner NAME (repeatable), every learner's answers are shown."
    )
    package static let completes = ShellArgumentKind.deck
    /// `--learner` here chooses whose answers to show.
    package static let ownStartupOptions: Set<String> = ["learner"]
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "Only this deck.") var deck: String?
    @Option(help: "Only answers since this day or time (2026-11-25 or ISO 8601).") var since: String?
    @Option(help: "table, csv or json.") var format: ResultsFormat = .table
    @Flag(help: "One row per learner.") var summary = false
    package init() {}

    package func run(in shell: Shell) throws(ShellError) {
        let store = try shell.requireStore("results")
        let text = try ResultsQuery(
            deck: deck, learners: global.learner, since: since, format: format, summary: summary
        ).run(on: store)
        // The table's cells are made safe by its renderer; CSV and JSON are data.
        if format == .table { shell.printer.sayVerbatim(text) } else { shell.printer.sayData(text) }
    }
}

extension ResultsFormat: ExpressibleByArgument {}

extension ShellError {
    /// A store error while `doing` something: a damaged database speaks for itself (it names
    /// the file, the row and what to run), anything else is prefixed with what failed.
    init(reading error: any Error, _ doing: String) {
        if case ProgressStoreError.damaged = error {
            self.init("\(error)")
        } else {
            self.init("\(doing): \(error)")
        }
    }
}

extension Shell {
    /// The store, or an error saying how to get one.
    func requireStore(_ command: String) throws(ShellError) -> any ProgressStorage {
        guard let store else {
            throw ShellError("'\(command)' needs a progress database; start lectern with --db PATH")
        }
        return store
    }

    func switchLearner(to name: String?) throws(ShellError) {
        guard let name else {
            say("learner: \(configuration.learner)")
            return
        }
        let trimmed: String
        do { trimmed = try LearnerName.validated(name) } catch { throw ShellError("\(error)") }
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

    func listLearners() throws(ShellError) {
        let store = try requireStore("learners")
        let learners: [LearnerActivity]
        do { learners = try store.learners() } catch { throw ShellError(reading: error, "cannot read learners") }
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
        printer.sayVerbatim(TableLayout.columns(rows))
    }

    func showStats(deck deckID: String?) throws(ShellError) {
        let store = try requireStore("stats")
        if let deckID { _ = try deck(named: deckID, command: "stats") }
        do {
            let stats = try store.stats(
                learner: configuration.learner, decks: library.usableDecks, deck: deckID, now: now())
            let text = StatsRenderer.render(stats, unicode: configuration.unicode)
            // The title line in the heading colour, as sessions show theirs (when colour is on).
            let title = text.prefix { $0 != "\n" }
            printer.sayVerbatim(styler.apply(.heading, String(title)) + text.dropFirst(title.count))
        } catch {
            throw ShellError(reading: error, "cannot compute stats")
        }
    }
}
