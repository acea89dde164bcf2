import Foundation
import LecternClass
import LecternCore

/// The rejoin tokens of this machine's classes, one per address and code, in
/// `$XDG_STATE_HOME/lectern/live-tokens` (readable by its owner only): running
/// `lectern join` again after a crash gets the same seat back.
package struct TokenFile: Sendable {
    package let path: String

    package init(environment: [String: String]) {
        let folder = (XDGDirectories.stateHome(environment: environment) as NSString).appendingPathComponent("lectern")
        path = (folder as NSString).appendingPathComponent("live-tokens")
    }

    static func key(address: String, code: String) -> String {
        "\(address) \(JoinCode.normalized(code))"
    }

    /// The token kept for this class, if any. A damaged file is treated as empty.
    package func token(address: String, code: String) -> String? {
        read()[Self.key(address: address, code: code)]
    }

    /// Keeps the token (the latest 50 classes only); a file that cannot be written only
    /// costs the rejoin after a crash, so the failure is returned to be shown, not thrown.
    package func save(_ token: String, address: String, code: String) -> String? {
        var tokens = read()
        tokens[Self.key(address: address, code: code)] = token
        if tokens.count > 50 { tokens = Dictionary(uniqueKeysWithValues: Array(tokens).suffix(50)) }
        do {
            let folder = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(tokens)
            let temporary = path + ".tmp"
            FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
            // rename(2) replaces the old file in one step, so a crash never leaves half a file.
            guard rename(temporary, path) == 0 else {
                throw CocoaError(
                    .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            return nil
        } catch {
            return "warning: could not keep the rejoin token in \(path): \(error.localizedDescription)"
        }
    }

    private func read() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1_000_000,
            let tokens = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return tokens
    }
}
