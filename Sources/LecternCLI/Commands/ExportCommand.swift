import ArgumentParser
import Foundation
import LecternAnki
import LecternCore
import LecternShell

/// `lectern export`: a deck sent where the learners are: GIFT for Moodle, an Anki package,
/// a question table (CSV) for a spreadsheet. What a format cannot hold is named on standard error, item by
/// item, in `lint`'s form; the file itself goes to standard output or to `-o`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a deck as GIFT (Moodle), an Anki package (apkg) or a question table (CSV).",
        discussion: """
            DECK is a deck id from the deck folders or a path to a deck file. Items a format cannot \
            hold are left out, each named on standard error. A deck with errors is not exported. \
            An apkg needs -o; importing a newer export into Anki updates the notes instead of duplicating them.
            """)

    /// The formats `export` writes.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case gift, apkg, csv
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A deck id from the deck folders, or a path to a deck file.")
    var deck: String

    @Option(help: "gift, apkg or csv. Default: from the -o file's extension.")
    var format: Target?

    @Option(name: .shortAndLong, help: "Where to write it. Default: standard output.")
    var output: String?

    @Flag(help: "Replace the -o file when it exists.")
    var force = false

    func run() throws {
        let target = try resolvedFormat()
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw ValidationFailure("\(output) already exists; give --force to replace it (nothing was overwritten)")
        }
        let (loaded, source) = try loadDeck()
        if target == .apkg { return try writePackage(loaded) }
        let written: (text: String, diagnostics: [Diagnostic])
        switch target {
        case .gift: written = GIFTWriter.write(loaded)
        case .csv: written = QuestionTable.write(loaded)
        case .apkg: return
        }
        if !written.diagnostics.isEmpty {
            let color = global.color.enablesColor(
                isTerminal: isatty(STDERR_FILENO) == 1, environment: global.environment)
            let sorted = written.diagnostics.sorted { $0.location < $1.location }
            CommandOutput.printError(DiagnosticRenderer.text(sorted, sources: [loaded.path: source], color: color))
        }
        if let output {
            do {
                try written.text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationFailure("cannot write \(output): \(error.localizedDescription)")
            }
            let left = written.diagnostics.filter { $0.severity == .warning }.count
            CommandOutput.printError(
                "wrote \(output)" + (left > 0 ? " (\(left) warnings: see above for what was left out)" : ""))
        } else {
            try CommandOutput.print(String(written.text.dropLast()), exact: true)
        }
    }

    private func resolvedFormat() throws -> Target {
        if let format { return format }
        if let output, let target = Target(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) {
            return target
        }
        throw ValidationFailure("give --format gift, apkg or csv (or an -o file ending in .gift, .apkg or .csv)")
    }

    /// A package is binary: written to a file only, never to standard output.
    private func writePackage(_ deck: Deck) throws {
        guard let output else {
            throw ValidationFailure("an Anki package is a binary file; give -o FILE.apkg")
        }
        do {
            let count = try AnkiPackage.write(deck, to: output)
            CommandOutput.printError("wrote \(output) (\(count) notes in the Anki deck '\(deck.title)')")
        } catch {
            throw ValidationFailure("\(error)")
        }
    }

    /// The deck and its text (for findings), refused with its errors when it does not load clean.
    private func loadDeck() throws -> (Deck, String) {
        if deck.hasSuffix(".yaml") || deck.contains("/") {
            let result = DeckLoader.load(fileAt: deck, limits: global.limits)
            guard let usable = result.usableDeck else {
                let findings = DiagnosticRenderer.text(result.diagnostics.filter { $0.severity == .error }) { _ in
                    result.text
                }
                throw ValidationFailure("\(deck) has errors; fix them before exporting:\n\(findings)")
            }
            return (usable, result.text ?? "")
        }
        let library = DeckLibrary.load(
            directories: global.resolvedDeckDirectories(), limits: global.limits, checks: .ownRulesOnly)
        guard let found = library.deck(id: deck) else {
            throw ValidationFailure(
                "no deck '\(deck)' in \(global.resolvedDeckDirectories().joined(separator: ", ")); 'lectern -c decks' lists them"
            )
        }
        return (found, library.text(ofFile: found.path) ?? "")
    }
}
