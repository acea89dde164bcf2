/// Items and walkthrough steps: the fields every type shares, then the body of its type.
extension DeckBuilder {
    static let itemKeys = ["id", "type", "skill", "prompt", "explain", "source", "tags", "hints", "confidence"]
    static let stepKeys = itemKeys + ["next"]
    static let bodyKeys: [ItemKind: [String]] = [
        .choice: ["options"], .multi: ["options"], .truefalse: ["answer"], .short: ["accept", "exact"],
        .numeric: ["answer", "tolerance", "range", "answers", "otherwise", "unit", "percent"], .cloze: ["exact"],
        .order: ["sequence"], .match: ["pairs"], .open: ["model", "rubric"], .roles: ["sentences"],
        .walkthrough: ["scenario", "steps"], .description: [],
    ]

    /// Builds one item, or nil when its type is unknown or a field its type needs is missing.
    mutating func item(from node: YAMLNode, isStep: Bool) -> Item? {
        let noun = isStep ? "step" : "item"
        guard let fields = map(node, expected: "\(isStep ? "a step" : "an item"): a map with id, type, prompt…") else {
            return nil
        }
        let id = text(fields, "id") ?? ""
        let label = id.isEmpty ? "the \(noun) at line \(fields.location.line)" : "\(noun) '\(id)'"
        require(fields, "id", in: label)
        require(fields, "type", in: label)
        guard let kind = itemKind(fields, isStep: isStep) else {
            checkKeys(fields, allowed: Self.allKeys(isStep: isStep), in: label)
            return nil
        }
        let context =
            id.isEmpty
            ? "the \(kind.rawValue) \(noun) at line \(fields.location.line)" : "\(kind.rawValue) \(noun) '\(id)'"
        let allowed = (isStep ? Self.stepKeys : Self.itemKeys) + (Self.bodyKeys[kind] ?? [])
        let article = "aeiou".contains(kind.rawValue.first ?? "x") ? "an" : "a"
        checkKeys(
            fields, allowed: allowed, in: "\(article) \(kind.rawValue) \(noun)",
            elsewhere: Self.owners(except: allowed, isStep: isStep))
        require(fields, "prompt", in: context)
        // A description asks nothing, so it trains no skill and needs no paragraph.
        if !isStep && kind != .description {
            require(fields, "skill", in: context)
            require(fields, "source", in: context)
        }
        let skill = skillValue(fields)
        let prompt = text(fields, "prompt") ?? ""
        let explain = text(fields, "explain").flatMap { $0.isBlank ? nil : $0 }
        let source = integerList(fields, "source") ?? []
        let tags = textList(fields, "tags") ?? []
        let hints = textList(fields, "hints") ?? []
        let confidence = boolean(fields, "confidence") ?? false
        let next = isStep ? text(fields, "next") : nil
        guard let body = body(of: kind, fields, prompt: prompt, context: context, isStep: isStep) else { return nil }
        var item = Item(
            id: id, skill: skill, tags: tags, prompt: prompt, explain: explain, source: source,
            hints: hints, confidence: confidence, body: body, next: next, location: fields.location,
            nextLocation: isStep ? fields["next"].map { YAMLComposer.location($0.value.mark, path) } : nil)
        item.fieldLocations = fields.fieldLocations
        return item
    }

    private static func allKeys(isStep: Bool) -> [String] {
        var keys = isStep ? stepKeys : itemKeys
        for kind in ItemKind.allCases {
            for key in bodyKeys[kind] ?? [] where !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// For keys that belong to other types: a hint naming them, instead of a spelling guess.
    private static func owners(except allowed: [String], isStep: Bool) -> [String: String] {
        var owners: [String: [String]] = [:]
        for kind in ItemKind.allCases where !(isStep && kind == .walkthrough) {
            for key in bodyKeys[kind] ?? [] where !allowed.contains(key) {
                owners[key, default: []].append(kind.rawValue)
            }
        }
        var hints = owners.mapValues { "it belongs to \($0.joined(separator: ", ")) items" }
        if !isStep { hints["next"] = "'next' only works in walkthrough steps" }
        return hints
    }

    private mutating func itemKind(_ fields: FieldMap, isStep: Bool) -> ItemKind? {
        guard let entry = fields["type"], let raw = scalarText(entry.value, key: "type") else { return nil }
        let names = ItemKind.allCases.map(\.rawValue)
        guard let kind = ItemKind(rawValue: raw) else {
            let location = YAMLComposer.location(entry.value.mark, path)
            let hint =
                Suggestion.closest(to: raw, among: names).map { "did you mean '\($0)'?" }
                ?? "use one of \(names.joined(separator: ", "))"
            diagnostics.append(.error("unknown-type", at: location, "unknown item type '\(raw.shortened)'; \(hint)"))
            return nil
        }
        if isStep && kind == .description {
            diagnostics.append(
                .error(
                    "description-step", at: YAMLComposer.location(entry.value.mark, path),
                    "a walkthrough step must ask something, and a description does not; put its text in the scenario or the step's prompt"
                ))
            return nil
        }
        if isStep && kind == .walkthrough {
            diagnostics.append(
                .error(
                    "nested-walkthrough", at: YAMLComposer.location(entry.value.mark, path),
                    "a walkthrough step cannot itself be a walkthrough; use another type or split it into steps"))
            return nil
        }
        return kind
    }

    private mutating func skillValue(_ fields: FieldMap) -> Skill? {
        guard let entry = fields["skill"], let raw = scalarText(entry.value, key: "skill") else { return nil }
        if let skill = Skill(rawValue: raw) { return skill }
        let names = Skill.allCases.map(\.rawValue)
        let hint =
            Suggestion.closest(to: raw, among: names).map { "did you mean '\($0)'?" }
            ?? "use one of \(names.joined(separator: ", "))"
        diagnostics.append(
            .error(
                "unknown-skill", at: YAMLComposer.location(entry.value.mark, path),
                "unknown skill '\(raw.shortened)'; \(hint)"))
        return nil
    }
}
