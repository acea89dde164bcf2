/// Names one item across decks: progress is keyed by deck id plus item id, never position.
public struct ItemRef: Sendable, Hashable, CustomStringConvertible {
    public var deckID: String
    public var itemID: String

    public init(deckID: String, itemID: String) {
        self.deckID = deckID
        self.itemID = itemID
    }

    public var description: String { "\(deckID)/\(itemID)" }
}
