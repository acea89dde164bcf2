/// What the `decks` listing shows for one deck and one learner.
package struct DeckCounts: Sendable, Equatable {
    /// Items of the current deck the learner has never studied (not capped by the daily limit).
    package var new: Int
    /// Studied items of the current deck whose review is due now.
    package var due: Int

    package init(new: Int, due: Int) {
        self.new = new
        self.due = due
    }
}
