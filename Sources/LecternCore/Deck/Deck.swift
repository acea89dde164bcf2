/// A deck: one YAML file of items about one source text.
///
/// Progress is keyed by `id` plus each item's `id`, never by position, so authors can edit
/// and reorder a deck without learners losing their history.
public struct Deck: Sendable {
    /// The format version (`lectern:`); only 1 exists.
    public var formatVersion: Int
    public var id: String
    public var title: String
    /// BCP 47 language tag; `en` when the deck does not say.
    public var language: String
    public var summary: String?
    public var tags: [String]
    public var source: DeckSource?
    public var items: [Item]
    /// The path the deck was read from, as given to the loader.
    public var path: String
    /// Where the deck's top-level map starts, and where each top-level key was written.
    public var location: SourceLocation
    public var fieldLocations: [String: SourceLocation]

    public init(
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
    public func location(of field: String) -> SourceLocation {
        fieldLocations[field] ?? location
    }

    /// The top-level item with this id.
    public func item(withID id: String) -> Item? {
        items.first { $0.id == id }
    }
}

/// What a deck is derived from, with a summary of each cited paragraph in the deck's own words.
public struct DeckSource: Sendable {
    public var title: String
    /// A local text file whose numbered paragraphs the shell shows instead of the summaries.
    public var file: String?
    /// Paragraph summaries in file order.
    public var passages: [Passage]
    public var location: SourceLocation
    /// Where the `file:` value was written, so a finding about the file points at its name.
    public var fileLocation: SourceLocation?
    /// The numbered paragraphs of `file`, read once when the deck was loaded from disk
    /// (`SourceParagraphs`); empty when there is no file or it could not be used.
    public var paragraphs: [Int: String] = [:]

    public init(
        title: String, file: String? = nil, passages: [Passage], location: SourceLocation,
        fileLocation: SourceLocation? = nil
    ) {
        self.title = title
        self.file = file
        self.passages = passages
        self.location = location
        self.fileLocation = fileLocation
    }

    public func passage(_ number: Int) -> Passage? {
        passages.first { $0.number == number }
    }
}

/// One paragraph of the source, by number, summarised.
public struct Passage: Sendable, Equatable {
    public var number: Int
    public var summary: String
    public var location: SourceLocation

    public init(number: Int, summary: String, location: SourceLocation) {
        self.number = number
        self.summary = summary
        self.location = location
    }
}
