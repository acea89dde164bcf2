import Foundation
import LecternCore

/// Where the shell's files are when the command line does not say: decks and history.
package enum DeckFolders {
    /// The bundled decks, then the user's own (`$XDG_DATA_HOME/lectern/decks`).
    package static func defaults(executablePath: String, environment: [String: String]) -> [String] {
        var folders: [String] = []
        if let bundled = bundled(executablePath: executablePath) { folders.append(bundled) }
        folders.append(userDecks(environment: environment))
        return folders
    }

    /// `$XDG_DATA_HOME/lectern/decks`, default `~/.local/share/lectern/decks`.
    package static func userDecks(environment: [String: String]) -> String {
        XDGDirectories.dataHome(environment: environment) + "/lectern/decks"
    }

    /// `$LECTERN_HISTORY`, else `$XDG_STATE_HOME/lectern/history-LEARNER`.
    ///
    /// Each learner has a file of their own, so on a classroom machine the Up key never
    /// recalls the previous student's lines. The name is kept readable where it is safe in
    /// a file name and percent-encoded elsewhere (`/`, spaces, dots at the start).
    package static func historyFile(environment: [String: String], learner: String) -> String {
        if let explicit = environment["LECTERN_HISTORY"], !explicit.isEmpty { return explicit }
        return XDGDirectories.stateHome(environment: environment) + "/lectern/history-" + fileNameSafe(learner)
    }

    static func fileNameSafe(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        var result = ""
        for byte in name.utf8.prefix(200) {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, allowed.contains(character) {
                result.append(character)
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result.isEmpty ? "%" : result
    }

    /// Finds the bundled decks from where the binary is: `PREFIX/share/lectern/decks` after
    /// `make install`, or the package's `Decks/` when run from the build folder or `swift run`.
    package static func bundled(executablePath: String) -> String? {
        BundledFolder.find(executablePath: executablePath, installed: "decks", inPackage: "Decks")
    }
}
