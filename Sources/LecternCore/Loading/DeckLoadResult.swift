/// What loading one deck produced: the model when its structure could be built, and every finding.
///
/// `deck` may be present even when `hasErrors` is true; callers that study or store must treat
/// such a deck as broken, while tools such as the previewer may still show it.
package struct DeckLoadResult: Sendable {
    package var deck: Deck?
    /// Every finding, sorted by location.
    package var diagnostics: [Diagnostic]
    /// The decoded text that was loaded, so a renderer can show the lines findings point at;
    /// nil when the bytes could not be read or decoded.
    package var text: String?

    package init(deck: Deck?, diagnostics: [Diagnostic], text: String? = nil) {
        self.deck = deck
        self.diagnostics = diagnostics
        self.text = text
    }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The deck, only when it has no errors.
    package var usableDeck: Deck? { hasErrors ? nil : deck }
}
