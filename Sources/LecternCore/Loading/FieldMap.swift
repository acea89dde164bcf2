/// One YAML map as the builder reads it: entries in file order, each key with its position.
struct FieldMap {
    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var value: YAMLNode
    }

    /// Where the map starts (its first key).
    var location: SourceLocation
    var entries: [Entry]

    init(_ mapping: YAMLNode.Mapping, path: String) {
        location = YAMLComposer.location(mapping.mark, path)
        entries = mapping.pairs.map { key, value in
            Entry(key: key.scalar?.string ?? "\(key)", keyLocation: YAMLComposer.location(key.mark, path), value: value)
        }
    }

    subscript(key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    /// Where each key was written, compactly, for an item's `fieldLocations`.
    var fieldLocations: FieldLocations {
        FieldLocations(ordered: entries.map { ($0.key, $0.keyLocation) })
    }

    /// Where each key was written, for the deck's `fieldLocations`.
    var keyLocations: [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        for entry in entries where locations[entry.key] == nil { locations[entry.key] = entry.keyLocation }
        return locations
    }
}
