/// Orders what to study next from the current deck model and the learner's cards: the
/// policy of what is due and how many new items a day, with no database and no clock (the
/// store reads the cards and passes the instants).
///
/// The deck model decides what exists: cards of items that are no longer in their deck keep
/// their history in the store but never reach a queue.
package enum QueuePlanner {
    /// Due items first, most overdue first (ties in deck order), then never-studied items in
    /// deck order, up to `newLimit` minus the new items already started since `startOfDay`.
    package static func queue(
        decks: [Deck], cards: [CardTiming], now: Int64, startOfDay: Int64, newLimit: Int
    ) -> [ItemRef] {
        let decks = distinct(decks)
        let byDeck = Dictionary(grouping: cards, by: \.ref.deckID)
        var due: [(card: CardTiming, deckIndex: Int)] = []
        var startedToday = 0
        for (deckIndex, deck) in decks.enumerated() {
            let deckCards = byDeck[deck.id] ?? []
            startedToday += deckCards.count { $0.firstSeenAt >= startOfDay }
            let dueCards = deckCards.filter { $0.due <= now }
            guard !dueCards.isEmpty else { continue }
            let current = Set(deck.items.map(\.id))
            due += dueCards.filter { current.contains($0.ref.itemID) }.map { ($0, deckIndex) }
        }
        due.sort {
            ($0.card.due, $0.deckIndex, $0.card.ref.itemID)
                < ($1.card.due, $1.deckIndex, $1.card.ref.itemID)
        }
        var queue = due.map(\.card.ref)
        var remaining = max(0, newLimit - startedToday)
        for deck in decks where remaining > 0 {
            let seen = Set((byDeck[deck.id] ?? []).map(\.ref.itemID))
            var added = Set<String>()
            for item in deck.questions where remaining > 0 {
                guard !seen.contains(item.id), added.insert(item.id).inserted else { continue }
                queue.append(ItemRef(deckID: deck.id, itemID: item.id))
                remaining -= 1
            }
        }
        return queue
    }

    /// New and due counts for each deck, keyed by deck id.
    package static func counts(decks: [Deck], cards: [CardTiming], now: Int64) -> [String: DeckCounts] {
        let byDeck = Dictionary(grouping: cards, by: \.ref.deckID)
        var result: [String: DeckCounts] = [:]
        for deck in distinct(decks) {
            let current = Set(deck.questions.map(\.id))
            let deckCards = (byDeck[deck.id] ?? []).filter { current.contains($0.ref.itemID) }
            result[deck.id] = DeckCounts(
                new: current.count - deckCards.count,
                due: deckCards.count { $0.due <= now })
        }
        return result
    }

    /// The decks in order, each id once (the first wins).
    package static func distinct(_ decks: [Deck]) -> [Deck] {
        var seen = Set<String>()
        return decks.filter { seen.insert($0.id).inserted }
    }
}
