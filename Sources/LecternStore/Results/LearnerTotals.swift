import Foundation

/// One line of the results summary: how much a learner answered and how well.
package struct LearnerTotals: Sendable, Equatable {
    package var learner: String
    package var answers: Int
    /// Mean of the scores; `nil` when there are no answers.
    package var meanScore: Double?
    /// Seconds spent answering, summed.
    package var totalTime: TimeInterval

    package init(learner: String, answers: Int, meanScore: Double?, totalTime: TimeInterval) {
        self.learner = learner
        self.answers = answers
        self.meanScore = meanScore
        self.totalTime = totalTime
    }
}
