/// The part of a card row that queues and statistics need: when it is due and when it was
/// first studied. The store reads it; the policy in this folder decides with it.
package struct CardTiming: Sendable {
    package var ref: ItemRef
    /// Microseconds since 1970 (``Microseconds``).
    package var due: Int64
    package var firstSeenAt: Int64

    package init(ref: ItemRef, due: Int64, firstSeenAt: Int64) {
        self.ref = ref
        self.due = due
        self.firstSeenAt = firstSeenAt
    }
}
