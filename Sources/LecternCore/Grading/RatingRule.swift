/// Turns a grade into the FSRS rating the scheduler learns from.
///
/// The rule, in order:
/// 1. A wrong answer (score 0) is `again`, whatever else happened.
/// 2. A right answer (score 1) starts at `good`; a partial answer starts at `hard`.
/// 3. Each hint used lowers that one step: good → hard → again, never below `again`.
///    So right after one hint is `hard`, right after two is `again`, and partial after
///    one hint is `again`: leaning on the ladder means the item is not yet known.
/// 4. The learner may then override with `:easy` (only for a right answer) or `:hard`
///    (for a right or partial answer); the override replaces the computed rating.
package enum RatingRule {
    /// The rating before any override.
    package static func rating(for grade: Grade, hintsUsed: Int) -> Rating {
        let base: Rating
        switch grade.outcome {
        case .wrong: return .again
        case .right: base = .good
        case .partial: base = .hard
        }
        let lowered = base.rawValue - max(0, hintsUsed)
        return Rating(rawValue: max(Rating.again.rawValue, lowered)) ?? .again
    }

    /// Whether the learner may override the rating of `grade` with `override`, and why not.
    package static func overrideRefusal(_ override: Rating, for grade: Grade) -> String? {
        switch (override, grade.outcome) {
        case (.easy, .right), (.hard, .right), (.hard, .partial): nil
        case (.easy, _): ":easy is for answers you got right."
        default: "A wrong answer is rated again; :hard is for answers that were right or partly right."
        }
    }

    /// The final rating: the override when one was allowed, else the computed rating.
    package static func rating(for grade: Grade, hintsUsed: Int, override: Rating?) -> Rating {
        if let override, overrideRefusal(override, for: grade) == nil { return override }
        return rating(for: grade, hintsUsed: hintsUsed)
    }
}
