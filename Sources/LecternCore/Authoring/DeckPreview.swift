/// Items as a learner would see them, each followed by its answer key, for proofreading a
/// deck without studying it.
///
/// Options and entries keep their written order and are lettered a, b, c…; the study
/// session shuffles, the preview does not, so the key reads against the file.
public enum DeckPreview {
    /// The whole deck, or only the item `itemID` (a message saying so when there is none).
    public static func render(_ deck: Deck, itemID: String? = nil) -> String {
        if let itemID {
            guard let item = deck.item(withID: itemID) else {
                let ids = deck.items.map(\.id).joined(separator: ", ")
                return "No item '\(itemID)' in deck '\(deck.id)'; its items are: \(ids)"
            }
            return render(item, deck: deck, indent: "").joined(separator: "\n")
        }
        var lines = ["\(deck.title) (\(deck.id)): \(deck.items.count) item\(deck.items.count == 1 ? "" : "s")"]
        if let source = deck.source { lines.append("Source: \(source.title)") }
        for item in deck.items {
            lines.append("")
            lines += render(item, deck: deck, indent: "")
        }
        return lines.joined(separator: "\n")
    }

    static func letter(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index))) : "\(index + 1)"
    }

    private static func render(_ item: Item, deck: Deck, indent: String) -> [String] {
        var facts = [item.kind.rawValue]
        if let skill = item.skill { facts.append(skill.rawValue) }
        if !item.source.isEmpty { facts.append(item.source.map { "¶\($0)" }.joined(separator: " ")) }
        if !item.tags.isEmpty { facts.append(item.tags.joined(separator: " ")) }
        if item.confidence { facts.append("asks confidence") }
        var lines = ["\(item.id) (\(facts.joined(separator: ", ")))"]
        let inner = "  "
        func add(_ text: String, _ extra: String = "") { lines.append(inner + extra + text) }
        if case .walkthrough(let walkthrough) = item.body { add("Scenario: \(walkthrough.scenario)") }
        if case .cloze(let cloze) = item.body {
            add(cloze.displayText)
        } else {
            add(item.prompt)
        }
        switch item.body {
        case .choice(let options), .multi(let options):
            for (index, option) in options.enumerated() { add("\(letter(index))) \(option.text)", "  ") }
            let correct = options.indices.filter { options[$0].isCorrect }.map(letter)
            add("Answer: \(correct.joined(separator: " "))")
            let partial = options.indices.compactMap { index in
                options[index].credit.map { "\(letter(index)) \(NumericAnswerGrader.format($0))%" }
            }
            if !partial.isEmpty { add("Partial credit: \(partial.joined(separator: ", "))") }
            let feedback = options.enumerated().filter { $0.element.feedback != nil }
            if !feedback.isEmpty {
                add("Feedback:")
                for (index, option) in feedback { add("\(letter(index))) \(option.feedback ?? "")", "  ") }
            }
            let branches = options.enumerated().filter { $0.element.next != nil }
            if !branches.isEmpty {
                add("Branches:")
                for (index, option) in branches { add("\(letter(index))) → \(option.next ?? "")", "  ") }
            }
        case .truefalse(let answer):
            add("Answer: \(answer ? "true" : "false")")
        case .short(let key):
            add("Answer: \(key.accept.joined(separator: " | "))\(key.exact ? " (exact)" : "")")
        case .numeric(let key):
            add("Answer: \(numeric(key))")
        case .cloze(let cloze):
            let blanks = cloze.blanks.enumerated().map { "[\($0.offset + 1)] \($0.element.joined(separator: " | "))" }
            add("Answer: \(blanks.joined(separator: "  "))\(cloze.exact ? " (exact)" : "")")
        case .order(let sequence):
            for (index, entry) in sequence.enumerated() { add("\(letter(index))) \(entry)", "  ") }
            add(
                "Answer: \(sequence.indices.map(letter).joined(separator: " ")) (listed in the right order; shuffled when studied)"
            )
        case .match(let pairs):
            for (index, pair) in pairs.enumerated() {
                add("\(index + 1). \(pair.left)  ·  \(letter(index))) \(pair.right)", "  ")
            }
            add(
                "Answer: \(pairs.indices.map { "\($0 + 1)\(letter($0))" }.joined(separator: " ")) (right side shuffled when studied)"
            )
        case .open(let key):
            add("Model answer: \(key.model)")
            add("Rubric:")
            for point in key.rubric { add("- \(point)", "  ") }
        case .roles(let sentences):
            for (index, sentence) in sentences.enumerated() { add("\(index + 1). \(sentence.text)", "  ") }
            let key = sentences.enumerated().map { "\($0.offset + 1)\($0.element.role.rawValue)" }
            let names = sentences.map(\.role.name)
            add("Answer: \(key.joined(separator: " ")) (\(names.joined(separator: ", ")))")
        case .walkthrough(let walkthrough):
            for (index, step) in walkthrough.steps.enumerated() {
                let stepLines = render(step, deck: deck, indent: "")
                add("Step \(index + 1): " + stepLines[0])
                for line in stepLines.dropFirst() { add(line) }
                let after = step.next ?? (index + 1 < walkthrough.steps.count ? walkthrough.steps[index + 1].id : "end")
                let options = step.options
                let branchesAll = step.kind == .choice && !options.isEmpty && options.allSatisfy { $0.next != nil }
                let branchesSome = step.kind == .choice && options.contains { $0.next != nil }
                if !branchesAll { add("\(branchesSome ? "Otherwise" : "Then"): \(after)", "  ") }
            }
        }
        if !item.hints.isEmpty {
            add("Hints:")
            for (index, hint) in item.hints.enumerated() { add("\(index + 1). \(hint)", "  ") }
        }
        if let explain = item.explain { add("Explain: \(explain)") }
        return lines.map { indent + $0 }
    }

    private static func numeric(_ key: NumericAnswerKey) -> String {
        let suffix = key.percent ? "%" : key.unit.map { " \($0)" } ?? ""
        switch key.target {
        case .value(let value, let tolerance):
            return "\(number(value))\(suffix)" + (tolerance > 0 ? " ± \(number(tolerance))" : "")
        case .range(let low, let high):
            return "from \(number(low)) to \(number(high))\(suffix)"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
