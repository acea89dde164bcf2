import CYAML

/// Building nodes from events, with an explicit stack of open collections so that no input
/// can exhaust the call stack, and the refusals checked on each event as it arrives.
extension EventReader {
    /// A map or list whose end has not come yet.
    private struct Open {
        var isMapping: Bool
        var mark: YAMLNode.Mark
        var anchor: String?
        /// A list's members, or a map's keys and values alternating.
        var nodes: [YAMLNode] = []
        /// Each key's tag (nil: text), for telling keys apart.
        var keyTags: [String?] = []
        /// The root map's `items` list, whose entries go to `onItem` rather than into `nodes`.
        var streams = false
    }

    static let textTag = "tag:yaml.org,2002:str"
    static let untaggedTags: Set<String> = [textTag, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]

    /// Reads one document's root node and the document's end. With `checking`, the first
    /// anchor, explicit tag or over-deep node is kept in `refusal`.
    mutating func document(checking: Bool) throws -> YAMLNode {
        var stack: [Open] = []
        while true {
            var event = try next()
            defer { yaml_event_delete(&event) }
            let mark = YAMLComposer.mark(event.start_mark)
            var finished: YAMLNode
            var anchor: String?
            var keyTag: String?
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                anchor = Self.string(scalar.anchor)
                keyTag = scalar.quoted_implicit == 1 ? nil : Self.string(scalar.tag)
                if checking { refuse(anchor: anchor, tag: keyTag, depth: stack.count + 1, at: mark) }
                let value = String(
                    decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let style = YAMLNode.Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any
                finished = .scalar(YAMLNode.Scalar(string: value, style: style, mark: mark))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                try checkNestingBudget(event, open: stack.count)
                // The two start events share their layout, as libyaml's union has it.
                let start = event.data.sequence_start
                let opened = Self.string(start.anchor)
                if checking {
                    let tag = start.implicit != 0 ? nil : Self.string(start.tag)
                    refuse(anchor: opened, tag: tag, depth: stack.count + 1, at: mark)
                }
                var open = Open(isMapping: isMapping, mark: mark, anchor: opened)
                open.streams = checking && !isMapping && onItem != nil && Self.isRootItemsValue(stack)
                stack.append(open)
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let open = stack.removeLast()
                anchor = open.anchor
                if open.isMapping {
                    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                    pairs.reserveCapacity(open.nodes.count / 2)
                    var index = 0
                    while index + 1 < open.nodes.count {
                        pairs.append((open.nodes[index], open.nodes[index + 1]))
                        index += 2
                    }
                    try checkDuplicates(pairs, tags: open.keyTags)
                    finished = .mapping(YAMLNode.Mapping(pairs: pairs, mark: open.mark))
                } else {
                    finished = .sequence(YAMLNode.Sequence(nodes: open.nodes, mark: open.mark))
                }
            case YAML_ALIAS_EVENT:
                guard let name = Self.string(event.data.alias.anchor), let node = anchors[name] else {
                    throw Stop(
                        diagnostic: .error(
                            "yaml-alias", at: YAMLComposer.location(mark, path),
                            "YAML aliases (*name) are not allowed in decks; write the value out in full"))
                }
                finished = node
            default:
                continue
            }
            if let anchor { anchors[anchor] = finished }
            guard !stack.isEmpty else {
                var end = try next()  // the document's end
                yaml_event_delete(&end)
                return finished
            }
            let top = stack.count - 1
            if stack[top].streams, let onItem {
                onItem(finished)
                continue
            }
            if stack[top].isMapping && stack[top].nodes.count % 2 == 0 { stack[top].keyTags.append(keyTag) }
            stack[top].nodes.append(finished)
        }
    }

    /// True when a collection opening now is the value of the root map's key `items`.
    private static func isRootItemsValue(_ stack: [Open]) -> Bool {
        guard stack.count == 1, stack[0].isMapping, stack[0].nodes.count % 2 == 1,
            case .scalar(let key) = stack[0].nodes.last
        else { return false }
        return key.string == "items"
    }

    /// Keeps the first anchor, over-deep node or explicit tag, checked in that order per node.
    private mutating func refuse(anchor: String?, tag: String?, depth: Int, at mark: YAMLNode.Mark) {
        guard refusal.isEmpty else { return }
        if let anchor {
            refusal = YAMLComposer.aliasFindings(anchor: anchor, at: mark, text: text, path: path)
        } else if depth > limits.maxDepth {
            refusal = [
                .error(
                    "too-deep", at: YAMLComposer.location(mark, path),
                    "nesting is deeper than \(limits.maxDepth) levels; a deck needs only a few, so flatten this part")
            ]
        } else if let tag, !Self.untaggedTags.contains(tag) {
            refusal = [
                .error(
                    "yaml-tag", at: YAMLComposer.location(mark, path),
                    "explicit YAML tags such as '\(tag)' are not used in decks; remove the tag and quote the value if it must stay text"
                )
            ]
        }
    }

    /// A key written twice in one map stops reading at the map's first such key.
    private func checkDuplicates(_ pairs: [(key: YAMLNode, value: YAMLNode)], tags: [String?]) throws {
        guard pairs.count > 1 else { return }
        let small = pairs.count <= 32 && pairs.allSatisfy { $0.key.scalar != nil }
        var repeated = small ? Self.repeatedScalarKeys(pairs, tags: tags) : []
        var seen: [String: Int] = [:]
        for (index, pair) in pairs.enumerated() where !small {
            let tag = index < tags.count ? tags[index] : nil
            let identity = YAMLNode.keyIdentity(pair.key, tag: tag == Self.textTag ? nil : tag)
            if let first = seen[identity] {
                if !repeated.contains(first) { repeated.append(first) }
            } else {
                seen[identity] = index
            }
        }
        guard !repeated.isEmpty else { return }
        let keys = repeated.map { pairs[$0].key }.sorted { $0.description < $1.description }
        let names = keys.map { "'\($0.scalar?.string ?? "<uncovertable>")'" }.joined(separator: ", ")
        throw Stop(
            diagnostic: .error(
                "duplicate-key", at: YAMLComposer.location(keys[0].mark, path),
                "key \(names) appears more than once in the same map; keep one"))
    }

    /// For a small map of text keys (every map of a deck), the keys written twice, found by
    /// comparing each key with the earlier ones instead of building an identity string per
    /// key: the first index of each repeated key, in the order the repeats appear, as the
    /// general search gives them.
    private static func repeatedScalarKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)], tags: [String?]) -> [Int] {
        func identity(_ index: Int) -> (tag: String, text: String) {
            let tag = index < tags.count ? tags[index] : nil
            return (tag == textTag ? "" : tag ?? "", pairs[index].key.scalar?.string ?? "")
        }
        var repeated: [Int] = []
        for later in 1..<pairs.count {
            let key = identity(later)
            guard let first = (0..<later).first(where: { identity($0) == key }) else { continue }
            if !repeated.contains(first) { repeated.append(first) }
        }
        return repeated
    }

    /// Absurd nesting stops reading at once, as the reader the loader used before stopped it:
    /// when the scanner's open indentation levels and flow levels together reach
    /// `YAMLComposer.absurdDepth` at a collection's start (an indentless list is not
    /// checked), at the collection's opening token. Open collections past ten times that
    /// stop it too, whatever the scanner holds, so that no input grows the stacks unbounded.
    private func checkNestingBudget(_ event: yaml_event_t, open: Int) throws {
        let state = parser.pointee
        let indents = state.indents.start.map { $0.distance(to: state.indents.top) } ?? 0
        let indentless =
            event.type == YAML_SEQUENCE_START_EVENT && state.state == YAML_PARSE_INDENTLESS_SEQUENCE_ENTRY_STATE
        guard
            (!indentless && indents >= YAMLComposer.absurdDepth - Int(state.flow_level))
                || open >= 10 * YAMLComposer.absurdDepth
        else { return }
        // A flow collection's token is its bracket, which ends one column after it starts;
        // a block collection's token is empty, so it starts where it ends.
        let style = event.data.sequence_start.style.rawValue
        let flow =
            event.type == YAML_SEQUENCE_START_EVENT
            ? style == YAML_FLOW_SEQUENCE_STYLE.rawValue : style == YAML_FLOW_MAPPING_STYLE.rawValue
        var mark = YAMLComposer.mark(event.end_mark)
        if flow { mark.column -= 1 }
        throw Stop(
            diagnostic: .error(
                "too-deep", at: YAMLComposer.location(mark, path),
                "nesting is far too deep; a deck needs only a few levels, so flatten this part"))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
