/// A question's reveal, as one student receives it: the right answer, why, how the class
/// split, and how this student did.
package struct Reveal: Sendable, Equatable, Codable {
    /// How one student did on the question revealed.
    package struct Result: Sendable, Equatable, Codable {
        package var answered: Bool
        /// What the student gave, as recorded (`b (The platform)`).
        package var answer: String?
        /// `right`, `partial` or `wrong`; nil when not answered or not graded (open).
        package var outcome: String?
        /// The grader's score as a whole percentage.
        package var percent: Int?
        /// Points this question earned.
        package var points: Int
        /// What was wrong, part by part, with the misconception behind a wrong option.
        package var mistakes: [String]
    }

    package var question: Int
    package var count: Int
    package var itemType: String
    /// The right answer as a student would type or read it; an open question's model answer.
    package var answer: String?
    package var explanation: String?
    package var histogram: Histogram
    package var you: Result
    /// Points so far, and this student's place on the board.
    package var points: Int
    package var rank: Int
    package var students: Int
}
