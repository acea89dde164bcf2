/// Path arithmetic on text, for paths a user typed or a deck folder holds.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on some one-character paths
/// (`lectern lint y` crashed), so the project splits paths here, in one place.
package enum PathText {
    /// The folder part of `path`: `""` for a bare file name, `/` for a file at the root.
    package static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        var folder = path[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return String(folder)
    }
}
