package import Foundation
import LecternCore

/// The projector page and the student page: plain HTML, CSS and JavaScript files in the
/// project's `Pages/` folder (installed to `PREFIX/share/lectern/pages`), read once when the
/// host starts and served from memory. Only the files named here are served: no path from
/// a request ever reaches the file system, so there is no listing and no way out of the folder.
package struct PageFiles: Sendable {
    package struct File: Sendable, Equatable {
        package var name: String
        package var contentType: String
        package var body: Data
    }

    /// Request path → file name and content type.
    package static let routes: [(path: String, file: String, type: String)] = [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/join", "join.html", "text/html; charset=utf-8"),
        ("/projector.js", "projector.js", "text/javascript; charset=utf-8"),
        ("/join.js", "join.js", "text/javascript; charset=utf-8"),
        ("/live.css", "live.css", "text/css; charset=utf-8"),
    ]

    /// By request path.
    package let files: [String: File]
    package let folder: String

    /// Reads every page from `folder`; the error names the file missing and what to do.
    package init(folder: String) throws {
        var files: [String: File] = [:]
        for route in Self.routes {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(route.file).path
            guard let body = FileManager.default.contents(atPath: path) else {
                throw PageFilesError.missing(path: path)
            }
            files[route.path] = File(name: route.file, contentType: route.type, body: body)
        }
        self.files = files
        self.folder = folder
    }

    /// The pages' folder as seen from the binary: `PREFIX/share/lectern/pages` after
    /// `make install`, or the package's `Pages/` when run from the build folder (`make run`,
    /// `swift run`, the tests), the way the bundled decks are found.
    package static func find(executablePath: String) -> String? {
        BundledFolder.find(executablePath: executablePath, installed: "pages", inPackage: "Pages")
    }
}

package enum PageFilesError: Error, CustomStringConvertible {
    case missing(path: String)

    package var description: String {
        switch self {
        case .missing(let path):
            "the page \(path) is missing; reinstall Lectern (make install) or run it from its package folder"
        }
    }
}
