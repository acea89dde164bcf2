import Foundation

/// One line of the `learners` listing: who has used this file and how much.
public struct LearnerActivity: Sendable, Equatable {
    public var name: String
    /// Answers in every mode.
    public var answers: Int
    /// When the latest answer was given; `nil` for a learner with no answers yet.
    public var lastActivity: Date?

    public init(name: String, answers: Int, lastActivity: Date?) {
        self.name = name
        self.answers = answers
        self.lastActivity = lastActivity
    }
}
