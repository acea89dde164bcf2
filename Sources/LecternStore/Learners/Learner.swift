/// Someone whose answers the store keeps apart from everyone else's on a shared file.
package struct Learner: Sendable, Equatable, Hashable {
    /// The row id; stable for the life of the file.
    package let id: Int64
    package let name: String

    package init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
