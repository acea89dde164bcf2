/// How well the learner recalled a card, on FSRS's four-point scale.
///
/// The raw values are the ones FSRS uses in its formulas (`rating - 3`,
/// `rating - 1`), so they must not change.
package enum Rating: Int, Sendable, Codable, CaseIterable, Comparable {
    /// Forgot the answer.
    case again = 1
    /// Recalled it, with serious difficulty.
    case hard = 2
    /// Recalled it after some hesitation.
    case good = 3
    /// Recalled it effortlessly.
    case easy = 4

    /// Lower-case English name: "again", "hard", "good" or "easy".
    package var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }

    /// Whether the card was recalled at all (hard, good or easy).
    package var isSuccess: Bool { self != .again }

    package static func < (lhs: Rating, rhs: Rating) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
