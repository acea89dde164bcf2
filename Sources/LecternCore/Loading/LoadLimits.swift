/// Bounds that keep a hostile or broken deck file from costing unbounded time or memory.
///
/// The defaults are far above any real deck; a command-line option can raise `maxBytes`.
public struct LoadLimits: Sendable, Equatable {
    /// Files larger than this are refused before they are read.
    public var maxBytes: Int
    /// Maps and lists nested deeper than this are refused; a deck needs about eight levels.
    public var maxDepth: Int

    public init(maxBytes: Int = 8 * 1024 * 1024, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    public static let `default` = LoadLimits()
}
