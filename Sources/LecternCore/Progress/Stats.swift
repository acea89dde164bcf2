import Foundation

/// What `stats` shows one learner, computed from the log, the cards and the current decks.
///
/// "Right" means rated good or easy: correct, without hints and with full credit. A hard
/// rating (a hint, or partial credit) counts as not yet right, so these numbers are a
/// little stricter than FSRS's notion of recall.
public struct Stats: Sendable, Equatable {
    /// Right answers out of some total.
    public struct Share: Sendable, Equatable {
        public var right: Int
        public var total: Int

        public init(right: Int, total: Int) {
            self.right = right
            self.total = total
        }

        /// `nil` when there is nothing to divide.
        public var fraction: Double? { total == 0 ? nil : Double(right) / Double(total) }
    }

    /// Counts over a span of days.
    public struct Period: Sendable, Equatable {
        /// Distinct items answered in any mode during the span.
        public var answered: Int
        /// Items studied for the first time during the span.
        public var started: Int
        /// Studied items (still in their deck) due before the span's end, overdue included.
        public var due: Int

        public init(answered: Int, started: Int, due: Int) {
            self.answered = answered
            self.started = started
            self.due = due
        }
    }

    /// Share right for one skill or tag.
    public struct Mastery: Sendable, Equatable {
        public var name: String
        public var share: Share

        public init(name: String, share: Share) {
            self.name = name
            self.share = share
        }
    }

    public var learner: String
    /// The deck the numbers are limited to, or `nil` for every deck.
    public var deckID: String?
    /// Items in the current deck model.
    public var items: Int
    /// Of those, studied at least once.
    public var seen: Int
    /// Answers in every mode.
    public var answers: Int
    /// Today, from local midnight.
    public var today: Period
    /// The last seven days including today for answered and started; due within seven days.
    public var week: Period
    /// Study and review answers to items already studied before.
    public var retention: Share
    /// Per skill, in the order skills are declared; only skills with answers.
    public var skills: [Mastery]
    /// Per item tag, by name; only tags with answers.
    public var tags: [Mastery]
    /// Index 0 is confidence 1 … index 3 is confidence 4.
    public var calibration: [Share]
    /// Consecutive days with an answer, ending today (or yesterday, when today has none yet).
    public var streak: Int
    /// Answers per day, oldest first; the last entry is today.
    public var activity: [Int]

    public var unseen: Int { items - seen }

    public init(
        learner: String, deckID: String?, items: Int, seen: Int, answers: Int, today: Period,
        week: Period, retention: Share, skills: [Mastery], tags: [Mastery], calibration: [Share],
        streak: Int, activity: [Int]
    ) {
        self.learner = learner
        self.deckID = deckID
        self.items = items
        self.seen = seen
        self.answers = answers
        self.today = today
        self.week = week
        self.retention = retention
        self.skills = skills
        self.tags = tags
        self.calibration = calibration
        self.streak = streak
        self.activity = activity
    }
}
