/// Reads the model back in the order `DeckCacheCodec` wrote it; any value out of range (an
/// unknown tag, severity, skill or role) means the bytes are not a cache of this version.
extension CacheReader {
    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try file(), line: try int(), column: try int())
    }

    mutating func optionalLocation() throws -> SourceLocation? {
        try bool() ? try location() : nil
    }

    mutating func locations() throws -> [String: SourceLocation] {
        let count = try self.count()
        var locations: [String: SourceLocation] = [:]
        locations.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            locations[key] = try location()
        }
        guard locations.count == count else { throw CacheFormatError(reason: "a key written twice") }
        return locations
    }

    mutating func diagnostic() throws -> Diagnostic {
        guard let severity = Severity(rawValue: try string()) else { throw CacheFormatError(reason: "severity") }
        let location = try location()
        return Diagnostic(severity, at: location, rule: try string(), try string())
    }

    mutating func deck() throws -> Deck {
        let formatVersion = try int()
        let id = try string()
        let title = try string()
        let language = try string()
        let summary = try optionalString()
        let tags = try strings()
        let source = try bool() ? try self.source() : nil
        let count = try self.count()
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try item(depth: 0)) }
        return Deck(
            formatVersion: formatVersion, id: id, title: title, language: language, summary: summary, tags: tags,
            source: source, items: items, path: try string(), location: try location(),
            fieldLocations: try locations())
    }

    mutating func source() throws -> DeckSource {
        let title = try string()
        let file = try optionalString()
        let count = try self.count()
        var passages: [Passage] = []
        passages.reserveCapacity(count)
        for _ in 0..<count {
            passages.append(Passage(number: try int(), summary: try string(), location: try location()))
        }
        var source = DeckSource(
            title: title, file: file, passages: passages, location: try location(), fileLocation: try optionalLocation()
        )
        let paragraphs = try self.count()
        for _ in 0..<paragraphs {
            let number = try int()
            guard source.paragraphs[number] == nil else { throw CacheFormatError(reason: "a paragraph written twice") }
            source.paragraphs[number] = try string()
        }
        return source
    }

    mutating func item(depth: Int) throws -> Item {
        guard depth < DeckCacheCodec.maxNesting else { throw CacheFormatError(reason: "nested too deep") }
        let id = try string()
        var skill: Skill?
        if let name = try optionalString() {
            guard let known = Skill(rawValue: name) else { throw CacheFormatError(reason: "skill") }
            skill = known
        }
        let tags = try strings()
        let prompt = try string()
        let explain = try optionalString()
        let sourceCount = try count()
        var source: [Int] = []
        source.reserveCapacity(sourceCount)
        for _ in 0..<sourceCount { source.append(try int()) }
        let hints = try strings()
        let confidence = try bool()
        let body = try self.body(depth: depth)
        var item = Item(
            id: id, skill: skill, tags: tags, prompt: prompt, explain: explain, source: source, hints: hints,
            confidence: confidence, body: body, next: try optionalString(),
            location: SourceLocation(file: "", line: 0, column: 0),
            nextLocation: try optionalLocation())
        item.location = try location()
        item.fieldLocations = try fieldLocations()
        return item
    }

    private mutating func fieldLocations() throws -> FieldLocations {
        let file = try string()
        let count = try self.count()
        var entries: [(key: String, line: Int32, column: Int32)] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            guard let line = Int32(exactly: try int()), let column = Int32(exactly: try int()) else {
                throw CacheFormatError(reason: "field position out of range")
            }
            entries.append((key, line, column))
        }
        return FieldLocations(file: file, entries: entries, others: try locations())
    }
}
