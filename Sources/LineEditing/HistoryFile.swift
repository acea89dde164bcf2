import Foundation

/// Where history lives between runs, and the rules for what goes into it.
///
/// A history problem is never fatal: the shell warns once and carries on without it.
package final class HistoryFile {
    package static let maximumEntries = 1_000
    /// A thousand entries of typed commands fit many times over; a bigger file is not ours.
    package static let maximumBytes = 1024 * 1024
    /// The longest line kept: far more than any command or answer typed by hand.
    package static let maximumEntryBytes = 4 * 1024

    package enum Preparation: Equatable {
        case ready(exists: Bool)
        case unavailable(String)
    }

    package let path: String
    package private(set) var savingEnabled = true
    private var warnedAboutSaving = false
    private let warn: (String) -> Void

    package init(path: String, warn: @escaping (String) -> Void) {
        self.path = path
        self.warn = warn
    }

    /// Whether a line belongs in history: not blank, and not longer than `maximumEntryBytes`
    /// (a pasted page would soon push the file over `maximumBytes`, after which history is
    /// no longer read). libedit itself drops a line equal to the one before it.
    package static func shouldStore(_ line: String) -> Bool {
        line.utf8.count <= maximumEntryBytes && !line.allSatisfy(\.isWhitespace)
    }

    /// The line as history keeps it: without the trailing space Tab completion leaves.
    package static func entry(for line: String) -> String {
        String(line.reversed().drop(while: \.isWhitespace).reversed())
    }

    /// Creates the folder if missing and checks the file can be read and written.
    package func prepare() -> Preparation {
        let manager = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !manager.fileExists(atPath: folder) {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                savingEnabled = false
                return .unavailable("cannot create history folder \(folder)")
            }
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if !manager.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
                savingEnabled = false
                return .unavailable("cannot write history folder \(folder)")
            }
            return .ready(exists: false)
        }
        if isDirectory.boolValue {
            savingEnabled = false
            return .unavailable("history path \(path) is a folder")
        }
        // libedit reads the whole file line by line: a device (/dev/zero), a pipe or a huge
        // file would hang or fill memory before the first prompt. Such a file is left as it is.
        // (stat follows a symbolic link, so a linked history file is still welcome.)
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            savingEnabled = false
            return .unavailable("history path \(path) is not a regular file; it is left untouched")
        }
        if info.st_size > Self.maximumBytes {
            savingEnabled = false
            return .unavailable(
                "history file \(path) is larger than \(Self.maximumBytes / 1024 / 1024) MiB; it is left untouched (move it away to start afresh)"
            )
        }
        if !manager.isReadableFile(atPath: path) {
            savingEnabled = false
            return .unavailable("cannot read history file \(path)")
        }
        if !manager.isWritableFile(atPath: path) {
            savingEnabled = false
            warn("warning: cannot write history file \(path); this session's lines will not be kept")
        }
        return .ready(exists: true)
    }

    func disableSaving() {
        savingEnabled = false
    }

    func reportSaveFailure() {
        guard !warnedAboutSaving else { return }
        warnedAboutSaving = true
        savingEnabled = false
        warn("warning: cannot save history to \(path); history will not be kept")
    }
}
