import Foundation
/// Builds the deck model from composed YAML nodes, typing every scalar itself and reporting
/// shape problems (unknown keys, wrong types, missing fields, unknown values) where they are.
///
/// Content rules that need the whole model (duplicate ids, walkthrough flow…) live in
/// `DeckLinter`; this type only decides what each value is.
struct DeckBuilder {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    static let deckKeys = ["lectern", "id", "title", "language", "summary", "tags", "source", "items"]
    static let sourceKeys = ["title", "file", "passages"]

    /// Builds a deck from the root node; nil only when the root is not a map.
    ///
    /// The node is taken, not borrowed: each item's nodes are freed as soon as the item is
    /// built, so a large deck is not held twice, as nodes and as model, while it loads. (A
    /// caller that keeps its own copy of the root keeps the nodes alive; nothing else changes.)
    /// Items built while the YAML was still being read (see `ItemStream`), in the order of the
    /// list, with what building them found.
    struct StreamedItems {
        var items: [Item] = []
        /// Entries in the list, whether or not each built.
        var count = 0
        var diagnostics: [Diagnostic] = []
    }

    /// - Parameter streamed: the items of the root's `items` list when they were built as they
    ///   were read; that list then reaches here empty. Their findings join this builder's at
    ///   the point where building the list's nodes would have added them, so the order of
    ///   findings is the same either way.
    mutating func deck(from root: consuming YAMLNode, streamed: StreamedItems? = nil) -> Deck? {
        guard var fields = map(root, expected: "a map of deck fields (lectern, id, title, source, items)") else {
            return nil
        }
        _ = consume root
        checkKeys(fields, allowed: Self.deckKeys, in: "the deck")
        for key in ["lectern", "id", "title", "source", "items"] { require(fields, key, in: "the deck") }
        let version = integer(fields, "lectern") ?? 1
        let id = text(fields, "id") ?? ""
        let title = text(fields, "title") ?? ""
        if fields.has("title"), title.isBlank { emptyValue(fields, "title", in: "the deck") }
        let language = text(fields, "language") ?? "en"
        let summary = text(fields, "summary")
        let tags = textList(fields, "tags") ?? []
        let source = fields["source"].flatMap { deckSource(from: $0.value) }
        var items: [Item] = []
        if let position = fields.entries.firstIndex(where: { $0.key == "items" }) {
            var entry = fields.entries[position]
            fields.entries[position].value = Self.emptyNode(at: entry.value.mark)
            if var nodes = list(entry) {
                entry.value = Self.emptyNode(at: entry.value.mark)
                if nodes.isEmpty && (streamed?.count ?? 0) == 0 {
                    diagnostics.append(
                        .error(
                            "too-few-entries", at: entry.keyLocation,
                            "the deck has no items; add at least one under 'items'"))
                }
                items.reserveCapacity(nodes.count)
                for index in nodes.indices {
                    let node = nodes[index]
                    nodes[index] = Self.emptyNode(at: node.mark)  // the list's hold on the item's nodes ends here
                    if let item = item(from: node, isStep: false) { items.append(item) }
                }
                if let streamed {
                    items += streamed.items
                    diagnostics += streamed.diagnostics
                }
            }
        }
        return Deck(
            formatVersion: version, id: id, title: title, language: language, summary: summary,
            tags: tags, source: source, items: items, path: path, location: fields.location,
            fieldLocations: fields.keyLocations)
    }

    private mutating func deckSource(from node: YAMLNode) -> DeckSource? {
        guard let fields = map(node, expected: "a map with title and passages", for: "source") else { return nil }
        checkKeys(fields, allowed: Self.sourceKeys, in: "source")
        require(fields, "title", in: "source")
        let title = text(fields, "title") ?? ""
        let file = text(fields, "file")
        var passages: [Passage] = []
        if let entry = fields["passages"], !isNull(entry.value),
            let passageMap = map(entry.value, expected: "a map from paragraph number to summary", for: "passages")
        {
            for passage in passageMap.entries {
                guard let number = Int(passage.key) else {
                    diagnostics.append(
                        .error(
                            "wrong-type", at: passage.keyLocation,
                            "expected a paragraph number as the key in 'passages', got '\(passage.key.shortened)'"))
                    continue
                }
                guard let summary = scalarText(passage.value, key: String(number)) else { continue }
                passages.append(Passage(number: number, summary: summary, location: passage.keyLocation))
            }
        }
        return DeckSource(
            title: title, file: file, passages: passages, location: fields.location,
            fileLocation: fields["file"].map { YAMLComposer.location($0.value.mark, path) })
    }

    /// A node that holds nothing, put where a node already read is let go.
    private static func emptyNode(at mark: YAMLNode.Mark) -> YAMLNode {
        .scalar(YAMLNode.Scalar(string: "", style: .plain, mark: mark))
    }

    // MARK: - Reading values

    /// A plain scalar written as nothing, `~` or `null`.
    func isNull(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a value looks to the author, for "got …" in messages.
    func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                return isNull(node) ? "nothing" : "'\(scalar.string.shortened)'"
            }
            return "\"\(scalar.string.shortened)\" (quotes make it text)"
        case .mapping: return "a map"
        case .sequence: return "a list"
        }
    }

    mutating func wrongType(_ node: YAMLNode, expected: String, for key: String?, hint: String = "") {
        let subject = key.map { " for '\($0)'" } ?? ""
        diagnostics.append(
            .error(
                "wrong-type", at: YAMLComposer.location(node.mark, path),
                "expected \(expected)\(subject), got \(describe(node))\(hint)"))
    }

    mutating func map(_ node: YAMLNode, expected: String, for key: String? = nil) -> FieldMap? {
        guard case .mapping(let mapping) = node else {
            wrongType(node, expected: expected, for: key)
            return nil
        }
        return FieldMap(mapping, path: path)
    }

    mutating func list(_ entry: FieldMap.Entry) -> [YAMLNode]? {
        if isNull(entry.value) { return [] }
        guard case .sequence(let sequence) = entry.value else {
            let hint = entry.value.scalar.map { "; write [\($0.string.shortened)]" } ?? ""
            wrongType(entry.value, expected: "a list", for: entry.key, hint: hint)
            return nil
        }
        return sequence.nodes
    }

    /// Text from any scalar; a plain `yes` or `12` is text here, because the field wants text.
    mutating func scalarText(_ node: YAMLNode, key: String) -> String? {
        guard let scalar = node.scalar else {
            wrongType(node, expected: "text", for: key)
            return nil
        }
        if isNull(node) { return "" }
        // A block scalar (`>` or `|`) keeps its final newline; no deck text wants it.
        var value = scalar.string
        if scalar.style == .literal || scalar.style == .folded {
            while value.utf8.last == UInt8(ascii: "\n") { value.removeLast() }
        }
        return value
    }

    mutating func text(_ fields: FieldMap, _ key: String) -> String? {
        guard let entry = fields[key] else { return nil }
        return scalarText(entry.value, key: key)
    }

    mutating func integer(_ fields: FieldMap, _ key: String) -> Int? {
        guard let entry = fields[key] else { return nil }
        return integer(entry.value, key: key)
    }

    mutating func integer(_ node: YAMLNode, key: String) -> Int? {
        if let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.string) { return value }
        wrongType(node, expected: "a whole number", for: key)
        return nil
    }

    mutating func number(_ fields: FieldMap, _ key: String) -> Double? {
        guard let entry = fields[key] else { return nil }
        return number(entry.value, key: key)
    }

    mutating func number(_ node: YAMLNode, key: String) -> Double? {
        if let scalar = node.scalar, scalar.style == .plain,
            let value = Double(scalar.string.contains("_") ? scalar.string.filter { $0 != "_" } : scalar.string),
            value.isFinite
        {
            return value
        }
        wrongType(node, expected: "a number", for: key)
        return nil
    }

    mutating func boolean(_ fields: FieldMap, _ key: String) -> Bool? {
        guard let entry = fields[key] else { return nil }
        if let scalar = entry.value.scalar, scalar.style == .plain {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        wrongType(entry.value, expected: "true or false", for: key)
        return nil
    }

    mutating func textList(_ fields: FieldMap, _ key: String) -> [String]? {
        guard let entry = fields[key] else { return nil }
        guard let nodes = list(entry) else { return nil }
        return nodes.compactMap { scalarText($0, key: key) }
    }

    mutating func integerList(_ fields: FieldMap, _ key: String) -> [Int]? {
        guard let entry = fields[key] else { return nil }
        guard let nodes = list(entry) else { return nil }
        return nodes.compactMap { integer($0, key: key) }
    }

    // MARK: - Shape checks

    /// Reports keys outside `allowed`, suggesting the nearest allowed key or naming the type a key belongs to.
    mutating func checkKeys(
        _ fields: FieldMap, allowed: [String], in context: String,
        elsewhere: @autoclosure () -> [String: String] = [:]
    ) {
        var owners: [String: String]?
        for entry in fields.entries where !allowed.contains(entry.key) {
            let message: String
            if owners == nil { owners = elsewhere() }
            if let owner = owners?[entry.key] {
                message = "'\(entry.key.shortened)' is not a key of \(context); \(owner)"
            } else if let suggestion = Suggestion.closest(to: entry.key, among: allowed) {
                message = "unknown key '\(entry.key.shortened)' in \(context); did you mean '\(suggestion)'?"
            } else {
                message =
                    "unknown key '\(entry.key.shortened)' in \(context); remove it (allowed: \(allowed.joined(separator: ", ")))"
            }
            diagnostics.append(.error("unknown-key", at: entry.keyLocation, message))
        }
    }

    mutating func require(_ fields: FieldMap, _ key: String, in context: String) {
        guard !fields.has(key) else { return }
        diagnostics.append(.error("missing-field", at: fields.location, "\(context) needs '\(key)'; add it"))
    }

    mutating func emptyValue(_ fields: FieldMap, _ key: String, in context: String) {
        diagnostics.append(
            .error(
                "missing-field", at: fields[key]?.keyLocation ?? fields.location,
                "'\(key)' of \(context) is empty; write a value"))
    }
}

extension String {
    /// True when the text is empty or only whitespace.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// At most 40 characters, for quoting a value inside a message.
    var shortened: String { count > 40 ? String(prefix(39)) + "…" : self }
}
