import LecternCore

/// Hands a session's answers to the store for one learner, each committed before the
/// next question appears.
public final class LearnerSink: ResultsSink, Sendable {
    public let store: ProgressStore
    public let learner: Learner

    public init(store: ProgressStore, learner: Learner) {
        self.store = store
        self.learner = learner
    }

    public func record(_ answer: AnswerRecord) throws {
        try store.record(answer, for: learner)
    }
}
