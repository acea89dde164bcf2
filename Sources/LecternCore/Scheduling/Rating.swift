/// How well a review went, in the four grades of FSRS. The raw values are the ones the
/// published algorithm and its reference implementation use.
public enum Rating: Int, Sendable, Codable, CaseIterable, Comparable {
    case again = 1, hard = 2, good = 3, easy = 4

    public var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }

    public static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }
}
