import Foundation

/// One line of the `learners` listing: who has used this file and how much.
package struct LearnerActivity: Sendable, Equatable {
    package var name: String
    /// Answers in every mode.
    package var answers: Int
    /// When the latest answer was given; `nil` for a learner with no answers yet.
    package var lastActivity: Date?

    package init(name: String, answers: Int, lastActivity: Date?) {
        self.name = name
        self.answers = answers
        self.lastActivity = lastActivity
    }
}
