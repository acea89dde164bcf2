package import Foundation
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

    /// A kept token and when it was saved, so that the file keeps the most recent classes.
    struct Entry: Codable, Equatable {
        var token: String
        var saved: Date
    }

    /// How many classes' tokens are kept: far more than one machine joins in a term.
    static let kept = 50

    /// The token kept for this class, if any. A damaged file is treated as empty.
    package func token(address: String, code: String) -> String? {
        read()[Self.key(address: address, code: code)]?.token
    }

    /// Keeps the token (the `kept` most recently saved classes only); a file that cannot be
    /// written only costs the rejoin after a crash, so the failure is returned to be shown,
    /// not thrown.
    package func save(_ token: String, address: String, code: String, now: Date = Date()) -> String? {
        var entries = read()
        entries[Self.key(address: address, code: code)] = Entry(token: token, saved: now)
        if entries.count > Self.kept {
            let newest = entries.sorted { ($0.value.saved, $0.key) > ($1.value.saved, $1.key) }.prefix(Self.kept)
            entries = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
        }
        do {
            try FileManager.default.createDirectory(
                atPath: PathText.folder(of: path), withIntermediateDirectories: true)
            let data = try JSONEncoder().encode(entries)
            // Each process writes its own temporary file, so two joins at once never mix bytes.
            let temporary = path + ".\(getpid()).tmp"
            guard
                FileManager.default.createFile(
                    atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
            else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create \(temporary)"])
            }
            // rename(2) replaces the old file in one step, so a crash never leaves half a file.
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
            }
            return nil
        } catch {
            return "warning: could not keep the rejoin token in \(path): \(error.localizedDescription)"
        }
    }

    /// The kept tokens; a file of the first release (token by class, no dates) reads as
    /// saved long ago, and a damaged or oversized file as empty.
    func read() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path), data.count < 1_000_000 else { return [:] }
        if let entries = try? JSONDecoder().decode([String: Entry].self, from: data) { return entries }
        guard let tokens = try? JSONDecoder().decode([String: String].self, from: data) else { return [:] }
        return tokens.mapValues { Entry(token: $0, saved: .distantPast) }
    }
}
