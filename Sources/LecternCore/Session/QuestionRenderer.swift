import Foundation

/// The lines that pose a question, and the key shown once it is answered.
///
/// Letters always refer to the displayed (shuffled) positions of `layout`.
package enum QuestionRenderer {
    /// The question body: prompt, entries, and a one-line note on how to answer.
    package static func lines(for item: Item, layout: ItemLayout) -> [StyledLine] {
        var lines: [StyledLine] = []
        let prompt: String
        if case .cloze(let cloze) = item.body { prompt = cloze.displayText } else { prompt = item.prompt }
        lines += paragraphLines(prompt, .plain)
        switch item.body {
        case .choice(let options):
            lines += lettered(layout.order.map { options[$0].text })
            lines.append(StyledLine("Answer with a letter or a number.", .dim))
        case .multi(let options):
            lines += lettered(layout.order.map { options[$0].text })
            lines.append(StyledLine("Pick all that apply, e.g. \"a c\".", .dim))
        case .truefalse:
            lines.append(StyledLine("True or false?", .dim))
        case .short:
            lines.append(StyledLine("Type a word or a short phrase.", .dim))
        case .numeric(let key):
            let unit = key.percent ? " (a percentage)" : key.unit.map { " (in \($0))" } ?? ""
            lines.append(StyledLine("Type a number\(unit).", .dim))
        case .cloze(let cloze):
            let count = cloze.blanks.count
            lines.append(
                StyledLine(
                    count == 1 ? "Type the missing word." : "Fill the \(count) blanks on one line, separated by \";\".",
                    .dim))
        case .order(let entries):
            lines += lettered(layout.order.map { entries[$0] })
            let example = OptionLabel.letters(entries.count).reversed().joined(separator: " ")
            lines.append(StyledLine("Put them in order, first to last, e.g. \"\(example)\".", .dim))
        case .match(let pairs):
            lines += numbered(pairs.map(\.left))
            lines += lettered(layout.order.map { pairs[$0].right })
            lines.append(StyledLine("Pair each number with a letter, e.g. \"1b 2a\".", .dim))
        case .roles(let sentences):
            lines += numbered(sentences.map(\.text))
            lines.append(
                StyledLine(
                    "Label each: c conclusion, p premise, a assumption, o objection, x beside the point (e.g. \"1p 2c\").",
                    .dim))
        case .open:
            lines.append(StyledLine("Write your answer; an empty line ends it.", .dim))
        case .walkthrough, .description:
            break
        }
        return lines
    }

    /// The right answer in the form the learner would type or read it; nil where the
    /// model answer or the steps stand in for it (open, walkthrough).
    package static func answerText(for item: Item, layout: ItemLayout) -> String? {
        switch item.body {
        case .choice(let options):
            return options.indices.filter { options[$0].isCorrect }
                .map { "\(OptionLabel.letter(layout.displayPosition(of: $0)))) \(options[$0].text)" }.first
        case .multi(let options):
            return options.indices.filter { options[$0].isCorrect }
                .sorted { layout.displayPosition(of: $0) < layout.displayPosition(of: $1) }
                .map {
                    "\(OptionLabel.letter(layout.displayPosition(of: $0)))) \(OptionLabel.clause(options[$0].text))"
                }
                .joined(separator: "; ")
        case .truefalse(let answer):
            return answer ? "true" : "false"
        case .short(let key):
            return ShortAnswerGrader.displayAnswer(key.accept)
        case .numeric(let key):
            return NumericAnswerGrader.displayAnswer(key)
        case .cloze(let cloze):
            return cloze.blanks.enumerated().map { "[\($0.offset + 1)] \($0.element.first ?? "")" }.joined(
                separator: "; ")
        case .order(let entries):
            return entries.indices.map { OptionLabel.letter(layout.displayPosition(of: $0)) }.joined(separator: " ")
        case .match(let pairs):
            return pairs.indices.map { "\($0 + 1)\(OptionLabel.letter(layout.displayPosition(of: $0)))" }.joined(
                separator: " ")
        case .roles(let sentences):
            return sentences.enumerated().map { "\($0.offset + 1)\($0.element.role.rawValue)" }.joined(separator: " ")
        case .open, .walkthrough, .description:
            return nil
        }
    }

    /// Letters a learner may type for this question, for Tab completion.
    static func completionLetters(for item: Item) -> [String] {
        switch item.body {
        case .choice(let options), .multi(let options): OptionLabel.letters(options.count)
        case .order(let entries): OptionLabel.letters(entries.count)
        case .match(let pairs): OptionLabel.letters(pairs.count)
        case .roles: ArgumentRole.allCases.map(\.rawValue)
        default: []
        }
    }

    /// Multi-line text as one line each, so the shell can wrap them.
    static func paragraphLines(_ text: String, _ style: StyledLine.Style) -> [StyledLine] {
        text.trimmingCharacters(in: .newlines)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { StyledLine(String($0), style) }
    }

    private static func lettered(_ texts: [String]) -> [StyledLine] {
        texts.enumerated().map { StyledLine("  \(OptionLabel.letter($0.offset))) \($0.element)") }
    }

    private static func numbered(_ texts: [String]) -> [StyledLine] {
        texts.enumerated().map { StyledLine("  \($0.offset + 1). \($0.element)") }
    }
}
