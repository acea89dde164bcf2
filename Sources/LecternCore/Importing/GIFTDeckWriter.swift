/// Writes imported GIFT questions as a deck in our YAML format. Every string is written
/// double-quoted (JSON escapes are YAML escapes), so no question text can change the
/// document's structure; the result is meant to pass `lectern lint --strict` as written.
package enum GIFTDeckWriter {
    package struct Header: Sendable {
        package var id: String
        package var title: String
        /// Shown as the deck's `source.title`: where the questions came from.
        package var sourceTitle: String
        /// The GIFT file, for findings about what could not be written.
        package var path: String

        package init(id: String, title: String, sourceTitle: String, path: String) {
            self.id = id
            self.title = title
            self.sourceTitle = sourceTitle
            self.path = path
        }
    }

    /// The deck text and the warnings about what became something else or was left out.
    package static func deck(_ questions: [GIFTQuestion], header: Header) -> (text: String, diagnostics: [Diagnostic]) {
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
    package static func kebab(_ text: String) -> String {
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
        if question.kind == .description {
            // Shown above the questions after it; it asks nothing, so it has no key, skill or source.
            return ["  - id: \(id)", "    type: description"]
                + (tags.isEmpty ? [] : ["    tags: [" + tags.map(q).joined(separator: ", ") + "]"])
                + ["    prompt: \(q(question.prompt.trimmingWhitespace))"]
        }
        var explain: [String] = question.generalFeedback.map { [$0] } ?? []
        guard let body = body(of: question, explain: &explain) else { return [] }
        var lines = ["  - id: \(id)", "    type: \(body.type)", "    skill: recall", "    source: [1]"]
        if !tags.isEmpty { lines.append("    tags: [" + tags.map(q).joined(separator: ", ") + "]") }
        lines.append("    prompt: \(q(body.prompt.trimmingWhitespace))")
        lines += body.lines
        lines.append("    explain: \(q(explain.joined(separator: " ")))")
        return lines
    }

    /// The item type, its prompt and the lines of its key; adds to `explain` what the
    /// question's feedback says (or a plain statement of the answer). Nil when nothing of the
    /// key could be kept.
    private mutating func body(of question: GIFTQuestion, explain: inout [String])
        -> (type: String, prompt: String, lines: [String])?
    {
        let blank = question.textAfter.map { _ in " _____ " } ?? ""
        let promptWithBlank = question.prompt + blank + (question.textAfter ?? "")
        switch question.kind {
        case .choice(let options):
            return ("choice", promptWithBlank, choiceLines(options, multi: false, explain: &explain))
        case .multi(let options):
            return ("multi", promptWithBlank, choiceLines(options, multi: true, explain: &explain))
        case .trueFalse(let answer, let wrongFeedback, let rightFeedback):
            if let rightFeedback { explain.append(rightFeedback) }
            if let wrongFeedback { explain.append("If you answered \(!answer): \(wrongFeedback)") }
            if explain.isEmpty { explain.append("The statement is \(answer).") }
            return ("truefalse", promptWithBlank, ["    answer: \(answer)"])
        case .short(let accepted):
            return shortBody(accepted, question: question, explain: &explain)
        case .match(let pairs):
            if explain.isEmpty {
                explain.append(pairs.map { "\($0.left) → \($0.right)" }.joined(separator: "; ") + ".")
            }
            return (
                "match", promptWithBlank,
                ["    pairs:"] + pairs.flatMap { ["      - left: \(q($0.left))", "        right: \(q($0.right))"] }
            )
        case .numeric(let answers, let otherwise):
            return ("numeric", promptWithBlank, numericLines(answers, otherwise: otherwise, explain: &explain))
        case .essay:
            return ("open", question.prompt, essayLines(question, explain: &explain))
        case .description:
            return nil  // written by `item`
        }
    }

    /// Options of a choice or multi item; a wrong option without feedback names the right ones.
    private func choiceLines(_ options: [GIFTQuestion.Option], multi: Bool, explain: inout [String]) -> [String] {
        let rights = options.filter(\.correct).map { "'\($0.text)'" }.joined(separator: ", ")
        let right = multi ? "The right answers are \(rights)." : "The right answer is \(rights)."
        var lines = ["    options:"]
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
        return lines
    }

    /// A short answer, each wording with its credit and feedback; or a cloze when the question
    /// has text after the blank, whose blank holds only wordings at full credit.
    private mutating func shortBody(
        _ accepted: [WeightedAnswer<String>], question: GIFTQuestion, explain: inout [String]
    ) -> (type: String, prompt: String, lines: [String])? {
        var kept = accepted.filter { literal($0.value, question: question) }
        if let after = question.textAfter {
            for answer in kept where !answer.isFullCredit {
                diagnostics.append(
                    .warning(
                        "gift-not-kept", at: question.location,
                        "the answer '\(answer.value)' with weight \(number(answer.credit))% cannot be kept: a blank accepts wordings at full credit only; left out"
                    ))
            }
            kept = kept.filter(\.isFullCredit)
            guard !kept.isEmpty else { return nil }
            explain += kept.compactMap { answer in answer.feedback.map { "\(answer.value): \($0)" } }
            if explain.isEmpty { explain.append("Accepted: " + kept.map(\.value).joined(separator: "; ") + ".") }
            return ("cloze", question.prompt + " {{" + kept.map(\.value).joined(separator: "|") + "}} " + after, [])
        }
        guard kept.contains(where: \.isFullCredit) else {
            diagnostics.append(
                .warning(
                    "gift-not-kept", at: question.location,
                    "no answer with full credit is left, so the question cannot be graded here; question left out"))
            return nil
        }
        let full = kept.filter(\.isFullCredit).map(\.value)
        if explain.isEmpty { explain.append("Accepted: " + full.joined(separator: "; ") + ".") }
        guard kept.contains(where: \.isWeighted) else {
            return (
                "short", question.prompt, ["    accept: [" + kept.map { q($0.value) }.joined(separator: ", ") + "]"]
            )
        }
        var lines = ["    accept:"]
        for answer in kept {
            guard answer.isWeighted else {
                lines.append("      - \(q(answer.value))")
                continue
            }
            lines.append("      - text: \(q(answer.value))")
            if !answer.isFullCredit { lines.append("        credit: \(number(answer.credit))") }
            if let feedback = answer.feedback { lines.append("        feedback: \(q(feedback))") }
        }
        return ("short", question.prompt, lines)
    }

    /// One answer in the single form (`answer`/`tolerance` or `range`, its feedback in
    /// `explain`); several, or any weight or `otherwise`, as `answers`.
    private func numericLines(
        _ answers: [WeightedAnswer<NumericAnswerKey.Target>], otherwise: String?, explain: inout [String]
    ) -> [String] {
        let shown = answers.first(where: \.isFullCredit) ?? answers[0]
        let single = answers.count == 1 && shown.isFullCredit && otherwise == nil
        if single, let feedback = shown.feedback { explain.append(feedback) }
        if explain.isEmpty {
            switch shown.value {
            case .value(let value, let tolerance):
                explain.append("The answer is \(number(value))" + (tolerance > 0 ? " (± \(number(tolerance)))." : "."))
            case .range(let low, let high):
                explain.append("Any number from \(number(low)) to \(number(high)).")
            }
        }
        if single { return targetLines(shown.value, indent: "    ") }
        var lines = ["    answers:"]
        for answer in answers {
            var entry = targetLines(answer.value, indent: "        ")
            entry[0] = "      - " + entry[0].dropFirst(8)
            if !answer.isFullCredit { entry.append("        credit: \(number(answer.credit))") }
            if let feedback = answer.feedback { entry.append("        feedback: \(q(feedback))") }
            lines += entry
        }
        if let otherwise { lines.append("    otherwise: \(q(otherwise))") }
        return lines
    }

    private func targetLines(_ target: NumericAnswerKey.Target, indent: String) -> [String] {
        switch target {
        case .value(let value, let tolerance):
            return ["\(indent)answer: \(number(value))"]
                + (tolerance > 0 ? ["\(indent)tolerance: \(number(tolerance))"] : [])
        case .range(let low, let high):
            return ["\(indent)range: [\(number(low)), \(number(high))]"]
        }
    }

    /// An open item: the general feedback is the model answer (a placeholder, with a warning,
    /// when there is none).
    private mutating func essayLines(_ question: GIFTQuestion, explain: inout [String]) -> [String] {
        let model = question.generalFeedback
        if model == nil {
            diagnostics.append(
                .warning(
                    "gift-essay-no-model", at: question.location,
                    "the essay has no general feedback ('####…') to serve as a model answer; the item '\(question.title ?? question.prompt)' gets a placeholder model and rubric point: write real ones"
                ))
        }
        explain = ["Compare your answer with the model answer and tick the rubric points you covered."]
        return [
            "    model: \(q(model ?? "No model answer came with this imported question."))", "    rubric:",
            "      - \(q("Answers the question that was asked."))",
        ]
    }
}
