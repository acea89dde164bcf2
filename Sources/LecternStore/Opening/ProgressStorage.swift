package import Foundation
package import LecternCore

/// What the rest of Lectern asks of a progress store, whichever database holds it.
///
/// The shell, the live class and the command line see only this, so that a classroom
/// file (``ProgressStore``, SQLite) and a school's server (PostgreSQL, in LecternPostgres)
/// are interchangeable. Every method is synchronous and commits before it returns: an
/// answer is saved before the next question appears, on either database. Errors are
/// ``ProgressStoreError`` values that name the store and say what to do.
package protocol ProgressStorage: AnyObject, Sendable {
    /// The store as the user named it (a path, or a URL without its password), for messages.
    var location: String { get }

    /// The learner with this name, created on first use (the store too, when missing).
    func learner(named name: String) throws -> Learner
    /// Every learner, by name, with how many answers they gave and when last.
    func learners() throws -> [LearnerActivity]

    /// Commits one answer: appends it to the log and, for study and review, moves the card.
    func record(_ answer: AnswerRecord, for learner: Learner) throws
    /// Commits many answers of one learner, in order, all or none.
    func record(contentsOf answers: [AnswerRecord], for learner: Learner) throws
    /// Commits answers of several learners, in order, all or none.
    func record(batch answers: [(answer: AnswerRecord, learner: Learner)]) throws

    /// The timing of `learner`'s cards in these decks: all the due queue and the counts
    /// need from the database (the planning itself is `QueuePlanner`'s, the same for both).
    func cardTimings(learner: String, deckIDs: [String]) throws -> [CardTiming]
    /// Statistics for one learner, limited to `deck` when given.
    func stats(learner: String, decks: [Deck], deck: String?, now: Date, calendar: Calendar) throws -> Stats
    /// Every answer matching the filters, by learner name, then time, then commit order.
    func results(deck: String?, learners: [String], since: Date?) throws -> [ResultRow]
    /// One line per learner matching the filters.
    func summary(deck: String?, learners: [String], since: Date?) throws -> [LearnerTotals]

    /// Every learner and every answer, for `db copy`: read only, never writing (a store of
    /// an older schema is refused rather than upgraded); an absent store has an empty log.
    func exportLog() throws -> StoreLog
    /// Merges `log` (read from `source`, named in errors) in one transaction, all or none:
    /// learners matched by name or created, each answer added only when its id is not here
    /// yet, and the cards of every learner it touched derived again from their whole log.
    func merge(_ log: StoreLog, source: String) throws -> MergeCounts

    /// The migrations recorded in the store, in the order this build registers them.
    func appliedMigrations() throws -> [String]
    /// Closes the store's connections; later calls throw.
    func close() throws
}

extension ProgressStorage {
    /// What `learner` should study next in `decks`: due items, most overdue first, then new
    /// items in deck order up to today's remaining new-item allowance.
    ///
    /// "Today" starts at midnight in `calendar`'s time zone; the allowance is `newLimit`
    /// minus the items of these decks first studied since then. An unknown learner has no
    /// cards, so gets only new items.
    package func dueQueue(
        learner: String, decks: [Deck], now: Date, newLimit: Int = 20, calendar: Calendar = .current
    ) throws -> [ItemRef] {
        let cards = try cardTimings(learner: learner, deckIDs: decks.map(\.id))
        return QueuePlanner.queue(
            decks: decks, cards: cards, now: Microseconds.since1970(now),
            startOfDay: Microseconds.since1970(calendar.startOfDay(for: now)), newLimit: newLimit)
    }

    /// New and due counts per deck id, for the `decks` listing.
    package func counts(learner: String, decks: [Deck], now: Date) throws -> [String: DeckCounts] {
        let cards = try cardTimings(learner: learner, deckIDs: decks.map(\.id))
        return QueuePlanner.counts(decks: decks, cards: cards, now: Microseconds.since1970(now))
    }

    /// ``stats(learner:decks:deck:now:calendar:)`` in the local calendar.
    package func stats(learner: String, decks: [Deck], deck: String? = nil, now: Date) throws -> Stats {
        try stats(learner: learner, decks: decks, deck: deck, now: now, calendar: .current)
    }

    /// A results sink that commits each answer for `learner` (created on first use).
    package func sink(for learner: String) throws -> LearnerSink {
        LearnerSink(store: self, learner: try self.learner(named: learner))
    }
}
