import Foundation

/// One graded answer, as handed to a results sink before the next question appears.
///
/// This is the unit the progress store makes durable and teachers export, so it holds
/// everything needed to reconstruct what happened without the deck at hand.
package struct AnswerRecord: Sendable, Equatable, Codable {
    /// How the answer was given; only `study` and `review` answers move the schedule.
    /// `class` answers were given in a live class (`lectern host`): a race against a
    /// clock, paced by the teacher, which says little about when to review an item.
    package enum Mode: String, Sendable, Codable, CaseIterable {
        case study, review, drill, exam
        case `class`

        /// Whether an answer in this mode moves the item's review schedule. Drill and exam
        /// answers are logged but leave the schedule alone: cramming for a test, or sitting
        /// one, must not teach the scheduler that an item is known. The one place this rule
        /// is written; the store's SQL is built from it.
        package var movesSchedule: Bool {
            switch self {
            case .study, .review: true
            case .drill, .exam, .class: false
            }
        }

        /// The modes whose answers make up a card's history, in declaration order.
        package static var schedulingModes: [Mode] { allCases.filter(\.movesSchedule) }
    }

    package var deckID: String
    package var itemID: String
    package var mode: Mode
    package var answeredAt: Date
    /// What the learner typed (for walkthroughs, one line per step: `step-id: answer`).
    package var answer: String
    /// 0…1; partial credit counts.
    package var score: Double
    package var rating: Rating
    package var hintsUsed: Int
    /// 1–4 when the item asked for it.
    package var confidence: Int?
    /// Seconds from showing the question to the answer.
    package var duration: TimeInterval
    /// True when the learner skipped or time ran out; then `score` is 0.
    package var skipped: Bool
    /// True when this record only changes the rating of the answer recorded just before
    /// for the same item (`:easy`/`:hard` after the feedback). The answer itself was saved
    /// when it was graded; the log keeps both, and the schedule follows the new rating.
    package var changesRating: Bool

    package init(
        deckID: String, itemID: String, mode: Mode, answeredAt: Date, answer: String,
        score: Double, rating: Rating, hintsUsed: Int = 0, confidence: Int? = nil,
        duration: TimeInterval = 0, skipped: Bool = false, changesRating: Bool = false
    ) {
        self.deckID = deckID
        self.itemID = itemID
        self.mode = mode
        self.answeredAt = answeredAt
        self.answer = answer
        self.score = score
        self.rating = rating
        self.hintsUsed = hintsUsed
        self.confidence = confidence
        self.duration = duration
        self.skipped = skipped
        self.changesRating = changesRating
    }
}

/// Where answers go the moment they are graded. The shell passes the progress store;
/// tests pass a collector. A sink that throws stops the session with the error shown,
/// so no answer is ever silently lost.
package protocol ResultsSink: AnyObject {
    func record(_ answer: AnswerRecord) throws
}

/// Keeps answers in memory: for tests, drills without a store, and scripted runs.
package final class CollectingSink: ResultsSink {
    package private(set) var answers: [AnswerRecord] = []
    package init() {}
    package func record(_ answer: AnswerRecord) throws { answers.append(answer) }
}
