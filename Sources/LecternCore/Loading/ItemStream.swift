/// Builds a deck's items while libyaml is still reading the file, one entry of `items` at a
/// time, so the nodes of only one item exist at once instead of the whole document's.
///
/// A class, because the composer holds the closure that feeds it for the whole read.
final class ItemStream {
    private var builder: DeckBuilder
    private(set) var streamed = DeckBuilder.StreamedItems()

    init(path: String) {
        builder = DeckBuilder(path: path)
    }

    /// Builds one entry of the list; its nodes are freed when this returns.
    func add(_ node: consuming YAMLNode) {
        streamed.count += 1
        if let item = builder.item(from: node, isStep: false) { streamed.items.append(item) }
        streamed.diagnostics += builder.diagnostics
        builder.diagnostics.removeAll(keepingCapacity: true)
    }

    /// Composes `text` and builds the deck from it, items as they are read.
    static func deck(from text: String, path: String, limits: LoadLimits) -> (
        deck: Deck?, composing: [Diagnostic], building: [Diagnostic]
    ) {
        let stream = ItemStream(path: path)
        var composed = YAMLComposer.compose(text, path: path, limits: limits) { stream.add($0) }
        // Without a root the document was voided (see `YAMLComposer.compose`), and so is what
        // was built from its items.
        guard let root = composed.root else { return (nil, composed.diagnostics, []) }
        composed.root = nil
        var builder = DeckBuilder(path: path)
        let deck = builder.deck(from: root, streamed: stream.streamed)
        return (deck, composed.diagnostics, builder.diagnostics)
    }
}
