/// The deck model and its findings in the cache's binary form, written by hand so that reading
/// a cached deck costs a fraction of parsing its YAML (see `CacheBytes.swift` for the primitives).
///
/// Every field of every type is written, in declaration order, so a decoded result is the
/// result that was encoded; `DeckCacheFile.formatVersion` changes whenever this layout does.
enum DeckCacheCodec {
    /// Walkthrough steps are items: a bound on nesting keeps a hostile file from recursing deep.
    static let maxNesting = 64

    static func encode(deck: Deck?, diagnostics: [Diagnostic]) -> [UInt8] {
        var writer = CacheWriter(capacity: 4096)
        writer.bool(deck != nil)
        if let deck { writer.deck(deck) }
        writer.count(diagnostics.count)
        for diagnostic in diagnostics { writer.diagnostic(diagnostic) }
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], from start: Int, to end: Int) throws -> (
        deck: Deck?, diagnostics: [Diagnostic]
    ) {
        var reader = CacheReader(bytes, from: start, to: end)
        let deck = try reader.bool() ? try reader.deck() : nil
        let count = try reader.count()
        var diagnostics: [Diagnostic] = []
        diagnostics.reserveCapacity(count)
        for _ in 0..<count { diagnostics.append(try reader.diagnostic()) }
        guard reader.isAtEnd else { throw CacheFormatError(reason: "bytes after the result") }
        return (deck, diagnostics)
    }
}

// MARK: - Writing

extension CacheWriter {
    mutating func location(_ location: SourceLocation) {
        file(location.file)
        int(location.line)
        int(location.column)
    }

    mutating func optionalLocation(_ location: SourceLocation?) {
        bool(location != nil)
        if let location { self.location(location) }
    }

    mutating func locations(_ locations: [String: SourceLocation]) {
        count(locations.count)
        for (key, location) in locations.sorted(by: { $0.key < $1.key }) {
            string(key)
            self.location(location)
        }
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        location(diagnostic.location)
        string(diagnostic.rule)
        string(diagnostic.message)
    }

    mutating func deck(_ deck: Deck) {
        int(deck.formatVersion)
        string(deck.id)
        string(deck.title)
        string(deck.language)
        optionalString(deck.summary)
        strings(deck.tags)
        bool(deck.source != nil)
        if let source = deck.source { self.source(source) }
        count(deck.items.count)
        for item in deck.items { self.item(item) }
        string(deck.path)
        location(deck.location)
        locations(deck.fieldLocations)
    }

    mutating func source(_ source: DeckSource) {
        string(source.title)
        optionalString(source.file)
        count(source.passages.count)
        for passage in source.passages {
            int(passage.number)
            string(passage.summary)
            location(passage.location)
        }
        location(source.location)
        optionalLocation(source.fileLocation)
        count(source.paragraphs.count)
        for (number, text) in source.paragraphs.sorted(by: { $0.key < $1.key }) {
            int(number)
            string(text)
        }
    }

    mutating func item(_ item: Item) {
        string(item.id)
        optionalString(item.skill?.rawValue)
        strings(item.tags)
        string(item.prompt)
        optionalString(item.explain)
        count(item.source.count)
        for number in item.source { int(number) }
        strings(item.hints)
        bool(item.confidence)
        body(item.body)
        optionalString(item.next)
        optionalLocation(item.nextLocation)
        location(item.location)
        let parts = item.fieldLocations.storedParts
        string(parts.file)
        count(parts.entries.count)
        for entry in parts.entries {
            string(entry.key)
            int(Int(entry.line))
            int(Int(entry.column))
        }
        locations(parts.others)
    }
}
