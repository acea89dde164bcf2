import Foundation

/// What `stats` shows one learner, computed from the log, the cards and the current decks.
///
/// "Right" means rated good or easy: correct, without hints and with full credit. A hard
/// rating (a hint, or partial credit) counts as not yet right, so these numbers are a
/// little stricter than FSRS's notion of recall.
package struct Stats: Sendable, Equatable {
    /// Right answers out of some total.
    package struct Share: Sendable, Equatable {
        package var right: Int
        package var total: Int

        package init(right: Int, total: Int) {
            self.right = right
            self.total = total
        }

        /// `nil` when there is nothing to divide.
        package var fraction: Double? { total == 0 ? nil : Double(right) / Double(total) }
    }

    /// Counts over a span of days.
    package struct Period: Sendable, Equatable {
        /// Distinct items answered in any mode during the span.
        package var answered: Int
        /// Items studied for the first time during the span.
        package var started: Int
        /// Studied items (still in their deck) due before the span's end, overdue included.
        package var due: Int

        package init(answered: Int, started: Int, due: Int) {
            self.answered = answered
            self.started = started
            self.due = due
        }
    }

    /// Share right for one skill or tag.
    package struct Mastery: Sendable, Equatable {
        package var name: String
        package var share: Share

        package init(name: String, share: Share) {
            self.name = name
            self.share = share
        }
    }

    package var learner: String
    /// The deck the numbers are limited to, or `nil` for every deck.
    package var deckID: String?
    /// Items in the current deck model.
    package var items: Int
    /// Of those, studied at least once.
    package var seen: Int
    /// Answers in every mode.
    package var answers: Int
    /// Today, from local midnight.
    package var today: Period
    /// The last seven days including today for answered and started; due within seven days.
    package var week: Period
    /// Study and review answers to items already studied before.
    package var retention: Share
    /// Per skill, in the order skills are declared; only skills with answers.
    package var skills: [Mastery]
    /// Per item tag, by name; only tags with answers.
    package var tags: [Mastery]
    /// Index 0 is confidence 1 … index 3 is confidence 4.
    package var calibration: [Share]
    /// Consecutive days with an answer, ending today (or yesterday, when today has none yet).
    package var streak: Int
    /// Answers per day, oldest first; the last entry is today.
    package var activity: [Int]

    package var unseen: Int { items - seen }

    package init(
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
