/// What the `decks` listing shows for one deck and one learner.
public struct DeckCounts: Sendable, Equatable {
    /// Items of the current deck the learner has never studied (not capped by the daily limit).
    public var new: Int
    /// Studied items of the current deck whose review is due now.
    public var due: Int

    public init(new: Int, due: Int) {
        self.new = new
        self.due = due
    }
}
