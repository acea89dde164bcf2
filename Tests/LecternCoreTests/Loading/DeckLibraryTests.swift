import Foundation
import Testing

@testable import LecternCore

/// Loading a folder of decks: recursive, sorted, `schema/` skipped, broken decks kept with
/// their findings, duplicate ids reported at the later file.
@Suite struct DeckLibraryTests {
    static let root = URL(filePath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/Library").path

    @Test func loadsEveryDeckFileRecursivelyInPathOrder() {
        let library = DeckLibrary.load(directories: [Self.root])
        #expect(
            library.entries.map { String($0.path.dropFirst(Self.root.count + 1)) } == [
                "alpha.yaml", "broken.yaml", "nested/again/alpha.yaml", "nested/beta.yaml",
            ])
    }

    @Test func keepsBrokenDecksWithTheirFindings() throws {
        let library = DeckLibrary.load(directories: [Self.root])
        let broken = try #require(library.entries.first { $0.path.hasSuffix("/broken.yaml") })
        #expect(broken.deck?.id == "broken")
        #expect(broken.hasErrors)
        #expect(
            broken.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule)" } == ["15:13 wrong-type"])
        #expect(library.hasErrors)
    }

    @Test func reportsADuplicateDeckIDAtTheLaterFile() throws {
        let library = DeckLibrary.load(directories: [Self.root])
        let second = try #require(library.entries.first { $0.path.hasSuffix("/again/alpha.yaml") })
        #expect(
            second.diagnostics.map(\.message) == [
                "deck id 'alpha' is already used by \(Self.root)/alpha.yaml; give each deck its own id"
            ])
        #expect(second.diagnostics.map(\.location.line) == [3])
        #expect(second.diagnostics.map(\.rule) == ["duplicate-deck-id"])
        #expect(library.usableDecks.map(\.id) == ["alpha", "beta"])
        #expect(library.deck(id: "beta")?.title == "Fixture deck beta")
        #expect(library.deck(id: "broken") == nil)
    }

    @Test func entriesKeepTheirTextForRendering() throws {
        let library = DeckLibrary.load(directories: [Self.root])
        let broken = try #require(library.entries.first { $0.path.hasSuffix("/broken.yaml") })
        let rendered = DiagnosticRenderer.text(broken.diagnostics) { library.text(ofFile: $0) }
        #expect(
            rendered.hasSuffix(
                """
                got 'maybe' [wrong-type]
                    answer: maybe
                            ^
                """))
    }

    @Test func filesCanBeGivenDirectlyAndStillMeetDuplicateChecks() {
        let library = DeckLibrary.load(directories: [Self.root + "/nested/again/alpha.yaml", Self.root + "/alpha.yaml"])
        #expect(library.entries.map(\.path) == [Self.root + "/nested/again/alpha.yaml", Self.root + "/alpha.yaml"])
        #expect(library.entries.map { $0.diagnostics.map(\.rule) } == [[], ["duplicate-deck-id"]])
    }

    @Test func reloadingResultsOfALibraryDoesNotRepeatTheDuplicateFinding() {
        let first = DeckLibrary.load(directories: [Self.root])
        let again = DeckLibrary.load(
            results: first.entries.map { ($0.path, DeckLoadResult(deck: $0.deck, diagnostics: $0.diagnostics)) })
        #expect(again.diagnostics.filter { $0.rule == "duplicate-deck-id" }.count == 1)
    }

    @Test func missingDirectoryGivesAnEmptyLibraryButAMissingFileIsReported() {
        #expect(DeckLibrary.load(directories: ["/nonexistent/lectern/decks"]).entries.isEmpty)
        let missing = DeckLibrary.load(directories: ["/nonexistent/lectern/deck.yaml"])
        #expect(missing.entries.map { $0.diagnostics.map(\.rule) } == [["unreadable"]])
    }
}
