import Foundation

/// Where progress lives and who is learning when the command line does not say.
///
/// Both take the environment as a value so that callers and tests decide what it holds.
public enum StoreDefaults {
    /// The file name inside the data folder.
    public static let fileName = "lectern.sqlite3"

    /// `LECTERN_DB` when set; else `$XDG_DATA_HOME/lectern/lectern.sqlite3`, with
    /// `XDG_DATA_HOME` defaulting to `$HOME/.local/share` as the XDG spec says.
    public static func databasePath(environment: [String: String]) -> String {
        if let explicit = environment["LECTERN_DB"], !explicit.isEmpty {
            return explicit
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            // The spec says relative values are invalid and must be ignored.
            dataHome = xdg
        } else {
            let home =
                environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? FileManager.default.homeDirectoryForCurrentUser.path
            dataHome = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((dataHome as NSString).appendingPathComponent("lectern") as NSString)
            .appendingPathComponent(fileName)
    }

    /// The login name (`USER`, then `LOGNAME`), or `learner` when neither is set.
    public static func learnerName(environment: [String: String]) -> String {
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key]?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                return name
            }
        }
        return "learner"
    }
}
