/// A question's reveal, as one student receives it: the right answer, why, how the class
/// split, and how this student did.
public struct Reveal: Sendable, Equatable, Codable {
    /// How one student did on the question revealed.
    public struct Result: Sendable, Equatable, Codable {
        public var answered: Bool
        /// What the student gave, as recorded (`b (The platform)`).
        public var answer: String?
        /// `right`, `partial` or `wrong`; nil when not answered or not graded (open).
        public var outcome: String?
        /// The grader's score as a whole percentage.
        public var percent: Int?
        /// Points this question earned.
        public var points: Int
        /// What was wrong, part by part, with the misconception behind a wrong option.
        public var mistakes: [String]
    }

    public var question: Int
    public var count: Int
    public var itemType: String
    /// The right answer as a student would type or read it; an open question's model answer.
    public var answer: String?
    public var explanation: String?
    public var histogram: Histogram
    public var you: Result
    /// Points so far, and this student's place on the board.
    public var points: Int
    public var rank: Int
    public var students: Int
}
