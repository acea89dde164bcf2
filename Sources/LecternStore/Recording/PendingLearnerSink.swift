import Foundation
package import LecternCore

/// A sink that creates its learner (and the progress file, when missing) only when the first
/// answer arrives, so opening a session and leaving without answering writes nothing.
package final class PendingLearnerSink: ResultsSink, @unchecked Sendable {
    package let store: any ProgressStorage
    /// The learner's name, already checked by ``LearnerName``.
    package let learnerName: String
    private var learner: Learner?
    private let lock = NSLock()

    /// Checks the name now, so a bad one is refused before the session starts.
    package init(store: any ProgressStorage, learnerName: String) throws {
        self.store = store
        self.learnerName = try LearnerName.validated(learnerName)
    }

    package func record(_ answer: AnswerRecord) throws {
        try store.record(answer, for: resolvedLearner())
    }

    private func resolvedLearner() throws -> Learner {
        lock.lock()
        defer { lock.unlock() }
        if let learner { return learner }
        let created = try store.learner(named: learnerName)
        learner = created
        return created
    }
}
