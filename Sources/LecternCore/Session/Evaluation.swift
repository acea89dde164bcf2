import Foundation

/// A graded answer to the question on screen, with what feedback needs to explain it.
package struct Evaluation: Sendable {
    /// What the parser understood, in deck positions, for feedback that names mistakes.
    package enum Detail: Sendable {
        case none
        case options([Int])
        case cloze(ClozeGrader.Result)
        case order([Int])
        case match([Int: Int])
        case roles([ArgumentRole])
        case ticks(Set<Int>)
        /// What the key says to the answer given (a short or numeric answer's feedback).
        case feedback(String)
    }

    package var grade: Grade
    /// What the learner typed, trimmed; for open items, the lines of the answer.
    package var answer: String
    package var detail: Detail = .none
    package var skipped = false

    static func skip() -> Evaluation {
        Evaluation(grade: .wrong, answer: "", skipped: true)
    }

    /// The answer as the record keeps it: what was typed and, for choices, the options it
    /// named (`b (The platform)`), since letters mean nothing once options are shuffled.
    package func recorded(for item: Item) -> String {
        let options = item.options
        let chosen = chosenOptions.filter { options.indices.contains($0) }
        guard !chosen.isEmpty else { return answer }
        return answer + " (" + chosen.map { OptionLabel.clause(options[$0].text) }.joined(separator: "; ") + ")"
    }

    /// The options the learner chose, in deck positions (choice and multi).
    package var chosenOptions: [Int] {
        if case .options(let chosen) = detail { return chosen }
        return []
    }
}

extension Evaluation {
    /// A short or numeric answer graded against weighted answers, with the matched one's feedback.
    init(_ weighted: WeightedGrade, answer: String) {
        self.init(grade: weighted.grade, answer: answer, detail: weighted.feedback.map { .feedback($0) } ?? .none)
    }
}
