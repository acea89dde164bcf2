/// The result of grading one answer: a score and what it means for the learner.
///
/// Scores are shares in 0…1 so that partial credit (a multi pick, a cloze blank, a pair
/// of a match) adds up the same way for every item type.
public struct Grade: Sendable, Equatable {
    /// How an answer went, as the learner is told.
    public enum Outcome: String, Sendable, Equatable, Codable {
        case right, partial, wrong
    }

    /// 0…1, clamped on creation.
    public let score: Double

    public init(score: Double) {
        self.score = min(1, max(0, score.isNaN ? 0 : score))
    }

    /// Right only at a full score, wrong only at zero: anything between earned some credit.
    public var outcome: Outcome {
        if score >= 1 { return .right }
        if score <= 0 { return .wrong }
        return .partial
    }

    public static let right = Grade(score: 1)
    public static let wrong = Grade(score: 0)

    /// The share of `count` parts that were right; a key with no parts grades as wrong.
    public static func share(_ right: Int, of count: Int) -> Grade {
        count > 0 ? Grade(score: Double(right) / Double(count)) : .wrong
    }

    /// The score as a whole percentage, as shown to the learner: `67%`.
    public var percentText: String {
        "\(Int((score * 100).rounded()))%"
    }
}

/// Why an answer could not be graded: shown on one line, and the question is asked again.
public struct MalformedAnswer: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
