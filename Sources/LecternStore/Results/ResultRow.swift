import Foundation
import LecternCore

/// One answer as a teacher sees it in `results`: who, what, when, how well.
public struct ResultRow: Sendable, Equatable {
    public var learner: String
    public var deck: String
    public var item: String
    public var mode: AnswerRecord.Mode
    public var answeredAt: Date
    /// 0…1, partial credit included.
    public var score: Double
    public var rating: Rating
    public var hints: Int
    public var confidence: Int?
    /// Seconds spent on the question.
    public var duration: TimeInterval
    public var skipped: Bool
    public var answer: String

    public init(
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
