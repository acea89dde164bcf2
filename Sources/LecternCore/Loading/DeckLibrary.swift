import Foundation

/// Every deck found under a set of directories, broken ones included, so that one command
/// can list what is usable and report what is not.
package struct DeckLibrary: Sendable {
    /// One deck file and what loading it found.
    package struct Entry: Sendable {
        package var path: String
        /// Present whenever the structure could be built, even with errors.
        package var deck: Deck?
        package var diagnostics: [Diagnostic]
        /// The file's text, for showing the lines its findings point at.
        package var text: String?

        package init(path: String, deck: Deck?, diagnostics: [Diagnostic], text: String? = nil) {
            self.path = path
            self.deck = deck
            self.diagnostics = diagnostics
            self.text = text
        }

        package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Which rules a library has run. Every deck's own rules always run: they decide which
    /// decks are usable. The rules across decks (duplicate items, answer lists that disagree)
    /// only warn, and they compare every item of every deck, so a command that lists or
    /// studies decks leaves them out and `lint` adds them (`checkedAcrossDecks()`).
    package enum Checks: Sendable, Equatable {
        case all
        case ownRulesOnly
    }

    /// Entries sorted by path.
    package var entries: [Entry]
    /// The rules the entries' findings come from.
    package private(set) var checks: Checks

    package init(entries: [Entry], checks: Checks = .all) {
        self.entries = entries
        self.checks = checks
    }

    /// Loads every `*.yaml` under `directories`, recursively and sorted, skipping `schema/`
    /// folders and the concept vocabulary (`concepts.yaml`), and reports a deck id already used by an earlier file at the later `id:`.
    /// An entry of `directories` that is a file is loaded as given.
    /// A FIFO, socket or device named `*.yaml` in a folder is skipped with a warning and never
    /// opened, so it cannot block start-up or `lint`.
    /// With `checks: .ownRulesOnly` the rules across decks are left out (see `Checks`).
    /// Decks unchanged since an earlier load come from `cache` (see `DeckCache`).
    package static func load(
        directories: [String], limits: LoadLimits = .default, checks: Checks = .all,
        cache: DeckCache? = DeckCache.standard
    ) -> DeckLibrary {
        var results: [(path: String, result: DeckLoadResult)] = []
        // Every deck of a folder shares the folder's concept vocabulary: hash it once per
        // folder, and parse it at most once, only when a deck of the folder is parsed.
        var vocabularies: [String: FolderConcepts] = [:]
        for (path, special) in directories.flatMap(deckFiles(under:)) {
            if let special {
                let warning = Diagnostic.warning(
                    "special-file-skipped", at: SourceLocation(file: path, line: 1, column: 1),
                    "skipped: this is \(special), not a regular file, so it was not opened; remove it or rename it without .yaml"
                )
                results.append((path, DeckLoadResult(deck: nil, diagnostics: [warning])))
                continue
            }
            let folder = PathText.folder(of: path)
            let concepts = vocabularies[folder] ?? FolderConcepts(besideDeckAt: path, limits: limits)
            vocabularies[folder] = concepts
            results.append((path, DeckLoader.load(fileAt: path, limits: limits, concepts: concepts, cache: cache)))
        }
        return load(results: results, checks: checks)
    }

    /// Builds a library from results already loaded, checking deck ids across them.
    package static func load(results: [(path: String, result: DeckLoadResult)], checks: Checks = .all)
        -> DeckLibrary
    {
        var firstPath: [String: String] = [:]
        var entries: [Entry] = []
        for (path, result) in results {
            var diagnostics = result.diagnostics
            if let deck = result.deck, !deck.id.isEmpty {
                // Results may come from another library (a folder loaded on its own); keep one finding.
                if let earlier = firstPath[deck.id], !diagnostics.contains(where: { $0.rule == "duplicate-deck-id" }) {
                    diagnostics.append(
                        .error(
                            "duplicate-deck-id", at: deck.location(of: "id"),
                            "deck id '\(deck.id)' is already used by \(earlier); give each deck its own id"))
                    diagnostics = DeckLoader.sorted(diagnostics)
                } else if firstPath[deck.id] == nil {
                    firstPath[deck.id] = path
                }
            }
            entries.append(Entry(path: path, deck: result.deck, diagnostics: diagnostics, text: result.text))
        }
        let library = DeckLibrary(entries: entries, checks: .ownRulesOnly)
        return checks == .all ? library.checkedAcrossDecks() : library
    }

    /// This library with the rules across decks run, when they have not been: what `lint`
    /// shows. The decks are not read again.
    package func checkedAcrossDecks() -> DeckLibrary {
        guard checks == .ownRulesOnly else { return self }
        var entries = entries
        // Results from another library may already hold these findings: add each once.
        let usable = entries.compactMap { entry in entry.hasErrors ? nil : entry.deck.map { (entry.path, $0) } }
        let acrossDecks = LibraryLinter.lint(usable)
        for index in entries.indices {
            let new = (acrossDecks[entries[index].path] ?? []).filter { !entries[index].diagnostics.contains($0) }
            if !new.isEmpty { entries[index].diagnostics = DeckLoader.sorted(entries[index].diagnostics + new) }
        }
        return DeckLibrary(entries: entries, checks: .all)
    }

    /// The `*.yaml` paths under `directory` with what each is when it is not a regular file
    /// or folder ("a FIFO (named pipe)"…), found by `stat` without opening it.
    static func deckFiles(under directory: String) -> [(path: String, special: String?)] {
        var isDirectory: ObjCBool = false
        let listed =
            FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
        return deckPaths(under: directory).compactMap { path in
            // A path given as a file is loaded as given: the loader refuses what is not regular.
            guard listed else { return (path, nil) }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return nil }
            return (path, RegularFile.specialKind(at: path))
        }
    }

    /// The `*.yaml` files under `directory`, sorted, outside any `schema` folder; a path that
    /// names a file is taken as it is, so command-line arguments can mix files and folders.
    static func deckPaths(under directory: String) -> [String] {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        if exists ? !isDirectory.boolValue : directory.hasSuffix(".yaml") {
            return [directory]  // a missing deck file is loaded anyway, so that it is reported as unreadable
        }
        let root = URL(filePath: directory, directoryHint: .isDirectory)
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let url as URL in walker {
            if url.lastPathComponent == "schema",
                (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
            {
                walker.skipDescendants()
                continue
            }
            // The folder's concept vocabulary sits beside the decks but is not one.
            guard url.pathExtension == "yaml", url.lastPathComponent != ConceptVocabulary.fileName else { continue }
            var relative =
                url.path.hasPrefix(root.path) ? String(url.path.dropFirst(root.path.count)) : url.lastPathComponent
            while relative.hasPrefix("/") { relative.removeFirst() }
            paths.append((directory as NSString).appendingPathComponent(relative))
        }
        return paths.sorted()
    }

    /// Decks that loaded without errors, in path order.
    package var usableDecks: [Deck] {
        entries.compactMap { $0.hasErrors ? nil : $0.deck }
    }

    /// The usable deck with this id.
    package func deck(id: String) -> Deck? {
        usableDecks.first { $0.id == id }
    }

    /// Every finding of every entry, in path order.
    package var diagnostics: [Diagnostic] { entries.flatMap(\.diagnostics) }

    package var hasErrors: Bool { entries.contains(where: \.hasErrors) }

    /// The text of the entry read from `path`, as a source provider for `DiagnosticRenderer`.
    package func text(ofFile path: String) -> String? {
        entries.first { $0.path == path }?.text
    }
}
