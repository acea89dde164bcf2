import LecternCore
import Testing

/// `lectern lint y` trapped inside Foundation's deletingLastPathComponent; paths are split here.
@Suite("Path text")
struct PathTextTests {
    @Test(arguments: [
        ("y", ""), ("deck.yaml", ""), ("./y", "."), ("a/y", "a"), ("/y", "/"), ("/", "/"),
        ("/a/b/c.yaml", "/a/b"), ("a//b", "a"), ("a/b/", "a"), ("", ""),
    ])
    func folderOfAPath(path: String, folder: String) {
        #expect(PathText.folder(of: path) == folder)
    }
}
