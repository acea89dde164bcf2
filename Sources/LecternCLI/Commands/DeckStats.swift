import ArgumentParser
import LecternCore
import LecternShell

/// `lectern deck-stats`: what the decks train; judged against coverage targets only when
/// `--targets` gives them (a file, or `bundled` for the bars the bundled decks promise).
struct DeckStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deck-stats",
        abstract: "Coverage of decks: items per type, skill, paragraph and tag, walkthroughs, roles, confidence.",
        discussion:
            "Prints the figures and exits 0. With --targets FILE (YAML or JSON: items: 160, per-type: 5, paragraphs: [1, 2], reasoning-share: 0.5, ...) or --targets bundled (the bundled decks' own bars), each figure is shown beside its target and the exit status is 1 when any is below it or a deck has errors."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Deck folders (default: the deck folders).")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Targets to judge against: a YAML or JSON file, or 'bundled'.", valueName: "file"))
    var targets: String?

    func run() throws {
        let bars: DeckCoverage.Bars?
        switch targets {
        case nil: bars = nil
        case "bundled"?: bars = .bundled
        case let file?:
            switch CoverageTargets.load(fileAt: file) {
            case .success(let loaded): bars = loaded
            case .failure(let error): throw ValidationFailure(error.description)
            }
        }
        let folders = paths.isEmpty ? global.resolvedDeckDirectories() : paths
        // Coverage counts items; the warnings across decks would go unused.
        let library = DeckLibrary.load(directories: folders, limits: global.limits, checks: .ownRulesOnly)
        let broken = library.entries.filter(\.hasErrors)
        let coverage = DeckCoverage(
            decks: library.usableDecks,
            walkthroughMinimumSteps: bars?.walkthroughMinimumSteps ?? DeckCoverage.Bars.defaultMinimumSteps)
        try CommandOutput.print(TerminalText.safe(bars.map { coverage.render(against: $0) } ?? coverage.render()))
        for entry in broken {
            try CommandOutput.print("not counted (has errors): \(TerminalText.safeLine(entry.path))")
        }
        guard let bars else { return }
        let shortfalls = coverage.shortfalls(against: bars)
        if !shortfalls.isEmpty || !broken.isEmpty { throw ExitCode(1) }
    }
}
