/// Names one item across decks: progress is keyed by deck id plus item id, never position.
package struct ItemRef: Sendable, Hashable, CustomStringConvertible {
    package var deckID: String
    package var itemID: String

    package init(deckID: String, itemID: String) {
        self.deckID = deckID
        self.itemID = itemID
    }

    package var description: String { "\(deckID)/\(itemID)" }
}
