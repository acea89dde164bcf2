import LecternCore

/// Writes a large, valid deck of every item type from a seed, so each run loads the same bytes.
///
/// Texts are drawn from a small vocabulary at lengths like those of the bundled decks; longer
/// ones are written as folded blocks, some as quoted scalars, the rest plain, as authors do.
struct BenchDeckWriter {
    var itemCount = 20_000
    var passageCount = 40
    var seed: UInt64 = 2026

    static let deckID = "bench-deck"

    private static let words = [
        "seller", "platform", "buyer", "threshold", "competition", "essay", "claim", "premise",
        "market", "entry", "barrier", "celebrity", "stream", "follower", "goods", "price", "effort",
        "skill", "company", "profit", "growth", "reason", "evidence", "argument", "conclusion",
        "viewer", "channel", "quantity", "attention", "career", "technology", "expert", "practice",
        "years", "many", "few", "most", "every", "because", "although", "therefore", "still",
        "easy", "hard", "lower", "higher", "fierce", "steady", "early", "late", "new", "old",
        "sells", "gains", "loses", "keeps", "shows", "means", "draws", "needs", "beats", "stays",
        "the", "a", "of", "to", "in", "on", "and", "but", "with", "more", "less", "than",
    ]
    private static let skills = [
        "recall", "concept", "claim", "premise", "assumption", "analogy", "weaken", "strengthen",
        "counterexample", "apply", "steelman",
    ]
    /// Item types in proportions close to a real deck; walkthroughs are rarer and larger.
    private static let kinds: [(name: String, weight: Int)] = [
        ("choice", 20), ("multi", 10), ("truefalse", 10), ("short", 10), ("numeric", 8),
        ("cloze", 10),
        ("order", 7), ("match", 7), ("open", 7), ("roles", 6), ("walkthrough", 4),
    ]

    private var random: LecternCore.SplitMix64
    private var out = ""

    init(itemCount: Int = 20_000, seed: UInt64 = 2026) {
        self.itemCount = itemCount
        self.seed = seed
        random = LecternCore.SplitMix64(seed: seed)
    }

    /// The whole deck as YAML text.
    mutating func text() -> String {
        random = LecternCore.SplitMix64(seed: seed)
        out = ""
        out.reserveCapacity(itemCount * 300)
        line("# yaml-language-server: $schema=schema/deck.schema.json")
        line("lectern: 1")
        line("id: \(Self.deckID)")
        line("title: A generated deck for timing the loader")
        line("language: en")
        scalar("summary", sentence(14...24), indent: "")
        line("tags: [T1, T5]")
        line("source:")
        line("  title: \"Generated essay (benchmark only)\"")
        line("  passages:")
        for number in 1...passageCount { line("    \(number): \(sentence(10...22))") }
        line("items:")
        for index in 0..<itemCount { item(index) }
        return out
    }

    // MARK: - Items

    private mutating func item(_ index: Int) {
        let kind = pickKind()
        line("  - id: i\(index)-\(pick(Self.words))")
        let indent = "    "
        line(indent + "type: \(kind)")
        line(indent + "skill: \(pick(Self.skills))")
        if roll(2) { line(indent + "tags: [T\(number(1...10))]") }
        line(indent + "source: [\(paragraphs().map(String.init).joined(separator: ", "))]")
        if roll(8) { line(indent + "confidence: true") }
        if kind == "walkthrough" {
            scalar("scenario", sentence(6...12), indent: indent)
            scalar("prompt", sentence(3...8, question: true), indent: indent)
            line(indent + "steps:")
            let stepCount = number(2...3)
            for step in 0..<stepCount { self.step(step, of: stepCount) }
        } else {
            if kind != "cloze" { scalar("prompt", sentence(3...7, question: true), indent: indent) }
            body(kind, indent: indent, nextOfCorrect: nil)
        }
        if roll(5) { hints(indent: indent) }
        scalar(
            "explain", "¶\(number(1...passageCount)) " + sentence(2...5).lowercased(),
            indent: indent)
    }

    /// A walkthrough step; the first is a choice whose right answer skips to the last step,
    /// so every step is reachable and the flow has no loop.
    private mutating func step(_ position: Int, of count: Int) {
        let kinds = ["short", "truefalse", "numeric", "order", "multi"]
        let kind = position == 0 ? "choice" : pick(kinds)
        line("      - id: step-\(position + 1)")
        let indent = "        "
        line(indent + "type: \(kind)")
        scalar("prompt", sentence(3...7, question: true), indent: indent)
        body(
            kind, indent: indent, nextOfCorrect: position == 0 && count > 2 ? "step-\(count)" : nil)
        if roll(4) { scalar("explain", sentence(3...8), indent: indent) }
    }

    private mutating func body(_ kind: String, indent: String, nextOfCorrect: String?) {
        switch kind {
        case "choice", "multi":
            let count = roll(4) ? 4 : 3
            var correct: Set<Int> = [number(0...(count - 1))]
            if kind == "multi" { correct.insert(number(0...(count - 1))) }
            line(indent + "options:")
            for option in 0..<count {
                scalar("- text", sentence(1...4), indent: indent + "  ")
                if correct.contains(option) {
                    line(indent + "    correct: true")
                    if let nextOfCorrect { line(indent + "    next: \(nextOfCorrect)") }
                } else {
                    scalar("feedback", sentence(2...4), indent: indent + "    ")
                }
            }
        case "truefalse":
            line(indent + "answer: \(roll(2))")
        case "short":
            line(indent + "accept:")
            for _ in 0..<number(1...3) { line(indent + "  - \(phrase(1...2))") }
            if roll(10) { line(indent + "  - /\(pick(Self.words)) \(pick(Self.words))s?/") }
            if roll(6) { line(indent + "exact: true") }
        case "numeric":
            if roll(3) {
                let low = number(1...80)
                line(indent + "range: [\(low), \(low + number(1...20))]")
            } else {
                line(indent + "answer: \(number(1...5000)).\(number(0...9))")
                if roll(2) { line(indent + "tolerance: 0.\(number(1...9))") }
            }
            if roll(3) { line(indent + "unit: \(pick(["years", "sellers", "yuan", "hours"]))") }
            if roll(5) { line(indent + "percent: true") }
        case "cloze":
            var prompt = sentence(2...6)
            for _ in 0..<number(1...2) {
                prompt +=
                    " {{\(phrase(1...2))|\(pick(Self.words))}} " + sentence(2...5).lowercased()
            }
            scalar("prompt", prompt, indent: indent, folded: true)
        case "order":
            line(indent + "sequence:")
            for _ in 0..<number(3...4) { line(indent + "  - \(sentence(1...4))") }
        case "match":
            line(indent + "pairs:")
            for _ in 0..<number(2...3) {
                line(indent + "  - left: \(sentence(1...3))")
                line(indent + "    right: \(sentence(1...4))")
            }
        case "open":
            scalar("model", sentence(6...12), indent: indent)
            line(indent + "rubric:")
            for _ in 0..<number(2...3) { line(indent + "  - \(sentence(2...5))") }
        case "roles":
            line(indent + "sentences:")
            for _ in 0..<number(3...4) {
                line(indent + "  - text: \(sentence(2...6))")
                line(indent + "    role: \(pick(["c", "p", "a", "o", "x"]))")
            }
        default:
            preconditionFailure("no body for \(kind)")
        }
    }

    private mutating func hints(indent: String) {
        line(indent + "hints:")
        for _ in 0..<number(1...2) { line(indent + "  - \(sentence(2...6))") }
    }

    // MARK: - Text

    /// One `key: value` line, or a folded block for long text, or a quoted scalar now and then.
    private mutating func scalar(
        _ key: String, _ value: String, indent: String, folded: Bool = false
    ) {
        if folded || value.count > 90 {
            line(indent + key + ": >")
            let inner = indent + (key.hasPrefix("- ") ? "    " : "  ")
            var current = ""
            for word in value.split(separator: " ") {
                if !current.isEmpty && current.count + word.count > 88 {
                    line(inner + current)
                    current = ""
                }
                current += current.isEmpty ? String(word) : " " + word
            }
            if !current.isEmpty { line(inner + current) }
        } else if roll(5) {
            line(indent + key + ": \"" + value + "\"")
        } else {
            line(indent + key + ": " + value)
        }
    }

    private mutating func sentence(_ length: ClosedRange<Int>, question: Bool = false) -> String {
        var words = (0..<number(length)).map { _ in pick(Self.words) }
        words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
        if words.count > 6 && roll(3) { words[words.count / 2] += "," }
        return words.joined(separator: " ") + (question ? "?" : ".")
    }

    private mutating func phrase(_ length: ClosedRange<Int>) -> String {
        (0..<number(length)).map { _ in pick(Self.words) }.joined(separator: " ")
    }

    private mutating func paragraphs() -> [Int] {
        let first = number(1...passageCount)
        return roll(3) ? [first, first % passageCount + 1] : [first]
    }

    private mutating func pickKind() -> String {
        var ticket = number(0...(Self.kinds.reduce(0) { $0 + $1.weight } - 1))
        for kind in Self.kinds {
            if ticket < kind.weight { return kind.name }
            ticket -= kind.weight
        }
        return "choice"
    }

    private mutating func pick(_ choices: [String]) -> String {
        choices[number(0...(choices.count - 1))]
    }

    private mutating func number(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    /// True about once in `odds` draws.
    private mutating func roll(_ odds: Int) -> Bool {
        random.next() % UInt64(odds) == 0
    }

    private mutating func line(_ text: String) {
        out += text
        out += "\n"
    }
}
