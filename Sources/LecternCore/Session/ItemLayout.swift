/// How one question is shown: which deck entry sits at each displayed letter.
///
/// `order[i]` is the deck position shown at display position `i` — of the options for
/// choice and multi, of the entries for order, of the right sides for match. The layout
/// comes from the session seed and the item's key, so the same seed shows the same
/// question the same way wherever it falls in the queue.
package struct ItemLayout: Sendable, Equatable {
    package var order: [Int]

    package static let none = ItemLayout(order: [])

    package static func make(for item: Item, key: String, seed: UInt64, shuffleOptions: Bool) -> ItemLayout {
        var generator = SplitMix64.forKey(key, seed: seed)
        switch item.body {
        case .choice(let options), .multi(let options):
            let identity = Array(options.indices)
            return ItemLayout(order: shuffleOptions ? generator.shuffled(identity) : identity)
        case .order(let entries):
            return ItemLayout(order: scrambled(entries.count, &generator))
        case .match(let pairs):
            return ItemLayout(order: scrambled(pairs.count, &generator))
        default:
            return .none
        }
    }

    /// A shuffle that never leaves everything in place, since that would show the answer.
    private static func scrambled(_ count: Int, _ generator: inout SplitMix64) -> [Int] {
        let identity = Array(0..<count)
        let shuffled = generator.shuffled(identity)
        guard count > 1, shuffled == identity else { return shuffled }
        return Array(identity.dropFirst()) + [0]
    }

    /// The display position of deck entry `deckIndex`.
    package func displayPosition(of deckIndex: Int) -> Int {
        order.firstIndex(of: deckIndex) ?? deckIndex
    }

    /// The deck entry at display position `position`.
    package func deckIndex(at position: Int) -> Int {
        order.indices.contains(position) ? order[position] : position
    }
}
