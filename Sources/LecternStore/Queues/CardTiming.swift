/// The part of a card row that queues need: when it is due and when it was first studied.
struct CardTiming: Sendable {
    var ref: ItemRef
    /// Microseconds since 1970.
    var due: Int64
    var firstSeenAt: Int64
}
