/// The type-specific part of an item: its answer key and what the learner is shown.
extension DeckBuilder {
    mutating func body(of kind: ItemKind, _ fields: FieldMap, prompt: String, context: String, isStep: Bool)
        -> ItemBody?
    {
        switch kind {
        case .choice, .multi:
            guard let options = requiredList(fields, "options", in: context) else { return nil }
            let built = options.compactMap { option(from: $0, isStep: isStep) }
            return kind == .choice ? .choice(built) : .multi(built)
        case .truefalse:
            require(fields, "answer", in: context)
            guard let answer = boolean(fields, "answer") else { return nil }
            return .truefalse(answer: answer)
        case .short:
            guard let entries = requiredList(fields, "accept", in: context) else { return nil }
            let answers = entries.compactMap { shortAnswer($0) }
            guard answers.count == entries.count else { return nil }
            return .short(ShortAnswerKey(answers: answers, exact: boolean(fields, "exact") ?? false))
        case .numeric:
            return numeric(fields, context: context)
        case .cloze:
            return .cloze(Cloze(parsing: prompt, exact: boolean(fields, "exact") ?? false))
        case .order:
            guard requiredList(fields, "sequence", in: context) != nil, let sequence = textList(fields, "sequence")
            else {
                return nil
            }
            return .order(sequence)
        case .match:
            guard let pairs = requiredList(fields, "pairs", in: context) else { return nil }
            return .match(pairs.compactMap { matchPair($0) })
        case .open:
            require(fields, "model", in: context)
            guard requiredList(fields, "rubric", in: context) != nil, let model = text(fields, "model"),
                let rubric = textList(fields, "rubric")
            else { return nil }
            if model.isBlank { emptyValue(fields, "model", in: context) }
            return .open(OpenAnswerKey(model: model, rubric: rubric))
        case .roles:
            guard let sentences = requiredList(fields, "sentences", in: context) else { return nil }
            return .roles(sentences.compactMap { roleSentence($0) })
        case .walkthrough:
            require(fields, "scenario", in: context)
            guard let steps = requiredList(fields, "steps", in: context), let scenario = text(fields, "scenario") else {
                return nil
            }
            if scenario.isBlank { emptyValue(fields, "scenario", in: context) }
            return .walkthrough(
                Walkthrough(scenario: scenario, steps: steps.compactMap { item(from: $0, isStep: true) }))
        case .description:
            return .description
        }
    }

    mutating func requiredList(_ fields: FieldMap, _ key: String, in context: String) -> [YAMLNode]? {
        require(fields, key, in: context)
        guard let entry = fields[key] else { return nil }
        return list(entry)
    }

    private mutating func option(from node: YAMLNode, isStep: Bool) -> Option? {
        guard let fields = map(node, expected: "an option: a map with text, correct, feedback") else { return nil }
        let keys = ["text", "correct", "feedback", "credit"] + (isStep ? ["next"] : [])
        checkKeys(
            fields, allowed: keys, in: "an option",
            elsewhere: isStep ? [:] : ["next": "'next' only works in walkthrough steps"])
        require(fields, "text", in: "the option at line \(fields.location.line)")
        guard let text = text(fields, "text") else { return nil }
        if text.isBlank, fields.has("text") { emptyValue(fields, "text", in: "the option") }
        let feedback = self.text(fields, "feedback").flatMap { $0.isBlank ? nil : $0 }
        return Option(
            text: text, isCorrect: boolean(fields, "correct") ?? false, feedback: feedback,
            next: isStep ? self.text(fields, "next") : nil, location: fields.location,
            nextLocation: isStep ? fields["next"].map { YAMLComposer.location($0.value.mark, path) } : nil,
            credit: number(fields, "credit"))
    }

    private mutating func matchPair(_ node: YAMLNode) -> MatchPair? {
        guard let fields = map(node, expected: "a pair: a map with left and right") else { return nil }
        checkKeys(fields, allowed: ["left", "right"], in: "a pair")
        let context = "the pair at line \(fields.location.line)"
        require(fields, "left", in: context)
        require(fields, "right", in: context)
        guard let left = text(fields, "left"), let right = text(fields, "right") else { return nil }
        return MatchPair(left: left, right: right)
    }

    private mutating func roleSentence(_ node: YAMLNode) -> RoleSentence? {
        guard let fields = map(node, expected: "a sentence: a map with text and role") else { return nil }
        checkKeys(fields, allowed: ["text", "role"], in: "a sentence")
        let context = "the sentence at line \(fields.location.line)"
        require(fields, "text", in: context)
        require(fields, "role", in: context)
        guard let text = text(fields, "text"), let entry = fields["role"],
            let raw = scalarText(entry.value, key: "role")
        else { return nil }
        guard let role = ArgumentRole(rawValue: raw) else {
            let byName = ArgumentRole.allCases.first { $0.name == raw.lowercased() }
            let hint =
                byName.map { "did you mean '\($0.rawValue)'?" }
                ?? "use c (conclusion), p (premise), a (assumption), o (objection) or x (beside the point)"
            diagnostics.append(
                .error(
                    "unknown-role", at: YAMLComposer.location(entry.value.mark, path),
                    "unknown role '\(raw.shortened)'; \(hint)"))
            return nil
        }
        return RoleSentence(text: text, role: role)
    }
}
