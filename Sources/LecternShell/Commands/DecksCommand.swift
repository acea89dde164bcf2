package import ArgumentParser
import Foundation
import LecternCore
import LecternStore

/// `decks`: every deck of the deck folders, with what is new and due.
package struct DecksCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "decks", abstract: "List the decks in the deck folders.",
        discussion:
            "Shows every deck found in the deck folders (see --decks), with its title, item count and tags, and how many items are new and due for the current learner. A deck with errors is listed as broken with its first error; run 'lint' for all of them."
    )
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    package init() {}

    package func run(in shell: Shell) throws(ShellError) { try shell.listDecks() }
}

/// `reload`: the author's edit-and-retry loop without leaving the shell.
package struct ReloadCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Re-read the deck folders after editing a deck.",
        discussion: "Loads every deck again, so an author can edit, reload and retry without leaving the shell.")
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    package init() {}

    package func run(in shell: Shell) throws(ShellError) { shell.reload() }
}

extension Shell {
    /// One line per deck: id, title, items, tags, and for the current learner how many
    /// items are new and due. A broken deck shows its first error instead. On a terminal
    /// too narrow for that, each title moves to its own indented line.
    func listDecks() throws(ShellError) {
        if library.entries.isEmpty {
            say("no decks found in: " + configuration.deckDirectories.joined(separator: ", "))
            say("add a deck with 'lectern new DECK-ID' or point --decks at a folder of decks", style: .dim)
            return
        }
        let counts = try progressCounts(for: library.usableDecks)
        var rows: [[String]] = []
        var titles: [String?] = []
        for entry in library.entries {
            guard let deck = entry.deck, !entry.hasErrors else {
                let first = entry.diagnostics.first { $0.severity == .error }
                let name =
                    entry.deck?.id ?? ((entry.path as NSString).lastPathComponent as NSString).deletingPathExtension
                rows.append([name, "BROKEN", first.map { "\($0.location): \($0.message)" } ?? "cannot be loaded"])
                titles.append(nil)
                continue
            }
            let questions = deck.questions.count  // a description is no item to study
            var row = [deck.id, deck.title, questions == 1 ? "1 item" : "\(questions) items"]
            if let count = counts[deck.id] { row.append("\(count.new) new, \(count.due) due") }
            if !deck.tags.isEmpty { row.append(deck.tags.joined(separator: " ")) }
            rows.append(row)
            titles.append(deck.title)
        }
        let table = TableLayout.columns(rows, separator: "  ")
        let fits = table.split(separator: "\n").allSatisfy { TerminalWidth.of($0) <= printer.columns() }
        guard configuration.interactive, !fits else {
            printer.sayVerbatim(table)
            return
        }
        let narrow = zip(rows, titles).map { row, title in
            title == nil ? row : row.enumerated().filter { $0.offset != 1 }.map(\.element)
        }
        for (line, title) in zip(TableLayout.columns(narrow, separator: "  ").split(separator: "\n"), titles) {
            say(String(line))
            if let title { say(title, style: .dim, indent: "    ") }
        }
    }

    /// New and due counts per deck for the current learner; empty without a store.
    func progressCounts(for decks: [Deck]) throws(ShellError) -> [String: DeckCounts] {
        guard let store else { return [:] }
        do {
            return try store.counts(learner: configuration.learner, decks: decks, now: now())
        } catch {
            throw ShellError(reading: error, "cannot read progress")
        }
    }

    /// "3 items due" for the banner, or nil when nothing is due or progress is not kept.
    func dueSummary() -> String? {
        guard let counts = try? progressCounts(for: library.usableDecks) else { return nil }
        let due = counts.values.reduce(0) { $0 + $1.due }
        guard due > 0 else { return nil }
        return
            "\(due) \(due == 1 ? "item" : "items") due for \(TerminalText.safeLine(configuration.learner)) ('review' to start)"
    }

    /// Re-reads the deck folders: the author's edit-and-retry loop.
    func reload() {
        library = DeckLibrary.load(
            directories: configuration.deckDirectories, limits: configuration.limits, checks: .ownRulesOnly)
        let broken = library.entries.filter(\.hasErrors).count
        var message = "reloaded \(library.usableDecks.count) \(library.usableDecks.count == 1 ? "deck" : "decks")"
        if broken > 0 { message += "; \(broken) broken (run 'lint' to see why)" }
        say(message)
    }

    /// The deck with `id`, or an error that says what exists.
    func deck(named id: String?, command: String) throws(ShellError) -> Deck {
        guard let id else { throw ShellError("\(command) needs a deck id; 'decks' lists them") }
        if let deck = library.deck(id: id) { return deck }
        if let entry = library.entries.first(where: { $0.deck?.id == id }), entry.hasErrors {
            throw ShellError("deck '\(id)' has errors; run 'lint' to see them")
        }
        var message = "no deck '\(id)'"
        if let suggestion = Suggestion.closest(to: id, among: library.usableDecks.map(\.id)) {
            message += " — did you mean '\(suggestion)'?"
        } else {
            message += "; 'decks' lists them"
        }
        throw ShellError(message)
    }
}
