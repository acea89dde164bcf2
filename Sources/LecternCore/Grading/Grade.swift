/// The result of grading one answer: a score and what it means for the learner.
///
/// Scores are shares in 0…1 so that partial credit (a multi pick, a cloze blank, a pair
/// of a match) adds up the same way for every item type.
package struct Grade: Sendable, Equatable {
    /// How an answer went, as the learner is told.
    package enum Outcome: String, Sendable, Equatable, Codable {
        case right, partial, wrong
    }

    /// 0…1, clamped on creation.
    package let score: Double

    package init(score: Double) {
        self.score = min(1, max(0, score.isNaN ? 0 : score))
    }

    /// Right only at a full score, wrong only at zero: anything between earned some credit.
    package var outcome: Outcome {
        if score >= 1 { return .right }
        if score <= 0 { return .wrong }
        return .partial
    }

    package static let right = Grade(score: 1)
    package static let wrong = Grade(score: 0)

    /// The share of `count` parts that were right; a key with no parts grades as wrong.
    package static func share(_ right: Int, of count: Int) -> Grade {
        count > 0 ? Grade(score: Double(right) / Double(count)) : .wrong
    }

    /// The score as a whole percentage, as shown to the learner: `67%`.
    package var percentText: String {
        "\(Int((score * 100).rounded()))%"
    }
}

/// Why an answer could not be graded: shown on one line, and the question is asked again.
package struct MalformedAnswer: Error, Sendable, Equatable {
    package let message: String

    package init(_ message: String) {
        self.message = message
    }
}
