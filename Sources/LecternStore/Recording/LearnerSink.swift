package import LecternCore

/// Hands a session's answers to the store for one learner, each committed before the
/// next question appears.
package final class LearnerSink: ResultsSink, Sendable {
    package let store: any ProgressStorage
    package let learner: Learner

    package init(store: any ProgressStorage, learner: Learner) {
        self.store = store
        self.learner = learner
    }

    package func record(_ answer: AnswerRecord) throws {
        try store.record(answer, for: learner)
    }
}
