import Foundation

/// Where a card stands in the FSRS life cycle.
package enum CardPhase: String, Sendable, Codable, CaseIterable {
    /// New, or still climbing the short learning steps.
    case learning
    /// Graduated: scheduled in whole days by the memory model.
    case review
    /// Forgotten after graduating, going through the short relearning steps.
    case relearning
}

/// Everything the FSRS scheduler needs to know about one card.
///
/// A value type with no identity: the caller keeps it next to whatever
/// identifies the card and replaces it with the result of
/// ``FSRSScheduler/review(_:rating:at:)`` after each review.
package struct CardState: Sendable, Codable, Equatable {
    /// Learning, review or relearning.
    package var phase: CardPhase
    /// Index into the learning steps (phase `learning`) or relearning steps
    /// (phase `relearning`); `nil` in the `review` phase.
    package var step: Int?
    /// Memory stability in days: the interval after which recall probability
    /// has fallen to 90 %. `nil` until the first review.
    package var stability: Double?
    /// Memory difficulty, between 1 and 10. `nil` until the first review.
    package var difficulty: Double?
    /// When the card should next be shown.
    package var due: Date
    /// When the card was last reviewed; `nil` for a card never seen.
    package var lastReview: Date?
    /// Number of reviews so far.
    package var reps: Int
    /// Number of times the card was forgotten (rated again) while in the
    /// review phase.
    package var lapses: Int

    package init(
        phase: CardPhase,
        step: Int?,
        stability: Double?,
        difficulty: Double?,
        due: Date,
        lastReview: Date?,
        reps: Int,
        lapses: Int
    ) {
        self.phase = phase
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }

    /// A card that has never been reviewed: learning phase, first step, due at `now`.
    package static func new(now: Date) -> CardState {
        CardState(
            phase: .learning, step: 0, stability: nil, difficulty: nil,
            due: now, lastReview: nil, reps: 0, lapses: 0)
    }

    /// True until the first review.
    package var isNew: Bool { lastReview == nil }
}
