/// The answers of `short` and `numeric` items, each of which may carry its own credit and
/// feedback (see `WeightedAnswer`): a plain list entry or a single `answer` is full credit.
extension DeckBuilder {
    /// A wording, or a map `{text, credit, feedback}` for one that earns part of the credit
    /// or none, or that has something to say to the learner who typed it.
    mutating func shortAnswer(_ node: YAMLNode) -> WeightedAnswer<String>? {
        guard case .mapping = node else {
            return scalarText(node, key: "accept").map { WeightedAnswer($0) }
        }
        guard let fields = map(node, expected: "an answer: text, or a map with text, credit, feedback") else {
            return nil
        }
        checkKeys(fields, allowed: ["text", "credit", "feedback"], in: "an accepted answer")
        require(fields, "text", in: "the answer at line \(fields.location.line)")
        guard let text = text(fields, "text") else { return nil }
        if text.isBlank, fields.has("text") { emptyValue(fields, "text", in: "the answer") }
        return WeightedAnswer(
            text, credit: number(fields, "credit") ?? 100, feedback: feedback(fields), location: fields.location)
    }

    /// `answer` (with `tolerance`) or `range`, or a list of `answers` each written so, with
    /// `credit` and `feedback`; `otherwise` is said for any other number.
    mutating func numeric(_ fields: FieldMap, context: String) -> ItemBody? {
        let unit = text(fields, "unit")
        let percent = boolean(fields, "percent") ?? false
        let otherwise = text(fields, "otherwise").flatMap { $0.isBlank ? nil : $0 }
        guard let entries = fields["answers"] else {
            guard
                let target = numericTarget(
                    fields, context: context, needed: "'answer' (with optional 'tolerance') or 'range'")
            else {
                return nil
            }
            return .numeric(NumericAnswerKey(target: target, unit: unit, percent: percent, otherwise: otherwise))
        }
        if let single = ["answer", "range", "tolerance"].compactMap({ fields[$0] }).first {
            diagnostics.append(
                .error(
                    "numeric-key", at: single.keyLocation,
                    "\(context) has both 'answers' and '\(single.key)'; write every answer in 'answers'"))
            return nil
        }
        guard let nodes = list(entries) else { return nil }
        guard !nodes.isEmpty else {
            diagnostics.append(
                .error(
                    "too-few-entries", at: entries.keyLocation,
                    "\(context) has 0 answers in 'answers'; it needs at least 1"))
            return nil
        }
        let answers = nodes.compactMap { numericAnswer($0) }
        guard answers.count == nodes.count else { return nil }
        return .numeric(NumericAnswerKey(answers: answers, otherwise: otherwise, unit: unit, percent: percent))
    }

    private mutating func numericAnswer(_ node: YAMLNode) -> WeightedAnswer<NumericAnswerKey.Target>? {
        guard let fields = map(node, expected: "an answer: a map with answer (or range), credit, feedback") else {
            return nil
        }
        checkKeys(fields, allowed: ["answer", "tolerance", "range", "credit", "feedback"], in: "a numeric answer")
        let context = "the answer at line \(fields.location.line)"
        guard
            let target = numericTarget(
                fields, context: context, needed: "'answer' (with optional 'tolerance') or 'range'")
        else { return nil }
        return WeightedAnswer(
            target, credit: number(fields, "credit") ?? 100, feedback: feedback(fields), location: fields.location)
    }

    private mutating func feedback(_ fields: FieldMap) -> String? {
        text(fields, "feedback").flatMap { $0.isBlank ? nil : $0 }
    }

    /// A value with its tolerance, or a range, from the keys of one map.
    private mutating func numericTarget(_ fields: FieldMap, context: String, needed: String)
        -> NumericAnswerKey.Target?
    {
        switch (fields["answer"], fields["range"]) {
        case (nil, nil):
            diagnostics.append(.error("missing-field", at: fields.location, "\(context) needs \(needed); add one"))
            return nil
        case (.some, .some(let range)):
            diagnostics.append(
                .error(
                    "numeric-key", at: range.keyLocation, "\(context) has both 'answer' and 'range'; keep one of them"))
            return nil
        case (.some, nil):
            guard let answer = number(fields, "answer") else { return nil }
            return .value(answer, tolerance: number(fields, "tolerance") ?? 0)
        case (nil, .some(let range)):
            guard let bounds = list(range) else { return nil }
            guard bounds.count == 2 else {
                diagnostics.append(
                    .error(
                        "wrong-type", at: YAMLComposer.location(range.value.mark, path),
                        "expected [low, high] for 'range', got a list of \(bounds.count)"))
                return nil
            }
            guard let low = number(bounds[0], key: "range"), let high = number(bounds[1], key: "range") else {
                return nil
            }
            if fields.has("tolerance") {
                diagnostics.append(
                    .error(
                        "numeric-key", at: fields["tolerance"]?.keyLocation ?? fields.location,
                        "'tolerance' goes with 'answer', not with 'range'; widen the range instead"))
            }
            return .range(low, high)
        }
    }
}
