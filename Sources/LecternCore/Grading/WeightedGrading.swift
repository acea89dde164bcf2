import Foundation

/// Grading against answers that each carry a credit and a feedback (`WeightedAnswer`): the
/// best credit among the answers the learner's matches, and that answer's feedback.
package struct WeightedGrade: Sendable, Equatable {
    package var grade: Grade
    /// The matched answer's feedback; for a number that matched nothing, the key's `otherwise`.
    package var feedback: String?

    package init(grade: Grade, feedback: String? = nil) {
        self.grade = grade
        self.feedback = feedback
    }

    /// The best of `answers` by credit (the first written among equals), or a plain wrong
    /// grade with `otherwise` when none matched.
    static func best<Value>(_ answers: [WeightedAnswer<Value>], otherwise: String? = nil) -> WeightedGrade {
        guard
            let best = answers.enumerated().max(by: { a, b in
                a.element.credit < b.element.credit || (a.element.credit == b.element.credit && a.offset > b.offset)
            })?.element
        else { return WeightedGrade(grade: .wrong, feedback: otherwise) }
        return WeightedGrade(grade: best.grade, feedback: best.feedback)
    }
}

extension ShortAnswerGrader {
    /// Grades against a key whose wordings may carry credit and feedback.
    ///
    /// A wording typed as written (or matching its pattern) wins over one matched by typo
    /// tolerance, and that over one found inside a longer answer: so a learner who types a
    /// listed wrong answer exactly gets its feedback, even when it is one typo away from a
    /// right one. Among the wordings matched at the same stage, the best credit counts. A key
    /// of plain wordings grades exactly as `grade(_:accept:exact:)` does.
    package static func grade(_ answer: String, key: ShortAnswerKey) -> Result<WeightedGrade, MalformedAnswer> {
        guard !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(MalformedAnswer("Type an answer, or :skip."))
        }
        let exactly = key.answers.filter { matches(answer, accept: [$0.value], exact: true) }
        if !exactly.isEmpty || key.exact { return .success(WeightedGrade.best(exactly)) }
        let nearly = key.answers.filter { matches(answer, accept: [$0.value], exact: false) }
        if !nearly.isEmpty { return .success(WeightedGrade.best(nearly)) }
        // "trust and reputation": each alternative must be accepted, so the answer earns the
        // highest credit that every one of its parts reaches.
        let plain = key.answers.filter { regexPattern($0.value) == nil }
        for credit in Set(plain.map(\.credit)).sorted(by: >) {
            if PhraseInAnswer.matches(answer, phrases: plain.filter { $0.credit >= credit }.map(\.value)) {
                return .success(WeightedGrade(grade: Grade(score: credit / 100)))
            }
        }
        return .success(WeightedGrade(grade: .wrong))
    }
}
