import Foundation

/// The concept vocabulary of one deck folder, as the deck cache needs it: the hash of its
/// bytes at once (part of every cache key of the folder), the parsed vocabulary only when a
/// deck is actually parsed, so a warm start does not parse `concepts.yaml` either.
final class FolderConcepts {
    /// What the cache key records about the vocabulary.
    enum Identity: Equatable {
        /// No `concepts.yaml` beside the decks.
        case none
        case hash(UInt64)
        /// The file is there but was refused (unreadable, too large, not regular), or the
        /// caller handed in a vocabulary of unknown origin: loads are not cached.
        case unknown
    }

    /// Worked out on first use: a load that is not cached never reads the file for it.
    private(set) lazy var identity: Identity = Self.identity(besideDeckAt: deckPath, limits: limits)
    private let deckPath: String
    private let limits: LoadLimits
    private var loaded: (vocabulary: ConceptVocabulary, diagnostics: [Diagnostic])?

    /// The vocabulary beside the deck at `deckPath`, hashed and parsed each on first use.
    init(besideDeckAt deckPath: String, limits: LoadLimits) {
        self.deckPath = deckPath
        self.limits = limits
    }

    private static func identity(besideDeckAt deckPath: String, limits: LoadLimits) -> Identity {
        let folder = PathText.folder(of: deckPath)
        let path =
            folder.isEmpty
            ? ConceptVocabulary.fileName : (folder as NSString).appendingPathComponent(ConceptVocabulary.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return .none }
        if case .success(let bytes) = RegularFile.read(path, maxBytes: limits.maxBytes) {
            return .hash(ContentHash.of(bytes))
        }
        return .unknown
    }

    /// A vocabulary the caller has already read: used as given, and not cacheable.
    init(given: (vocabulary: ConceptVocabulary, diagnostics: [Diagnostic]), deckPath: String, limits: LoadLimits) {
        self.deckPath = deckPath
        self.limits = limits
        loaded = given
        identity = .unknown
    }

    /// The parsed vocabulary and its findings, read the first time they are asked for.
    var vocabulary: (vocabulary: ConceptVocabulary, diagnostics: [Diagnostic]) {
        if let loaded { return loaded }
        let read = ConceptVocabulary.beside(deckAt: deckPath, limits: limits)
        loaded = read
        return read
    }
}
