import Foundation

/// Where a file that a deck names really is, allowed only inside the deck's own folder.
///
/// A deck from a stranger must not make Lectern read `~/.ssh/id_rsa` or `/etc/shadow` and
/// show it as "the source paragraph", so a name is refused when it is absolute, when its
/// `..` parts climb above the folder, or when, with every symbolic link resolved, it lands
/// outside the folder (itself resolved the same way).
enum DeckFolderPath {
    enum Resolution: Equatable {
        /// The file's real path, inside the deck's folder.
        case inside(String)
        /// Why the name leaves the folder, as the end of a sentence.
        case outside(String)
        /// Nothing is there (yet); the path that was looked for.
        case missing(String)
    }

    static func resolve(_ name: String, deckPath: String) -> Resolution {
        if name.hasPrefix("/") || name.hasPrefix("~") { return .outside("is an absolute path") }
        if name.contains("\0") { return .outside("holds a NUL character") }
        var depth = 0
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." {
                depth -= 1
                if depth < 0 { return .outside("climbs out of the deck's folder with '..'") }
            } else if part != "." {
                depth += 1
            }
        }
        var folder = PathText.folder(of: deckPath)
        if folder.isEmpty { folder = "." }
        let joined = (folder as NSString).appendingPathComponent(name)
        guard let realFolder = realPath(folder) else { return .missing(joined) }
        guard let real = realPath(joined) else {
            // A dangling link, or nothing at all: either way there is nothing to read.
            return .missing(joined)
        }
        let prefix = realFolder.hasSuffix("/") ? realFolder : realFolder + "/"
        guard real.hasPrefix(prefix) else {
            return .outside("leads out of the deck's folder through a symbolic link (to \(real))")
        }
        return .inside(real)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
