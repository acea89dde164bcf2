/// Where each key of an item was written, kept small: a bank of 20,000 items holds one of
/// these per item and per walkthrough step for as long as the deck is loaded.
///
/// A dictionary of `SourceLocation`s costs close to a kilobyte an item (hash table, a path per
/// entry); this is a short list of keys with their line and column and one shared path. It
/// reads like the dictionary it replaces (`fieldLocations["prompt"]`, `keys`), and it shows
/// itself as that dictionary to reflection, so a dump of the model is unchanged.
package struct FieldLocations: Sendable, ExpressibleByDictionaryLiteral, CustomReflectable {
    private struct Entry: Sendable {
        var key: String
        var line: Int32
        var column: Int32
    }

    /// The path every location is in; locations of other files are kept in `others`.
    private var file: String
    private var entries: [Entry]
    /// Locations that do not fit the compact form (another file, or a line past `Int32`).
    private var others: [String: SourceLocation]

    package init(_ locations: [String: SourceLocation]) {
        file = locations.first?.value.file ?? ""
        entries = []
        others = [:]
        entries.reserveCapacity(locations.count)
        for (key, location) in locations {
            if location.file == file, let line = Int32(exactly: location.line),
                let column = Int32(exactly: location.column)
            {
                entries.append(Entry(key: key, line: line, column: column))
            } else {
                others[key] = location
            }
        }
    }

    /// The keys of one map in the order they were written; the first of a repeated key wins,
    /// as in the map's own reading. The loader builds one per item, so it skips the dictionary.
    init(ordered pairs: [(key: String, location: SourceLocation)]) {
        file = pairs.first?.location.file ?? ""
        entries = []
        others = [:]
        entries.reserveCapacity(pairs.count)
        for (key, location) in pairs where !entries.contains(where: { $0.key == key }) && others[key] == nil {
            if location.file == file, let line = Int32(exactly: location.line),
                let column = Int32(exactly: location.column)
            {
                entries.append(Entry(key: key, line: line, column: column))
            } else {
                others[key] = location
            }
        }
    }

    package init(dictionaryLiteral elements: (String, SourceLocation)...) {
        var locations: [String: SourceLocation] = [:]
        for (key, location) in elements where locations[key] == nil { locations[key] = location }
        self.init(locations)
    }

    /// Where `key` was written, or nil when the item has no such key.
    package subscript(key: String) -> SourceLocation? {
        if let entry = entries.first(where: { $0.key == key }) {
            return SourceLocation(file: file, line: Int(entry.line), column: Int(entry.column))
        }
        return others[key]
    }

    /// The keys written, in no particular order (as a dictionary's).
    package var keys: [String] { entries.map(\.key) + others.keys }

    /// Every key with its location, as a dictionary.
    package var dictionary: [String: SourceLocation] {
        var locations = others
        for entry in entries {
            locations[entry.key] = SourceLocation(file: file, line: Int(entry.line), column: Int(entry.column))
        }
        return locations
    }

    /// The compact form as it is stored, for the deck cache's encoding (`DeckCacheCodec`):
    /// the shared path, each key with its line and column, and the locations kept apart.
    package var storedParts:
        (file: String, entries: [(key: String, line: Int32, column: Int32)], others: [String: SourceLocation])
    {
        (file, entries.map { ($0.key, $0.line, $0.column) }, others)
    }

    /// Rebuilds the compact form from `storedParts`, without a dictionary in between.
    package init(file: String, entries: [(key: String, line: Int32, column: Int32)], others: [String: SourceLocation]) {
        self.file = file
        self.entries = entries.map { Entry(key: $0.key, line: $0.line, column: $0.column) }
        self.others = others
    }

    package var customMirror: Mirror {
        Mirror(self, children: dictionary.map { (label: String?.none, value: $0 as Any) }, displayStyle: .dictionary)
    }
}
