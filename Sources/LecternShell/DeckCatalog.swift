import Foundation

/// The decks found in the deck folders.
public struct DeckCatalog: Sendable {
    public var files: [String]

    public static func load(directories: [String]) -> DeckCatalog {
        var files: [String] = []
        for directory in directories {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory + "/" + $0 }
        }
        return DeckCatalog(files: files)
    }

    public var count: Int { files.count }

    public var deckIDs: [String] {
        files.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
    }

    func listing() -> [String] { deckIDs }
}
