import Foundation

/// Where per-user files go on Linux, by the XDG base-directory rules: an absolute
/// `$XDG_…_HOME` wins, a relative one is ignored (the spec says so), else a folder under
/// `$HOME`. The environment is a parameter so callers and tests decide what it holds.
package enum XDGDirectories {
    /// `$XDG_DATA_HOME`, default `~/.local/share`: decks and progress.
    package static func dataHome(environment: [String: String]) -> String {
        base("XDG_DATA_HOME", fallback: ".local/share", environment: environment)
    }

    /// `$XDG_STATE_HOME`, default `~/.local/state`: history.
    package static func stateHome(environment: [String: String]) -> String {
        base("XDG_STATE_HOME", fallback: ".local/state", environment: environment)
    }

    /// `$XDG_CACHE_HOME`, default `~/.cache`: parsed decks (`DeckCache`), safe to delete.
    package static func cacheHome(environment: [String: String]) -> String {
        base("XDG_CACHE_HOME", fallback: ".cache", environment: environment)
    }

    private static func base(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(fallback)
    }
}
