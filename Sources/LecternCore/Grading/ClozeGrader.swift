import Foundation

/// Grades the blanks of a cloze, each like a short answer; the score is the share right.
///
/// The learner answers every blank on one line. When the line holds `;` or `|`, those
/// separate the answers (so an answer may contain a comma); otherwise commas do. A cloze
/// with one blank takes the whole line as its answer.
package enum ClozeGrader {
    package struct Result: Sendable, Equatable {
        /// What the learner gave for each blank, trimmed.
        package var answers: [String]
        /// Whether each blank was right.
        package var blanksRight: [Bool]
        package var grade: Grade
    }

    package static func grade(_ line: String, cloze: Cloze) -> Swift.Result<Result, MalformedAnswer> {
        let blanks = cloze.blanks
        let answers = split(line, blankCount: blanks.count)
        guard answers.count == blanks.count, !answers.contains(where: \.isEmpty) else {
            let message =
                blanks.count == 1
                ? "Type the missing word, or :skip."
                : "Give \(blanks.count) answers separated by \";\", one per blank."
            return .failure(MalformedAnswer(message))
        }
        let right = zip(answers, blanks).map { answer, variants in
            ShortAnswerGrader.matches(answer, accept: variants, exact: cloze.exact)
        }
        return .success(
            Result(answers: answers, blanksRight: right, grade: .share(right.filter { $0 }.count, of: blanks.count)))
    }

    /// The answers on the line, one per blank (see the type's comment for the separators).
    static func split(_ line: String, blankCount: Int) -> [String] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if blankCount <= 1 { return [trimmed] }
        let folded = trimmed.precomposedStringWithCompatibilityMapping
        let strong: Set<Character> = [";", "|", "；"]
        let separators: Set<Character> = folded.contains(where: strong.contains) ? strong : [",", "，", "、"]
        return folded.split(omittingEmptySubsequences: false, whereSeparator: separators.contains)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
