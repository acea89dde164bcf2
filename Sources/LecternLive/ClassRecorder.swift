import Foundation
package import LecternClass
import LecternCore
package import LecternStore

/// Writes a live class's graded answers into the teacher's progress file, with mode
/// `class` and the student's name as learner.
///
/// Writing happens on a queue of its own, so that a slow disk never holds up the class
/// (the next question, the reveal to 500 students). Each answer is handed over the moment
/// it is graded and committed straight away; answers that arrive while a commit runs go
/// together into the next one. `flush()` waits until everything handed over is committed.
package final class ClassRecorder: @unchecked Sendable {
    /// Something that went wrong while writing; the host shows it to the teacher.
    package typealias Failure = @Sendable (String) -> Void

    private let store: any ProgressStorage
    private let queue = DispatchQueue(label: "lectern.live.recorder")
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var pending: [LiveAnswerRecord] = []
    private var learners: [String: Learner] = [:]
    private var writtenCount = 0
    private let failure: Failure

    package init(store: any ProgressStorage, failure: @escaping Failure = { _ in }) {
        self.store = store
        self.failure = failure
    }

    /// Answers committed so far.
    package var written: Int {
        lock.withLock { writtenCount }
    }

    /// Hands one graded answer over; it is committed as soon as the queue gets to it.
    package func record(_ record: LiveAnswerRecord) {
        let first = lock.withLock {
            pending.append(record)
            return pending.count == 1
        }
        // One drain per batch: later answers join the batch already waiting.
        if first { queue.async { self.drain() } }
    }

    /// Waits until every answer handed over so far is committed (or has failed).
    package func flush() {
        queue.sync {}
    }

    private func drain() {
        let batch = lock.withLock {
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            return batch
        }
        guard !batch.isEmpty else { return }
        do {
            let rows = try batch.map { (answer: Self.answerRecord($0), learner: try learner(named: $0.learner)) }
            try store.record(batch: rows)
            lock.withLock { writtenCount += rows.count }
        } catch {
            failure("could not store \(batch.count) answer(s) in the progress file: \(error)")
        }
    }

    private func learner(named name: String) throws -> Learner {
        if let known = lock.withLock({ learners[name] }) { return known }
        let learner = try store.learner(named: name)
        lock.withLock { learners[name] = learner }
        return learner
    }

    /// The store's form of a class answer. The class's points are not a column of the
    /// store: they follow from the score and the time taken (see the scoring rules).
    /// An open answer, which the class does not grade, is kept with score 0 and its text.
    /// A walkthrough step is kept under the walkthrough's id as `step-id: answer`, the way
    /// `study` writes walkthrough answers.
    static func answerRecord(_ record: LiveAnswerRecord) -> AnswerRecord {
        let grade = Grade(score: record.score ?? 0)
        var answer = record.answer
        if let step = record.stepID { answer = "\(step): \(answer)" }
        return AnswerRecord(
            deckID: record.deckID, itemID: record.itemID, mode: .class, answeredAt: record.answeredAt,
            answer: answer, score: grade.score,
            rating: RatingRule.rating(for: grade, hintsUsed: 0),
            duration: max(0, record.duration), skipped: record.skipped)
    }
}
