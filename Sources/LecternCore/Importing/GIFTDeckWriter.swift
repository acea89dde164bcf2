/// Writes imported GIFT questions as a deck in our YAML format. Every string is written
/// double-quoted (JSON escapes are YAML escapes), so no question text can change the
/// document's structure; the result is meant to pass `lectern lint --strict` as written.
public enum GIFTDeckWriter {
    public struct Header: Sendable {
        public var id: String
        public var title: String
        /// Shown as the deck's `source.title`: where the questions came from.
        public var sourceTitle: String
        /// The GIFT file, for findings about what could not be written.
        public var path: String

        public init(id: String, title: String, sourceTitle: String, path: String) {
            self.id = id
            self.title = title
            self.sourceTitle = sourceTitle
            self.path = path
        }
    }

    /// The deck text and the warnings about what became something else or was left out.
    public static func deck(_ questions: [GIFTQuestion], header: Header) -> (text: String, diagnostics: [Diagnostic]) {
        var writer = Writing()
        var lines = [
            "# yaml-language-server: $schema=schema/deck.schema.json",
            "# Imported from GIFT by `lectern import`; check it with `lectern lint`.",
            "lectern: 1",
            "id: \(header.id)",
            "title: \(q(header.title))",
            "language: en",
            "source:",
            "  title: \(q(header.sourceTitle))",
            // Items must cite a paragraph, and GIFT names none: one passage stands for the
            // whole bank until the author summarises the real text.
            "  passages:",
            "    1: \(q("The questions of the imported file; replace this with a summary of the text they are about."))",
            "items:",
        ]
        var used = Set<String>()
        for (index, question) in questions.enumerated() {
            let id = itemID(question, number: index + 1, used: &used)
            lines += writer.item(question, id: id)
        }
        return (lines.joined(separator: "\n") + "\n", writer.diagnostics)
    }

    /// `[id:…]`, else the title, in kebab-case; else `q-<n>` (the question's place in the file).
    static func itemID(_ question: GIFTQuestion, number: Int, used: inout Set<String>) -> String {
        let base = [question.id, question.title].compactMap { $0.map(kebab) }.first { !$0.isEmpty } ?? "q-\(number)"
        var id = base
        var suffix = 2
        while !used.insert(id).inserted {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        return id
    }

    /// Lowercase ASCII letters and digits in words joined by single hyphens, at most 60 long.
    public static func kebab(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var result = ""
        for word in words where result.count + word.count + 1 <= 60 {
            result += result.isEmpty ? word : "-" + word
        }
        return result
    }

    static func q(_ text: String) -> String { JSONText.quoted(text) }
}

private struct Writing {
    var diagnostics: [Diagnostic] = []

    func q(_ text: String) -> String { JSONText.quoted(text) }

    func number(_ value: Double) -> String { GIFTMarkup.format(value) }

    /// An accepted wording our decks would read as something else: `/…/` is a regular
    /// expression and `@…` names a concept, so such text cannot be accepted literally.
    mutating func literal(_ text: String, question: GIFTQuestion) -> Bool {
        let special =
            text.hasPrefix("@") || (text.count >= 2 && text.hasPrefix("/") && text.hasSuffix("/"))
            || text.contains("|") || text.contains("{{") || text.contains("}}")
        if special {
            diagnostics.append(
                .warning(
                    "gift-not-kept", at: question.location,
                    "the answer '\(text)' would be read as a pattern, a concept or blank syntax in a deck; left out"))
        } else if text.contains("*") {
            // Moodle reads `*` in a short answer as "any characters"; taken literally it
            // would mark every learner wrong, so the wording is left out instead.
            diagnostics.append(
                .warning(
                    "gift-not-kept", at: question.location,
                    "the answer '\(text)' uses the wildcard '*', which decks do not have; left out (write the wordings, or a /…/ pattern)"
                ))
        }
        return !special && !text.contains("*")
    }

    mutating func item(_ question: GIFTQuestion, id: String) -> [String] {
        var tags = question.tags
        if let category = question.category, !category.isEmpty { tags.append(category) }
        let blank = question.textAfter.map { _ in " _____ " } ?? ""
        let promptWithBlank = question.prompt + blank + (question.textAfter ?? "")
        var lines = ["  - id: \(id)"]
        var explain: [String] = question.generalFeedback.map { [$0] } ?? []
        func head(_ type: String, prompt: String) {
            lines.append("    type: \(type)")
            lines.append("    skill: recall")
            lines.append("    source: [1]")
            if !tags.isEmpty { lines.append("    tags: [" + tags.map(q).joined(separator: ", ") + "]") }
            lines.append("    prompt: \(q(prompt.trimmingWhitespace))")
        }
        switch question.kind {
        case .choice(let options), .multi(let options):
            let isMulti = if case .multi = question.kind { true } else { false }
            head(isMulti ? "multi" : "choice", prompt: promptWithBlank)
            let rights = options.filter(\.correct).map { "'\($0.text)'" }.joined(separator: ", ")
            let right = isMulti ? "The right answers are \(rights)." : "The right answer is \(rights)."
            lines.append("    options:")
            for option in options {
                lines.append("      - text: \(q(option.text))")
                if option.correct {
                    lines.append("        correct: true")
                    if let feedback = option.feedback { explain.append(feedback) }
                } else {
                    lines.append("        feedback: \(q(option.feedback ?? right))")
                    if let credit = option.credit { lines.append("        credit: \(number(credit))") }
                }
            }
            if explain.isEmpty { explain.append(right) }
        case .trueFalse(let answer, let wrongFeedback, let rightFeedback):
            head("truefalse", prompt: promptWithBlank)
            lines.append("    answer: \(answer)")
            if let rightFeedback { explain.append(rightFeedback) }
            if let wrongFeedback { explain.append("If you answered \(!answer): \(wrongFeedback)") }
            if explain.isEmpty { explain.append("The statement is \(answer).") }
        case .short(let accepted):
            let kept = accepted.filter { literal($0.text, question: question) }
            guard !kept.isEmpty else { return [] }
            explain += kept.compactMap { answer in answer.feedback.map { "\(answer.text): \($0)" } }
            if let after = question.textAfter {
                head(
                    "cloze",
                    prompt: question.prompt + " {{" + kept.map(\.text).joined(separator: "|") + "}} " + after)
            } else {
                head("short", prompt: question.prompt)
                lines.append("    accept: [" + kept.map { q($0.text) }.joined(separator: ", ") + "]")
            }
            if explain.isEmpty { explain.append("Accepted: " + kept.map(\.text).joined(separator: "; ") + ".") }
        case .match(let pairs):
            head("match", prompt: promptWithBlank)
            lines.append("    pairs:")
            for pair in pairs {
                lines.append("      - left: \(q(pair.left))")
                lines.append("        right: \(q(pair.right))")
            }
            if explain.isEmpty {
                explain.append(pairs.map { "\($0.left) → \($0.right)" }.joined(separator: "; ") + ".")
            }
        case .numeric(let numeric):
            head("numeric", prompt: promptWithBlank)
            switch numeric {
            case .value(let value, let tolerance, let feedback):
                lines.append("    answer: \(number(value))")
                if tolerance > 0 { lines.append("    tolerance: \(number(tolerance))") }
                if let feedback { explain.append(feedback) }
                if explain.isEmpty {
                    explain.append(
                        "The answer is \(number(value))" + (tolerance > 0 ? " (± \(number(tolerance)))." : "."))
                }
            case .range(let low, let high, let feedback):
                lines.append("    range: [\(number(low)), \(number(high))]")
                if let feedback { explain.append(feedback) }
                if explain.isEmpty { explain.append("Any number from \(number(low)) to \(number(high)).") }
            }
        case .essay:
            head("open", prompt: question.prompt)
            let model = question.generalFeedback
            if model == nil {
                diagnostics.append(
                    .warning(
                        "gift-essay-no-model", at: question.location,
                        "the essay has no general feedback ('####…') to serve as a model answer; the item '\(question.title ?? question.prompt)' gets a placeholder model and rubric point: write real ones"
                    ))
            }
            lines.append("    model: \(q(model ?? "No model answer came with this imported question."))")
            lines.append("    rubric:")
            lines.append("      - \(q("Answers the question that was asked."))")
            explain = ["Compare your answer with the model answer and tick the rubric points you covered."]
        }
        lines.append("    explain: \(q(explain.joined(separator: " ")))")
        return lines
    }
}
