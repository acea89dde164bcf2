/// Items as a learner would see them, each followed by its answer key, for proofreading a
/// deck without studying it.
///
/// Options and entries keep their written order and are lettered a, b, c…; the study
/// session shuffles, the preview does not, so the key reads against the file.
package enum DeckPreview {
    /// The whole deck, or only the item `itemID` (a message saying so when there is none).
    package static func render(_ deck: Deck, itemID: String? = nil) -> String {
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

    /// The item's heading line, then its text, key, hints and explanation indented under it.
    private static func render(_ item: Item, deck: Deck, indent: String) -> [String] {
        var facts = [item.kind.rawValue]
        if let skill = item.skill { facts.append(skill.rawValue) }
        if !item.source.isEmpty { facts.append(item.source.map { "¶\($0)" }.joined(separator: " ")) }
        if !item.tags.isEmpty { facts.append(item.tags.joined(separator: " ")) }
        if item.confidence { facts.append("asks confidence") }
        var body: [String] = []
        if case .walkthrough(let walkthrough) = item.body { body.append("Scenario: \(walkthrough.scenario)") }
        if case .cloze(let cloze) = item.body {
            body.append(cloze.displayText)
        } else {
            body.append(item.prompt)
        }
        body += key(item.body, deck: deck)
        if !item.hints.isEmpty {
            body.append("Hints:")
            for (index, hint) in item.hints.enumerated() { body.append("  \(index + 1). \(hint)") }
        }
        if let explain = item.explain { body.append("Explain: \(explain)") }
        return (["\(item.id) (\(facts.joined(separator: ", ")))"] + body.map { "  " + $0 }).map { indent + $0 }
    }

    /// The entries and the answer key of one kind of item; nested lines start with two spaces.
    private static func key(_ body: ItemBody, deck: Deck) -> [String] {
        switch body {
        case .choice(let options), .multi(let options):
            return optionKey(options)
        case .truefalse(let answer):
            return ["Answer: \(answer ? "true" : "false")"]
        case .description:
            return ["(shown above the next question; not asked)"]
        case .short(let key):
            return ["Answer: \(key.accept.joined(separator: " | "))\(key.exact ? " (exact)" : "")"]
                + weighted(key.answers.filter { !$0.isFullCredit || $0.feedback != nil }) { "\($0)" }
        case .numeric(let key):
            return ["Answer: \(numeric(key.target, key))"]
                + weighted(Array(key.answers.filter { !$0.isFullCredit || $0.feedback != nil })) { numeric($0, key) }
                + (key.otherwise.map { ["Any other number: \($0)"] } ?? [])
        case .cloze(let cloze):
            let blanks = cloze.blanks.enumerated().map { "[\($0.offset + 1)] \($0.element.joined(separator: " | "))" }
            return ["Answer: \(blanks.joined(separator: "  "))\(cloze.exact ? " (exact)" : "")"]
        case .order(let sequence):
            return sequence.enumerated().map { "  \(letter($0.offset))) \($0.element)" } + [
                "Answer: \(sequence.indices.map(letter).joined(separator: " ")) (listed in the right order; shuffled when studied)"
            ]
        case .match(let pairs):
            return pairs.enumerated().map {
                "  \($0.offset + 1). \($0.element.left)  ·  \(letter($0.offset))) \($0.element.right)"
            }
                + [
                    "Answer: \(pairs.indices.map { "\($0 + 1)\(letter($0))" }.joined(separator: " ")) (right side shuffled when studied)"
                ]
        case .open(let key):
            return ["Model answer: \(key.model)", "Rubric:"] + key.rubric.map { "  - \($0)" }
        case .roles(let sentences):
            let key = sentences.enumerated().map { "\($0.offset + 1)\($0.element.role.rawValue)" }
            let names = sentences.map(\.role.name)
            return sentences.enumerated().map { "  \($0.offset + 1). \($0.element.text)" }
                + ["Answer: \(key.joined(separator: " ")) (\(names.joined(separator: ", ")))"]
        case .walkthrough(let walkthrough):
            return steps(of: walkthrough, deck: deck)
        }
    }

    /// Lettered options, the correct letters, then any feedback and branches by letter.
    private static func optionKey(_ options: [Option]) -> [String] {
        var lines = options.enumerated().map { "  \(letter($0.offset))) \($0.element.text)" }
        let correct = options.indices.filter { options[$0].isCorrect }.map(letter)
        lines.append("Answer: \(correct.joined(separator: " "))")
        let partial = options.indices.compactMap { index in
            options[index].credit.map { "\(letter(index)) \(NumericAnswerGrader.format($0))%" }
        }
        if !partial.isEmpty { lines.append("Partial credit: \(partial.joined(separator: ", "))") }
        let feedback = options.enumerated().filter { $0.element.feedback != nil }
        if !feedback.isEmpty {
            lines.append("Feedback:")
            for (index, option) in feedback { lines.append("  \(letter(index))) \(option.feedback ?? "")") }
        }
        let branches = options.enumerated().filter { $0.element.next != nil }
        if !branches.isEmpty {
            lines.append("Branches:")
            for (index, option) in branches { lines.append("  \(letter(index))) → \(option.next ?? "")") }
        }
        return lines
    }

    /// Each step as an item, then where it leads (``Walkthrough/next(after:chosen:)``) unless
    /// every option names its own branch.
    private static func steps(of walkthrough: Walkthrough, deck: Deck) -> [String] {
        var lines: [String] = []
        for (index, step) in walkthrough.steps.enumerated() {
            let stepLines = render(step, deck: deck, indent: "")
            lines.append("Step \(index + 1): " + stepLines[0])
            lines += stepLines.dropFirst()
            let after =
                switch walkthrough.next(after: index) {
                case .named(let target, _): target
                case .following(let position): walkthrough.steps[position].id
                case .end: "end"
                }
            let options = step.options
            let branchesAll = step.kind == .choice && !options.isEmpty && options.allSatisfy { $0.next != nil }
            if !branchesAll { lines.append("  \(walkthrough.branches(at: index) ? "Otherwise" : "Then"): \(after)") }
        }
        return lines
    }

    private static func numeric(_ target: NumericAnswerKey.Target, _ key: NumericAnswerKey) -> String {
        let suffix = key.percent ? "%" : key.unit.map { " \($0)" } ?? ""
        switch target {
        case .value(let value, let tolerance):
            return "\(number(value))\(suffix)" + (tolerance > 0 ? " ± \(number(tolerance))" : "")
        case .range(let low, let high):
            return "from \(number(low)) to \(number(high))\(suffix)"
        }
    }

    /// The answers that earn less than full credit or say something: `Lutetia 50%: its Roman name`.
    private static func weighted<Value>(_ answers: [WeightedAnswer<Value>], _ show: (Value) -> String) -> [String] {
        answers.map { answer in
            "  \(show(answer.value)) \(number(answer.credit))%" + (answer.feedback.map { ": \($0)" } ?? "")
        }
    }

    private static func number(_ value: Double) -> String { NumericAnswerGrader.format(value) }
}
