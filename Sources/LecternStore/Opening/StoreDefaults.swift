import Foundation
import LecternCore

/// Where progress lives and who is learning when the command line does not say.
///
/// Both take the environment as a value so that callers and tests decide what it holds.
package enum StoreDefaults {
    /// The file name inside the data folder.
    package static let fileName = "lectern.sqlite3"

    /// `LECTERN_DB` when set; else `$XDG_DATA_HOME/lectern/lectern.sqlite3`, with
    /// `XDG_DATA_HOME` defaulting to `$HOME/.local/share` as the XDG spec says.
    package static func databasePath(environment: [String: String]) -> String {
        if let explicit = environment["LECTERN_DB"], !explicit.isEmpty {
            return explicit
        }
        let dataHome = XDGDirectories.dataHome(environment: environment)
        return ((dataHome as NSString).appendingPathComponent("lectern") as NSString)
            .appendingPathComponent(fileName)
    }

    /// The login name (`USER`, then `LOGNAME`), or `learner` when neither is set to a name
    /// ``LearnerName`` accepts.
    package static func learnerName(environment: [String: String]) -> String {
        for key in ["USER", "LOGNAME"] {
            if let value = environment[key], let name = try? LearnerName.validated(value) {
                return name
            }
        }
        return "learner"
    }
}
