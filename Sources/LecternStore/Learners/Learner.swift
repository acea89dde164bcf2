/// Someone whose answers the store keeps apart from everyone else's on a shared file.
public struct Learner: Sendable, Equatable, Hashable {
    /// The row id; stable for the life of the file.
    public let id: Int64
    public let name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
