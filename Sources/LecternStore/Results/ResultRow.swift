import Foundation
import LecternCore

/// One answer as a teacher sees it in `results`: who, what, when, how well.
package struct ResultRow: Sendable, Equatable {
    package var learner: String
    package var deck: String
    package var item: String
    package var mode: AnswerRecord.Mode
    package var answeredAt: Date
    /// 0…1, partial credit included.
    package var score: Double
    package var rating: Rating
    package var hints: Int
    package var confidence: Int?
    /// Seconds spent on the question.
    package var duration: TimeInterval
    package var skipped: Bool
    package var answer: String

    package init(
        learner: String, deck: String, item: String, mode: AnswerRecord.Mode, answeredAt: Date,
        score: Double, rating: Rating, hints: Int, confidence: Int?, duration: TimeInterval,
        skipped: Bool, answer: String
    ) {
        self.learner = learner
        self.deck = deck
        self.item = item
        self.mode = mode
        self.answeredAt = answeredAt
        self.score = score
        self.rating = rating
        self.hints = hints
        self.confidence = confidence
        self.duration = duration
        self.skipped = skipped
        self.answer = answer
    }
}
