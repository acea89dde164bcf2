import FoundationEssentials
import Foundation
/// The answer key of one table row, per item type, checked where it was written.
extension TableReading {
    mutating func body(_ kind: ItemKind, _ cells: inout RowCells) -> [String]? {
        let q = JSONText.quoted
        let optionsCell = cells["options"]
        let answerCell = cells["answer"]
        let options = QuestionTable.entries(optionsCell.text)
        let answers = QuestionTable.entries(answerCell.text).filter { !$0.isEmpty }
        switch kind {
        case .choice, .multi:
            return choice(kind, options: options, answers: answers, cells: &cells)
        case .truefalse:
            switch answerCell.text.lowercased() {
            case "true", "t", "yes": return ["    answer: true"]
            case "false", "f", "no": return ["    answer: false"]
            default:
                fail(answerCell, "a truefalse answer is true or false, not '\(answerCell.text)'")
                return nil
            }
        case .short:
            guard !answers.isEmpty else {
                fail(answerCell, "a short item needs its accepted answers in 'answer', separated by |")
                return nil
            }
            return ["    accept: [" + answers.map(q).joined(separator: ", ") + "]"]
        case .numeric:
            return numeric(answerCell, unit: cells["unit"])
        case .cloze, .description:
            return []
        case .match:
            var lines = ["    pairs:"]
            for entry in options {
                let sides = entry.components(separatedBy: "->")
                guard sides.count == 2, !sides[0].trimmingWhitespace.isEmpty, !sides[1].trimmingWhitespace.isEmpty
                else {
                    fail(
                        optionsCell, "a match pair is written 'left -> right' (pairs separated by |); '\(entry)' is not"
                    )
                    return nil
                }
                lines.append("      - left: \(q(sides[0].trimmingWhitespace))")
                lines.append("        right: \(q(sides[1].trimmingWhitespace))")
            }
            return lines
        case .order:
            guard options.count >= 2 else {
                fail(optionsCell, "an order item needs its entries in 'options', in the right order, separated by |")
                return nil
            }
            return ["    sequence:"] + options.map { "      - \(q($0))" }
        case .open:
            guard !answerCell.text.isEmpty, !options.isEmpty else {
                fail(
                    answerCell.text.isEmpty ? answerCell : optionsCell,
                    "an open item needs a model answer in 'answer' and rubric points in 'options', separated by |")
                return nil
            }
            return ["    model: \(q(answerCell.text))", "    rubric:"] + options.map { "      - \(q($0))" }
        case .roles, .walkthrough:
            return nil
        }
    }

    /// Options in `options`; the right one(s) in `answer`, by text or by number (1 is the first).
    mutating func choice(_ kind: ItemKind, options: [String], answers: [String], cells: inout RowCells) -> [String]? {
        let optionsCell = cells["options"]
        let answerCell = cells["answer"]
        let feedbackCell = cells["feedback"]
        guard options.count >= 2, !options.contains(where: \.isEmpty) else {
            fail(optionsCell, "a \(kind.rawValue) item needs at least two options in 'options', separated by |")
            return nil
        }
        var right = Set<Int>()
        for answer in answers {
            if let index = options.firstIndex(of: answer) {
                right.insert(index)
            } else if let number = Int(answer), (1...options.count).contains(number) {
                right.insert(number - 1)
            } else {
                fail(
                    answerCell,
                    "the answer '\(answer)' is not one of the options; copy its text or give its number (1 is the first)"
                )
                return nil
            }
        }
        guard kind == .multi ? !right.isEmpty : right.count == 1 else {
            fail(
                answerCell,
                kind == .multi
                    ? "name the right options in 'answer', separated by |" : "name the one right option in 'answer'")
            return nil
        }
        let feedback = QuestionTable.entries(feedbackCell.text)
        guard feedback.count <= options.count else {
            fail(
                feedbackCell,
                "there are \(feedback.count) feedbacks for \(options.count) options; give one per option, in order (empty for the right ones)"
            )
            return nil
        }
        var lines = ["    options:"]
        for (index, option) in options.enumerated() {
            lines.append("      - text: \(JSONText.quoted(option))")
            if right.contains(index) { lines.append("        correct: true") }
            if index < feedback.count, !feedback[index].isEmpty {
                lines.append("        feedback: \(JSONText.quoted(feedback[index]))")
            }
        }
        return lines
    }

    /// `42`, `42 ± 0.5` (or `42:0.5`, `42 +- 0.5`) or `1..5`; `unit` is a unit, or `%` for a percentage.
    mutating func numeric(_ cell: CSVText.Field, unit: CSVText.Field) -> [String]? {
        var lines: [String] = []
        let text = cell.text
        if let dots = text.range(of: "..") {
            guard let low = GIFTMarkup.number(String(text[..<dots.lowerBound])),
                let high = GIFTMarkup.number(String(text[dots.upperBound...])), low <= high
            else {
                fail(cell, "a range is written low..high with low ≤ high, such as 1..5; '\(text)' is not")
                return nil
            }
            lines.append("    range: [\(GIFTMarkup.format(low)), \(GIFTMarkup.format(high))]")
        } else {
            let parts = text.replacingOccurrences(of: "+-", with: "±").replacingOccurrences(of: ":", with: "±")
                .split(separator: "±", omittingEmptySubsequences: false)
            guard parts.count <= 2, let value = GIFTMarkup.number(String(parts[0])) else {
                fail(cell, "a numeric answer is a number, a number ± tolerance or a range low..high; '\(text)' is not")
                return nil
            }
            lines.append("    answer: \(GIFTMarkup.format(value))")
            if parts.count == 2 {
                guard let tolerance = GIFTMarkup.number(String(parts[1])), tolerance >= 0 else {
                    fail(cell, "the tolerance after ± must be a number of zero or more")
                    return nil
                }
                lines.append("    tolerance: \(GIFTMarkup.format(tolerance))")
            }
        }
        if unit.text == "%" {
            lines.append("    percent: true")
        } else if !unit.text.isEmpty {
            lines.append("    unit: \(JSONText.quoted(unit.text))")
        }
        return lines
    }
}
