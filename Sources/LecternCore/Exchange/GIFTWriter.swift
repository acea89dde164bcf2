/// Writes a deck as GIFT (Moodle's question text format) for every item GIFT can hold with
/// the same key, and a warning naming each item or part it cannot: Moodle must never grade
/// a learner differently from the deck, so what would change the grading is left out.
///
/// `GIFTReader` reads the result back to the same prompts, keys, weights and feedback
/// (the round trip is tested over every bundled deck).
package enum GIFTWriter {
    /// The GIFT text and the findings about what was left out, each at the item it concerns.
    package static func write(_ deck: Deck) -> (text: String, diagnostics: [Diagnostic]) {
        var writer = GIFTItemWriter()
        var blocks = [
            "// Exported from the Lectern deck '\(deck.id)' (\(oneLine(deck.title))) by `lectern export`.\n"
                + "// Each question's [id:…] is the deck's item id; import it with Moodle's GIFT importer."
        ]
        for item in deck.items {
            if let block = writer.question(item) { blocks.append(block) }
        }
        var findings = writer.diagnostics
        if !deck.items.isEmpty {
            findings.append(
                .note(
                    "gift-not-kept", at: deck.location,
                    "GIFT has no place for hints, skills, cited paragraphs, confidence questions or typo tolerance (Moodle matches short answers exactly, ignoring case); they are not exported"
                ))
        }
        return (blocks.joined(separator: "\n\n") + "\n", findings)
    }

    /// Text with GIFT's special characters escaped and line breaks written `\n`, so that no
    /// text can end a question, open an answer block or start a comment line.
    package static func escaped(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "~", "=", "#", "{", "}", ":": output += "\\" + String(scalar)
            case "\n": output += "\\n"
            case "\r": break
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output.trimmingWhitespace
    }

    /// Moodle's importer takes only grades from its list; these are the shares of full
    /// credit for n right options of a multiple-answer question that the list holds.
    static let shares: [Int: String] = [
        1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5",
        9: "11.11111", 10: "10", 20: "5",
    ]

    /// The grade of Moodle's list that `percent` is (within rounding), as GIFT writes it.
    static func grade(_ percent: Double) -> String? {
        let list = [
            "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25", "20", "16.66667",
            "14.28571", "12.5", "11.11111", "10", "5",
        ]
        return list.first { abs((Double($0) ?? 0) - percent) < 0.001 }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

private struct GIFTItemWriter {
    var diagnostics: [Diagnostic] = []

    func e(_ text: String) -> String { GIFTWriter.escaped(text) }

    mutating func leftOut(_ item: Item, _ why: String) -> String? {
        diagnostics.append(
            .warning("gift-not-kept", at: item.location, "\(item.kind.rawValue) item '\(item.id)' \(why)"))
        return nil
    }

    mutating func warn(_ item: Item, _ what: String) {
        diagnostics.append(
            .warning("gift-not-kept", at: item.location, "\(item.kind.rawValue) item '\(item.id)': \(what)"))
    }

    /// Comment line with `[id:…]` and `[tag:…]` (where Moodle reads them), then `::id::` and the text.
    func head(_ item: Item, prompt: String) -> String {
        let tags = item.tags.map { "[tag:\(oneTag($0))]" }.joined(separator: " ")
        return "// [id:\(item.id)]" + (tags.isEmpty ? "" : " " + tags) + "\n::\(item.id)::" + e(prompt)
    }

    func oneTag(_ tag: String) -> String {
        String(
            tag.unicodeScalars.filter { !"[]<>`".unicodeScalars.contains($0) && $0.value >= 0x20 }.map(Character.init))
    }

    func generalFeedback(_ text: String?) -> String {
        guard let text, !text.trimmingWhitespace.isEmpty else { return "" }
        return "\n  ####" + e(text)
    }

    /// `%` opens a weight in GIFT and has no escape: an answer starting with it gets its weight written out.
    func answer(_ sign: String, weight: String?, _ text: String, feedback: String?) -> String {
        let weight = weight ?? (text.hasPrefix("%") ? (sign == "=" ? "100" : "0") : nil)
        let feedback = feedback.map { $0.trimmingWhitespace.isEmpty ? "" : "#" + e($0) } ?? ""
        return "\n  " + sign + (weight.map { "%\($0)%" } ?? "") + e(text) + feedback
    }

    mutating func question(_ item: Item) -> String? {
        switch item.body {
        case .choice(let options):
            if let odd = options.compactMap(\.credit).first(where: { GIFTWriter.grade($0) == nil }) {
                return leftOut(
                    item, "gives \(GIFTMarkup.format(odd))% credit to an option, a grade Moodle's list lacks; left out")
            }
            let answers = options.map {
                answer(
                    $0.isCorrect ? "=" : "~", weight: $0.credit.flatMap(GIFTWriter.grade), $0.text,
                    feedback: $0.isCorrect ? nil : $0.feedback)
            }
            return head(item, prompt: item.prompt) + " {" + answers.joined() + generalFeedback(item.explain) + "\n}"
        case .multi(let options):
            let right = options.filter(\.isCorrect).count
            guard let share = GIFTWriter.shares[right] else {
                return leftOut(
                    item,
                    "has \(right) right options, and Moodle has no grade that shares credit \(right) ways; left out")
            }
            // A deck scores (right picks − wrong picks) ÷ right options, floored at 0: each wrong
            // pick takes away one share, which is Moodle's sum of weights with −share on wrong ones.
            let answers = options.map {
                answer(
                    "~", weight: $0.isCorrect ? share : "-" + share, $0.text, feedback: $0.isCorrect ? nil : $0.feedback
                )
            }
            return head(item, prompt: item.prompt) + " {" + answers.joined() + generalFeedback(item.explain) + "\n}"
        case .truefalse(let value):
            return head(item, prompt: item.prompt) + " {" + (value ? "TRUE" : "FALSE") + generalFeedback(item.explain)
                + "\n}"
        case .short(let key):
            return short(item, key)
        case .numeric(let key):
            return numeric(item, key)
        case .cloze(let cloze):
            return missingWord(item, cloze)
        case .match(let pairs):
            if let bad = pairs.first(where: { $0.left.contains("->") || $0.right.contains("->") }) {
                return leftOut(
                    item, "has a pair with '->' in its text ('\(bad.left)'), which GIFT reads as the arrow; left out")
            }
            let answers = pairs.map { "\n  =" + e($0.left) + " -> " + e($0.right) }
            return head(item, prompt: item.prompt) + " {" + answers.joined() + generalFeedback(item.explain) + "\n}"
        case .open(let key):
            warn(item, "GIFT's essay holds the model answer only; the rubric and explanation are not exported")
            return head(item, prompt: item.prompt) + " {" + generalFeedback(key.model) + "\n}"
        case .order:
            return leftOut(item, "asks for an order, which GIFT cannot express; left out")
        case .roles:
            return leftOut(item, "asks for the role of each sentence, which GIFT cannot express; left out")
        case .walkthrough:
            return leftOut(item, "is a walkthrough of steps, which GIFT cannot express; left out")
        case .description:
            // Text without an answer block is GIFT's description.
            return head(item, prompt: item.prompt)
        }
    }

    /// Wordings GIFT can accept as written: not a `/…/` pattern (GIFT has none) and without
    /// `->` (which would turn the question into a matching one in Moodle's reading).
    mutating func keptWordings(_ accepted: [String], of item: Item) -> [String] {
        accepted.filter { wording in
            let trimmed = wording.trimmingWhitespace
            if trimmed.count >= 2 && trimmed.hasPrefix("/") && trimmed.hasSuffix("/") {
                warn(item, "the pattern \(trimmed) is not exported: GIFT has no patterns (write its wordings out)")
                return false
            }
            if trimmed.contains("->") || trimmed.hasPrefix("%") || trimmed.contains("*") {
                warn(
                    item, "the answer '\(trimmed)' is not exported: Moodle would read '->', '%' or '*' in it as syntax")
                return false
            }
            return !trimmed.isEmpty
        }
    }

    /// Each wording with its weight (none at full credit) and feedback.
    mutating func short(_ item: Item, _ key: ShortAnswerKey) -> String? {
        if let odd = oddWeight(key.answers) { return leftOut(item, odd) }
        let wordings = Set(keptWordings(key.answers.map(\.value), of: item))
        let kept = key.answers.filter { wordings.contains($0.value) }
        guard kept.contains(where: \.isFullCredit) else {
            return leftOut(item, "has only answers GIFT cannot hold; left out")
        }
        let answers = kept.map { answer("=", weight: weight($0), $0.value, feedback: $0.feedback) }
        return head(item, prompt: item.prompt) + " {" + answers.joined() + generalFeedback(item.explain) + "\n}"
    }

    /// The weight GIFT writes for an answer: none at full credit, else a grade of Moodle's list.
    func weight<Value>(_ answer: WeightedAnswer<Value>) -> String? {
        if answer.isFullCredit { return nil }
        if answer.credit == 0 { return "0" }
        let grade = answer.credit == -100 ? "100" : GIFTWriter.grade(abs(answer.credit)) ?? "0"
        return (answer.credit < 0 ? "-" : "") + grade
    }

    /// Why an answer's credit cannot be written (Moodle's importer takes only grades of its
    /// list), or nil when every one can.
    func oddWeight<Value>(_ answers: [WeightedAnswer<Value>]) -> String? {
        let odd = answers.first { answer in
            !answer.isFullCredit && answer.credit != 0 && abs(answer.credit) != 100
                && GIFTWriter.grade(abs(answer.credit)) == nil
        }
        return odd.map {
            "gives \(GIFTMarkup.format($0.credit))% credit to an answer, a grade Moodle's list lacks; left out"
        }
    }

    mutating func numeric(_ item: Item, _ key: NumericAnswerKey) -> String? {
        if key.percent {
            warn(
                item,
                "the answer is a percentage; Moodle takes the number only, so the learner must type it without '%'")
        }
        if let unit = key.unit {
            warn(item, "the unit '\(unit)' is not exported; Moodle takes the number only")
        }
        if let odd = oddWeight(key.answers) { return leftOut(item, odd) }
        let target = { (target: NumericAnswerKey.Target) -> String in
            switch target {
            case .value(let value, let tolerance):
                GIFTMarkup.format(value) + (tolerance != 0 ? ":" + GIFTMarkup.format(abs(tolerance)) : "")
            case .range(let low, let high):
                GIFTMarkup.format(low) + ".." + GIFTMarkup.format(high)
            }
        }
        if key.answers.count == 1, let only = key.answers.first, only.isFullCredit, key.otherwise == nil {
            let feedback = only.feedback.map { "#" + e($0) } ?? ""
            return head(item, prompt: item.prompt) + " {#" + target(only.value) + feedback
                + generalFeedback(item.explain) + "\n}"
        }
        // Numbers are written as they are: escaping would turn the ':' of a tolerance into text.
        var answers = key.answers.map { answer in
            "\n  =" + (weight(answer).map { "%\($0)%" } ?? "") + target(answer.value)
                + (answer.feedback.map { "#" + e($0) } ?? "")
        }
        if let otherwise = key.otherwise { answers.append("\n  ~#" + e(otherwise)) }
        return head(item, prompt: item.prompt) + " {#" + answers.joined() + generalFeedback(item.explain) + "\n}"
    }

    /// A cloze with one blank is GIFT's missing-word question: the answers stand where the blank
    /// is. Text must follow the blank, or Moodle reads a plain short answer without the gap.
    mutating func missingWord(_ item: Item, _ cloze: Cloze) -> String? {
        let blanks = cloze.blanks
        guard blanks.count == 1,
            let index = cloze.segments.firstIndex(where: { if case .blank = $0 { true } else { false } })
        else {
            return leftOut(item, "has \(blanks.count) blanks, and a GIFT question holds one; left out")
        }
        let text = { (segments: ArraySlice<Cloze.Segment>) -> String in
            segments.map { if case .text(let text) = $0 { text } else { "" } }.joined()
        }
        let before = text(cloze.segments[..<index])
        let after = text(cloze.segments[(index + 1)...])
        guard !after.trimmingWhitespace.isEmpty else {
            return leftOut(item, "ends with its blank, which Moodle reads as a short answer without the gap; left out")
        }
        let kept = keptWordings(blanks[0], of: item)
        guard !kept.isEmpty else { return leftOut(item, "has only answers GIFT cannot hold; left out") }
        let answers = kept.map { answer("=", weight: nil, $0, feedback: nil) }
        let tags = item.tags.map { "[tag:\(oneTag($0))]" }.joined(separator: " ")
        return "// [id:\(item.id)]" + (tags.isEmpty ? "" : " " + tags) + "\n::\(item.id)::" + e(before) + " {"
            + answers.joined() + generalFeedback(item.explain) + "\n} " + e(after)
    }
}
