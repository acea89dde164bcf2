import ArgumentParser
import Foundation
import LecternCore
import LecternShell
import LecternStore

/// Options every command understands.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("decks"),
        help: ArgumentHelp(
            "A folder of decks (repeatable). Default: the bundled decks and $XDG_DATA_HOME/lectern/decks.",
            valueName: "dir"))
    var deckDirectories: [String] = []

    @Option(name: .customLong("color"), help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The progress database. Default: $LECTERN_DB, else $XDG_DATA_HOME/lectern/lectern.sqlite3.",
            valueName: "path"))
    var database: String?

    @Option(
        help: ArgumentHelp(
            "Whose progress to use (several learners can share one database). Default: the login name. For 'results', repeat it to choose whose answers to show.",
            valueName: "name"))
    var learner: [String] = []

    @Option(help: "Seed for shuffling options and items, to make a session repeatable.")
    var seed: UInt64?

    @Option(name: .customLong("new-per-day"), help: "How many new items 'study' introduces per day.")
    var newPerDay: Int = 20

    @Option(name: .customLong("max-deck-size"), help: "Refuse deck files larger than this many MiB.")
    var maxDeckMiB: Int = 8

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var limits: LoadLimits { LoadLimits(maxBytes: max(1, maxDeckMiB) * 1024 * 1024) }

    /// The folders to load decks from: the ones given, else the defaults.
    func resolvedDeckDirectories() -> [String] {
        if !deckDirectories.isEmpty { return deckDirectories }
        return DeckFolders.defaults(
            executablePath: CommandLine.arguments[0].resolvedExecutablePath, environment: environment)
    }

    var databasePath: String { database ?? StoreDefaults.databasePath(environment: environment) }

    var learnerName: String { learner.last ?? StoreDefaults.learnerName(environment: environment) }

    /// Opens the progress database, or fails with a message that names the file.
    func openStore() throws -> ProgressStore {
        do {
            return try ProgressStore(path: databasePath)
        } catch {
            throw ValidationFailure("\(error)")
        }
    }

    func validate() throws {
        if newPerDay < 0 { throw ValidationError("--new-per-day cannot be negative") }
        if maxDeckMiB <= 0 { throw ValidationError("--max-deck-size must be at least 1 (MiB)") }
    }
}

/// A failure already worded for the user: printed as `error: …` and exit status 1.
struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    /// The message often quotes a path, a deck or a name: it is shown in its safe form.
    init(_ description: String) { self.description = TerminalText.safe(description) }
}

extension ColorChoice: ExpressibleByArgument {}

extension String {
    /// The absolute path of the running executable, whatever form `argv[0]` has.
    var resolvedExecutablePath: String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return self
    }
}
