import Foundation

/// The lines shown after an answer: how it went, what was wrong, the key, the reason,
/// and where in the source the reason lives.
package enum FeedbackRenderer {
    /// The one-line verdict with the score: `Right: 100%.`, `Partly right: 67% (after 1 hint).`,
    /// `Wrong: 0%.`, `Skipped.`
    static func verdict(_ evaluation: Evaluation, hintsUsed: Int) -> StyledLine {
        if evaluation.skipped { return StyledLine("Skipped.", .bad) }
        let afterHints = hintsUsed == 0 ? "" : hintsUsed == 1 ? " (after 1 hint)" : " (after \(hintsUsed) hints)"
        let score = evaluation.grade.percentText
        switch evaluation.grade.outcome {
        case .right: return StyledLine("Right: \(score)\(afterHints).", .good)
        case .partial: return StyledLine("Partly right: \(score)\(afterHints).", .partial)
        case .wrong: return StyledLine("Wrong: \(score)\(afterHints).", .bad)
        }
    }

    /// What the learner got wrong, part by part, with the misconception behind a wrong option;
    /// for a short or numeric answer, what the key says to the answer given, right or not.
    package static func mistakes(_ evaluation: Evaluation, item: Item, layout: ItemLayout) -> [StyledLine] {
        switch (evaluation.detail, item.body) {
        case (.options(let chosen), .choice(let options)), (.options(let chosen), .multi(let options)):
            return chosen.filter { !options[$0].isCorrect }.map { index in
                let label =
                    "\(OptionLabel.letter(layout.displayPosition(of: index)))) \(OptionLabel.clause(options[index].text))"
                return StyledLine(options[index].feedback.map { "\(label): \($0)" } ?? "\(label) is not right.", .bad)
            }
        case (.cloze(let result), .cloze(let cloze)):
            return result.blanksRight.indices.filter { !result.blanksRight[$0] }.map { index in
                StyledLine(
                    "[\(index + 1)] you wrote \"\(result.answers[index])\"; answer: \(cloze.blanks[index].first ?? "")",
                    .bad)
            }
        case (.match(let given), .match(let pairs)):
            return pairs.indices.filter { given[$0] != $0 }.map { index in
                let right = OptionLabel.letter(layout.displayPosition(of: index))
                let chosen = given[index].map { OptionLabel.letter(layout.displayPosition(of: $0)) } ?? "?"
                return StyledLine("\(index + 1) goes with \(right), not \(chosen).", .bad)
            }
        case (.roles(let given), .roles(let sentences)):
            return zip(given, sentences).enumerated().filter { $0.element.0 != $0.element.1.role }.map { entry in
                StyledLine(
                    "\(entry.offset + 1) is \(article(entry.element.1.role)), not \(article(entry.element.0)).", .bad)
            }
        case (.feedback(let text), _):
            let style: StyledLine.Style =
                switch evaluation.grade.outcome {
                case .right: .good
                case .partial: .partial
                case .wrong: .bad
                }
            return [StyledLine(text, style)]
        default:
            return []
        }
    }

    /// `¶4: summary` for each cited paragraph; `full` replaces summaries where given.
    static func sourceLines(_ paragraphs: [Int], deck: Deck, full: [Int: String] = [:]) -> [StyledLine] {
        paragraphs.map { number in
            let text = full[number] ?? deck.source?.passage(number)?.summary ?? "(not in this deck's source)"
            return StyledLine("¶\(number): \(text)", .source)
        }
    }

    private static func article(_ role: ArgumentRole) -> String {
        switch role {
        case .objection, .assumption: "an \(role.name)"
        case .besideThePoint: "beside the point"
        default: "a \(role.name)"
        }
    }
}
