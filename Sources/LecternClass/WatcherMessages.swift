/// The answer to a `watch`: the class a projector page shows. There is no token: a watcher
/// has no seat to get back, and simply watches again after a dropped connection.
package struct Watching: Sendable, Equatable, Codable {
    package var version: Int
    package var deck: String
    /// How many questions the class has.
    package var count: Int
    /// The join code, as the room should type it.
    package var code: String
}

/// How many connected students have answered the open question (`17 of 23 answered`).
package struct AnswerProgress: Sendable, Equatable, Codable {
    package var question: Int
    package var answered: Int
    package var students: Int

    package init(question: Int, answered: Int, students: Int) {
        self.question = question
        self.answered = answered
        self.students = students
    }
}

/// A question's reveal as the whole room sees it: the right answer, why, how the class
/// split and the top of the board, with no student's own answer or result.
package struct Summary: Sendable, Equatable, Codable {
    package var question: Int
    package var count: Int
    package var itemType: String
    /// The right answer as a student would type or read it; an open question's model answer.
    package var answer: String?
    package var explanation: String?
    package var histogram: Histogram
    /// The board's top rows after this reveal.
    package var board: [BoardEntry]
    /// How many students are on the whole board.
    package var students: Int
}
