/// Bounds that keep a hostile or broken deck file from costing unbounded time or memory.
///
/// The defaults are far above any real deck; a command-line option can raise `maxBytes`.
package struct LoadLimits: Sendable, Equatable {
    /// Files larger than this are refused before they are read.
    package var maxBytes: Int
    /// Maps and lists nested deeper than this are refused; a deck needs about eight levels.
    package var maxDepth: Int
    /// An upper bound on YAML nodes, counted from lines and separators before parsing.
    /// Parsed nodes cost far more memory than their bytes (a file of `[a,a,a,…]` grows a
    /// hundredfold), so dense files are refused before they are parsed; a large real deck
    /// counts a few thousand.
    package var maxNodes: Int

    package init(maxBytes: Int = 8 * 1024 * 1024, maxDepth: Int = 64, maxNodes: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    package static let `default` = LoadLimits()
}
