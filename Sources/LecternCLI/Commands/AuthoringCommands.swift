import ArgumentParser
import Foundation
import LecternCore
import LecternShell

/// `lectern new`: a commented starter deck with one example of every item type.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter deck with one example of every item type.",
        discussion: "The file lints clean; edit it, then check it with 'lectern lint FILE'.")

    @Argument(help: "The new deck's id (kebab-case, e.g. my-first-deck).")
    var deckID: String

    @Option(name: .shortAndLong, help: "Where to write it. Default: DECK-ID.yaml in the current folder.")
    var output: String?

    func validate() throws {
        guard deckID.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil else {
            throw ValidationError(
                "deck id '\(deckID)' is not kebab-case; use lowercase letters, digits and single hyphens, e.g. 'my-deck'"
            )
        }
    }

    func run() throws {
        let path = output ?? "\(deckID).yaml"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationFailure(
                "\(path) already exists; choose another id or --output path (nothing was overwritten)")
        }
        do {
            try StarterDeck.text(id: deckID).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationFailure("cannot write \(path): \(error.localizedDescription)")
        }
        try CommandOutput.print(TerminalText.safe("wrote \(path); check it with: lectern lint \(path)"))
    }
}

/// `lectern preview`: items as a learner sees them, with the answer key, for proofreading.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a deck's items as a learner sees them, with the answer key.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A deck id from the deck folders, or a path to a deck file.")
    var deck: String

    @Argument(help: "Only this item.")
    var item: String?

    func run() throws {
        let loaded: Deck
        if deck.hasSuffix(".yaml") || deck.contains("/") {
            let result = DeckLoader.load(fileAt: deck, limits: global.limits)
            guard let usable = result.usableDeck else {
                let findings = DiagnosticRenderer.text(result.diagnostics.filter { $0.severity == .error }) { _ in
                    result.text
                }
                throw ValidationFailure("\(deck) has errors:\n\(findings)")
            }
            loaded = usable
        } else {
            let library = DeckLibrary.load(
                directories: global.resolvedDeckDirectories(), limits: global.limits, checks: .ownRulesOnly)
            guard let found = library.deck(id: deck) else {
                throw ValidationFailure(
                    "no deck '\(deck)' in \(global.resolvedDeckDirectories().joined(separator: ", ")); 'lectern -c decks' lists them"
                )
            }
            loaded = found
        }
        if let item, loaded.item(withID: item) == nil {
            throw ValidationFailure("deck '\(loaded.id)' has no item '\(item)'")
        }
        // Every line quotes the deck: shown in its safe form, whether on a terminal or a pipe.
        try CommandOutput.print(TerminalText.safe(DeckPreview.render(loaded, itemID: item)))
    }
}
