import Foundation

/// Where history lives between runs, and the rules for what goes into it.
///
/// A history problem is never fatal: the shell warns once and carries on without it.
public final class HistoryFile {
    public static let maximumEntries = 1_000

    public enum Preparation: Equatable {
        case ready(exists: Bool)
        case unavailable(String)
    }

    public let path: String
    public private(set) var savingEnabled = true
    private var warnedAboutSaving = false
    private let warn: (String) -> Void

    public init(path: String, warn: @escaping (String) -> Void) {
        self.path = path
        self.warn = warn
    }

    /// Whether a line belongs in history: not blank. (libedit itself drops a line equal
    /// to the one before it.)
    public static func shouldStore(_ line: String) -> Bool {
        !line.allSatisfy(\.isWhitespace)
    }

    /// The line as history keeps it: without the trailing space Tab completion leaves.
    public static func entry(for line: String) -> String {
        String(line.reversed().drop(while: \.isWhitespace).reversed())
    }

    /// Creates the folder if missing and checks the file can be read and written.
    public func prepare() -> Preparation {
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
