/// The `--color` option: decided once at start-up, then every style helper obeys it.
package enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never

    /// Colour only when writing to a terminal whose `TERM` is not `dumb` and `NO_COLOR` is
    /// unset (any value, even empty, turns colour off), unless the user forced it.
    package func enablesColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            guard isTerminal else { return false }
            if environment["NO_COLOR"] != nil { return false }
            return environment["TERM"] != "dumb"
        }
    }
}
