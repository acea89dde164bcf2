import Foundation

/// One graded answer, as handed to a results sink before the next question appears.
///
/// This is the unit the progress store makes durable and teachers export, so it holds
/// everything needed to reconstruct what happened without the deck at hand.
public struct AnswerRecord: Sendable, Equatable, Codable {
    /// How the answer was given; only `study` and `review` answers move the schedule.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case study, review, drill, exam

        /// Whether an answer in this mode moves the item's review schedule. Drill and exam
        /// answers are logged but leave the schedule alone: cramming for a test, or sitting
        /// one, must not teach the scheduler that an item is known. The one place this rule
        /// is written; the store's SQL is built from it.
        public var movesSchedule: Bool {
            switch self {
            case .study, .review: true
            case .drill, .exam: false
            }
        }

        /// The modes whose answers make up a card's history, in declaration order.
        public static var schedulingModes: [Mode] { allCases.filter(\.movesSchedule) }
    }

    public var deckID: String
    public var itemID: String
    public var mode: Mode
    public var answeredAt: Date
    /// What the learner typed (for walkthroughs, one line per step: `step-id: answer`).
    public var answer: String
    /// 0…1; partial credit counts.
    public var score: Double
    public var rating: Rating
    public var hintsUsed: Int
    /// 1–4 when the item asked for it.
    public var confidence: Int?
    /// Seconds from showing the question to the answer.
    public var duration: TimeInterval
    /// True when the learner skipped or time ran out; then `score` is 0.
    public var skipped: Bool
    /// True when this record only changes the rating of the answer recorded just before
    /// for the same item (`:easy`/`:hard` after the feedback). The answer itself was saved
    /// when it was graded; the log keeps both, and the schedule follows the new rating.
    public var changesRating: Bool

    public init(
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
public protocol ResultsSink: AnyObject {
    func record(_ answer: AnswerRecord) throws
}

/// Keeps answers in memory: for tests, drills without a store, and scripted runs.
public final class CollectingSink: ResultsSink {
    public private(set) var answers: [AnswerRecord] = []
    public init() {}
    public func record(_ answer: AnswerRecord) throws { answers.append(answer) }
}
