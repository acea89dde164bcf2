import Foundation

/// A folder that ships beside the binary: `PREFIX/share/lectern/NAME` after `make install`,
/// or the package's own folder when the binary runs from the build folder (`make run`,
/// `swift run`, the tests). The bundled decks and the live class's pages are found this way.
package enum BundledFolder {
    /// The folder `share/lectern/installed`, or `inPackage` beside `Package.swift`, in the
    /// binary's folder or one of its first eight ancestors; nil when neither is there.
    package static func find(executablePath: String, installed: String, inPackage: String) -> String? {
        let manager = FileManager.default
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            let shared = folder.appendingPathComponent("share/lectern/\(installed)").path
            if manager.fileExists(atPath: shared) { return shared }
            let package = folder.appendingPathComponent("Package.swift").path
            let own = folder.appendingPathComponent(inPackage).path
            if manager.fileExists(atPath: package), manager.fileExists(atPath: own) { return own }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }
}
