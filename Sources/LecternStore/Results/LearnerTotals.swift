import Foundation

/// One line of the results summary: how much a learner answered and how well.
public struct LearnerTotals: Sendable, Equatable {
    public var learner: String
    public var answers: Int
    /// Mean of the scores; `nil` when there are no answers.
    public var meanScore: Double?
    /// Seconds spent answering, summed.
    public var totalTime: TimeInterval

    public init(learner: String, answers: Int, meanScore: Double?, totalTime: TimeInterval) {
        self.learner = learner
        self.answers = answers
        self.meanScore = meanScore
        self.totalTime = totalTime
    }
}
