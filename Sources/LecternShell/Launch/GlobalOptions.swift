package import ArgumentParser
import Foundation
package import LecternCore
import LecternPostgres
package import LecternStore

/// The start-up options: where decks and progress are, whose progress, colour, limits.
/// Every `lectern` command takes them, before or after its name (`lectern --db X stats`
/// and `lectern stats --db X`); inside the shell they are fixed and a line may not set them.
package struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("decks"),
        help: ArgumentHelp(
            "A folder of decks (repeatable). Default: the bundled decks and $XDG_DATA_HOME/lectern/decks.",
            valueName: "dir"))
    var deckDirectories: [String] = []

    @Option(
        name: .customLong("color"), help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var colorChoice: ColorChoice?

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The progress database: a file, or postgres://USER@HOST[:PORT]/DBNAME (password from PGPASSWORD or ~/.pgpass). Default: $LECTERN_DB, else $XDG_DATA_HOME/lectern/lectern.sqlite3.",
            valueName: "path"))
    var database: String?

    @Option(
        help: ArgumentHelp(
            "Whose progress to use (several learners can share one database). Default: the login name. For 'results', repeat it to choose whose answers to show.",
            valueName: "name"))
    var learner: [String] = []

    @Option(
        name: .customLong("new-per-day"), parsing: .unconditional,
        help: ArgumentHelp(
            "How many new items 'study' introduces per day (0 to \(Self.newPerDayRange.upperBound)).",
            valueName: "n"))
    var newPerDayText: String?

    @Option(
        name: .customLong("max-deck-size"), parsing: .unconditional,
        help: ArgumentHelp(
            "Refuse deck files larger than this many MiB (1 to \(Self.maxDeckMiBRange.upperBound)).", valueName: "MiB"))
    var maxDeckMiBText: String?

    /// Far above any learner's day, and small enough for any query to take as a limit.
    static let newPerDayRange = 0...10_000
    /// A deck is read whole into memory; a gibibyte is already a thousand times any real deck.
    static let maxDeckMiBRange = 1...1024

    package init() {}

    package var color: ColorChoice { colorChoice ?? .auto }

    var newPerDay: Int {
        newPerDayText.flatMap {
            try? WholeNumberText.parse($0, option: "--new-per-day", within: Self.newPerDayRange).get()
        } ?? 20
    }

    var maxDeckMiB: Int {
        maxDeckMiBText.flatMap {
            try? WholeNumberText.parse($0, option: "--max-deck-size", within: Self.maxDeckMiBRange).get()
        } ?? 8
    }

    /// The options given on this line (long names without `--`), so that the shell can
    /// refuse a start-up option typed at its prompt instead of ignoring it.
    package var givenOptions: Set<String> {
        var given: Set<String> = []
        if !deckDirectories.isEmpty { given.insert("decks") }
        if colorChoice != nil { given.insert("color") }
        if database != nil { given.insert("db") }
        if !learner.isEmpty { given.insert("learner") }
        if newPerDayText != nil { given.insert("new-per-day") }
        if maxDeckMiBText != nil { given.insert("max-deck-size") }
        return given
    }

    package var environment: [String: String] { ProcessInfo.processInfo.environment }

    package var limits: LoadLimits { LoadLimits(maxBytes: maxDeckMiB * 1024 * 1024) }

    /// The folders to load decks from: the ones given, else the defaults.
    package func resolvedDeckDirectories() -> [String] {
        if !deckDirectories.isEmpty { return deckDirectories }
        return DeckFolders.defaults(
            executablePath: CommandLine.arguments[0].resolvedExecutablePath, environment: environment)
    }

    package var databasePath: String { database ?? StoreDefaults.databasePath(environment: environment) }

    package var learnerName: String { learner.last ?? StoreDefaults.learnerName(environment: environment) }

    /// Whether the progress database is a PostgreSQL server rather than a file.
    package var databaseIsServer: Bool { PostgresAddress.isAddress(databasePath) }

    /// Opens the progress database (a file, or a PostgreSQL server for a `postgres://`
    /// address), or fails with a message that names it.
    ///
    /// With `.whenNeeded` (the default) nothing is created or written until the first answer
    /// or new learner: reading commands leave a missing file missing, a database without
    /// Lectern's tables without them, and an existing one untouched.
    package func openStore(_ mode: ProgressStore.OpenMode = .whenNeeded) throws -> any ProgressStorage {
        do {
            if databaseIsServer {
                return try PostgresStore(
                    address: try PostgresAddress.parse(databasePath), environment: environment, mode: mode)
            }
            return try ProgressStore(path: databasePath, mode: mode)
        } catch {
            throw ValidationFailure("\(error)")
        }
    }

    /// Every number is checked against its range before anything uses it (`validate` runs
    /// before `run`), so the getters above never see a value outside it.
    package func validate() throws {
        if let newPerDayText {
            _ = try checked(WholeNumberText.parse(newPerDayText, option: "--new-per-day", within: Self.newPerDayRange))
        }
        if let maxDeckMiBText {
            _ = try checked(
                WholeNumberText.parse(maxDeckMiBText, option: "--max-deck-size", within: Self.maxDeckMiBRange))
        }
        try checkDatabaseFolder()
    }
    /// Where the database path was given, for messages: `--db PATH` or `LECTERN_DB=PATH`;
    /// nil for the default location, whose folder Lectern creates itself.
    var explicitDatabaseSource: String? {
        if let database { return "--db \(database)" }
        if let explicit = environment["LECTERN_DB"], !explicit.isEmpty { return "LECTERN_DB=\(explicit)" }
        return nil
    }

    /// A path the user gave must be in a folder that exists: creating folders there would
    /// hide a typo, and the progress would end up somewhere nobody looks.
    func checkDatabaseFolder() throws {
        guard let source = explicitDatabaseSource else { return }
        if databaseIsServer {
            do {
                _ = try PostgresAddress.parse(databasePath)
            } catch {
                throw Self.failure("\(error) (for \(source.prefix { $0 != " " && $0 != "=" }))")
            }
            return
        }
        let folder = PathText.folder(of: databasePath)
        guard !folder.isEmpty else { return }
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            throw Self.failure("no such folder: \(folder) (for \(source)); create it first or choose another path")
        }
        if !isFolder.boolValue {
            throw Self.failure("not a folder: \(folder) (for \(source)); choose another path")
        }
    }
}

/// A number option checked against its range, as a validation error argument-parser prints.
func checked<Number>(_ result: Result<Number, NumberError>) throws -> Number {
    switch result {
    case .success(let value): return value
    case .failure(let error): throw ValidationError(error.description)
    }
}

/// `--seed N`: the seed for shuffling options and items, so that a session can be repeated.
/// Session commands take it, and so does `lectern` itself for every session of the shell.
package struct SeedOption: ParsableArguments {
    @Option(
        name: .customLong("seed"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seed for shuffling options and items, to make a session repeatable (0 to 2^64-1).", valueName: "n"))
    var seedText: String?

    package init() {}

    package var seed: UInt64? {
        seedText.flatMap { try? WholeNumberText.parse($0, option: "--seed", within: 0...UInt64.max).get() }
    }

    package func validate() throws {
        if let seedText { _ = try checked(WholeNumberText.parse(seedText, option: "--seed", within: 0...UInt64.max)) }
    }
}

extension GlobalOptions {
    /// Prints `error: message` on standard error, as the shell words its errors, and gives the
    /// exit status 1 to throw.
    package static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(1)
    }
}

/// A failure already worded for the user: printed as `error: …` and exit status 1.
package struct ValidationFailure: Error, CustomStringConvertible {
    package var description: String
    /// The message often quotes a path, a deck or a name: it is shown in its safe form.
    package init(_ description: String) { self.description = TerminalText.safe(description) }
}

extension ColorChoice: ExpressibleByArgument {}

extension String {
    /// The absolute path of the running executable, whatever form `argv[0]` has.
    package var resolvedExecutablePath: String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return self
    }
}
