import Testing

@testable import LecternCore

/// Found by fuzzing the loader: after refusing an anchor, the search for its first alias
/// copied the anchor's length of text at every `*`, so a comment full of asterisks before a
/// long anchor took time quadratic in the file (seconds at 16 KB, days at the size limit).
@Suite struct AnchorSearchTests {
    @Test func asterisksBeforeALongAnchorAreSearchedInLinearTime() {
        let count = 200_000
        let text = "# " + String(repeating: "*", count: count) + "\n&" + String(repeating: "a", count: count) + " x\n"
        let result = DeckLoader.load(text: text, path: "stars.yaml")
        #expect(result.deck == nil)
        #expect(result.diagnostics.map(\.rule) == ["yaml-alias"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "stars.yaml", line: 2, column: 1))
    }

    @Test func theAliasOfARefusedAnchorIsStillFoundAfterNearMisses() {
        // `*ab`, `*a_` and `*a-` are near misses for the anchor `a`; `x*a ` is not where a node
        // starts, so only this search (not the pair scan before parsing) finds it.
        let text = "# *ab *a_ *a-\nkey: &a value\nother: \"see x*a here\"\n"
        let result = DeckLoader.load(text: text, path: "near.yaml")
        #expect(result.diagnostics.map(\.rule) == ["yaml-alias", "yaml-alias"])
        #expect(result.diagnostics.last?.location == SourceLocation(file: "near.yaml", line: 3, column: 14))
    }
}
