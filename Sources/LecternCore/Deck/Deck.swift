/// A deck: one YAML file of items about one source text.
///
/// Progress is keyed by `id` plus each item's `id`, never by position, so authors can edit
/// and reorder a deck without learners losing their history.
package struct Deck: Sendable {
    /// The format version (`lectern:`); only 1 exists.
    package var formatVersion: Int
    package var id: String
    package var title: String
    /// BCP 47 language tag; `en` when the deck does not say.
    package var language: String
    package var summary: String?
    package var tags: [String]
    package var source: DeckSource?
    package var items: [Item]
    /// The path the deck was read from, as given to the loader.
    package var path: String
    /// Where the deck's top-level map starts, and where each top-level key was written.
    package var location: SourceLocation
    package var fieldLocations: [String: SourceLocation]

    package init(
        formatVersion: Int = 1, id: String, title: String, language: String = "en",
        summary: String? = nil, tags: [String] = [], source: DeckSource? = nil,
        items: [Item], path: String, location: SourceLocation,
        fieldLocations: [String: SourceLocation] = [:]
    ) {
        self.formatVersion = formatVersion
        self.id = id
        self.title = title
        self.language = language
        self.summary = summary
        self.tags = tags
        self.source = source
        self.items = items
        self.path = path
        self.location = location
        self.fieldLocations = fieldLocations
    }

    /// Where `field` was written, or where the deck starts when it was not written.
    package func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? location
    }

    /// The top-level item with this id.
    /// The items that ask something, in deck order: descriptions left out.
    package var questions: [Item] { items.filter(\.isQuestion) }

    /// The descriptions written just before the item, in deck order: the text a session shows
    /// above the question, since a description introduces what follows it.
    package func introduction(to id: String) -> [Item] {
        guard let index = items.firstIndex(where: { $0.id == id }) else { return [] }
        let before = items[..<index].reversed().prefix { !$0.isQuestion }
        return Array(before.reversed())
    }

    package func item(withID id: String) -> Item? {
        items.first { $0.id == id }
    }
}

/// What a deck is derived from, with a summary of each cited paragraph in the deck's own words.
package struct DeckSource: Sendable {
    package var title: String
    /// A local text file whose numbered paragraphs the shell shows instead of the summaries.
    package var file: String?
    /// Paragraph summaries in file order.
    package var passages: [Passage]
    package var location: SourceLocation
    /// Where the `file:` value was written, so a finding about the file points at its name.
    package var fileLocation: SourceLocation?
    /// The numbered paragraphs of `file`, read once when the deck was loaded from disk
    /// (`SourceParagraphs`); empty when there is no file or it could not be used.
    package var paragraphs: [Int: String] = [:]

    package init(
        title: String, file: String? = nil, passages: [Passage], location: SourceLocation,
        fileLocation: SourceLocation? = nil
    ) {
        self.title = title
        self.file = file
        self.passages = passages
        self.location = location
        self.fileLocation = fileLocation
    }

    package func passage(_ number: Int) -> Passage? {
        passages.first { $0.number == number }
    }
}

/// One paragraph of the source, by number, summarised.
package struct Passage: Sendable, Equatable {
    package var number: Int
    package var summary: String
    package var location: SourceLocation

    package init(number: Int, summary: String, location: SourceLocation) {
        self.number = number
        self.summary = summary
        self.location = location
    }
}
