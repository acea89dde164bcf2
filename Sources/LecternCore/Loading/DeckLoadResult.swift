/// What loading one deck produced: the model when its structure could be built, and every finding.
///
/// `deck` may be present even when `hasErrors` is true; callers that study or store must treat
/// such a deck as broken, while tools such as the previewer may still show it.
public struct DeckLoadResult: Sendable {
    public var deck: Deck?
    /// Every finding, sorted by location.
    public var diagnostics: [Diagnostic]

    public init(deck: Deck?, diagnostics: [Diagnostic]) {
        self.deck = deck
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The deck, only when it has no errors.
    public var usableDeck: Deck? { hasErrors ? nil : deck }
}
