import ArgumentParser
import Foundation
import LecternShell

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

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The folders to load decks from: the ones given, else the defaults.
    func resolvedDeckDirectories() -> [String] {
        if !deckDirectories.isEmpty { return deckDirectories }
        return DeckFolders.defaults(executablePath: CommandLine.arguments[0].resolvedExecutablePath, environment: environment)
    }
}

extension ColorChoice: ExpressibleByArgument {}

extension String {
    /// The absolute path of the running executable, whatever form `argv[0]` has.
    var resolvedExecutablePath: String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return self
    }
}
