import Foundation
import LecternCore
import Testing

/// The decks that ship in `Decks/`: they load clean, strictly, and reach the coverage they
/// promise (computed from the decks, so adding or editing an item keeps the figures true).
@Suite("Bundled decks")
struct BundledDeckTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Decks").path

    static let library = DeckLibrary.load(directories: [folder])

    /// The essay is not shipped, so the warning that it is missing is the one finding allowed.
    @Test func everyDeckLoadsWithoutErrorsOrWarnings() {
        #expect(Self.library.entries.count >= 7)
        for entry in Self.library.entries {
            let findings = entry.diagnostics.filter { $0.rule != "source-file-missing" }
            #expect(
                findings.isEmpty,
                "\(entry.path): \(entry.diagnostics.map { "\($0.location): \($0.message) [\($0.rule)]" })")
        }
    }

    @Test func coverageReachesEveryBar() {
        let coverage = DeckCoverage(decks: Self.library.usableDecks)
        #expect(coverage.shortfalls(against: .bundled) == [], "\(coverage.render())")
    }

    @Test func deckIDsMatchFileNames() {
        for entry in Self.library.entries {
            let name = ((entry.path as NSString).lastPathComponent as NSString).deletingPathExtension
            #expect(entry.deck?.id == name)
        }
    }

    @Test func everyCitedParagraphHasASummaryAndEveryItemExplains() throws {
        for deck in Self.library.usableDecks {
            let passages = Set(try #require(deck.source).passages.map(\.number))
            for item in deck.items {
                #expect(!item.source.isEmpty && Set(item.source).isSubset(of: passages), "\(deck.id)/\(item.id)")
                #expect(item.explain?.isEmpty == false, "\(deck.id)/\(item.id) has no explain")
            }
        }
    }

    @Test func noItemLeansOnTheWordLostInParagraphThree() {
        for deck in Self.library.usableDecks {
            for item in deck.items {
                #expect(!item.prompt.contains("**"), "\(deck.id)/\(item.id) quotes the lost word")
            }
        }
    }

    /// The right option moves around: a learner cannot win by always picking one letter.
    @Test func correctOptionPositionsVary() {
        var positions: [Int: Int] = [:]
        for item in Self.library.usableDecks.flatMap(\.items) where item.kind == .choice {
            if let index = item.options.firstIndex(where: \.isCorrect) { positions[index, default: 0] += 1 }
        }
        let total = positions.values.reduce(0, +)
        for (position, count) in positions {
            #expect(
                Double(count) / Double(total) < 0.4,
                "option \(position + 1) is right in \(count) of \(total) choice items")
        }
    }
}
