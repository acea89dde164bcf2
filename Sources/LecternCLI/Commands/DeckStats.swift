import ArgumentParser
import LecternCore

/// `lectern deck-stats`: what the decks train, against the bars the bundled decks promise.
struct DeckStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deck-stats",
        abstract: "Coverage of decks: items per type, skill, paragraph and thread, walkthroughs, roles, confidence.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Deck folders (default: the deck folders).")
    var paths: [String] = []

    func run() throws {
        let folders = paths.isEmpty ? global.resolvedDeckDirectories() : paths
        let library = DeckLibrary.load(directories: folders, limits: global.limits)
        let broken = library.entries.filter(\.hasErrors)
        let coverage = DeckCoverage(decks: library.usableDecks)
        try CommandOutput.print(TerminalText.safe(coverage.render()))
        for entry in broken {
            try CommandOutput.print("not counted (has errors): \(TerminalText.safeLine(entry.path))")
        }
        let shortfalls = coverage.shortfalls(against: .bundled)
        if !shortfalls.isEmpty || !broken.isEmpty { throw ExitCode(1) }
    }
}
