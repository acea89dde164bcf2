/// The deck cache's place in loading a file: between reading its bytes and parsing them.
extension DeckLoader {
    /// What `load(text:path:limits:concepts:)` gives for the file just read, taken from
    /// `cache` when a result is stored under this file's key, else parsed and stored.
    ///
    /// The cached part is what depends only on the key: the model and the findings. The
    /// `source.file` paragraphs are read by the caller on every load, since the key does not
    /// cover that file, and the text is the one just read.
    static func cachedLoad(
        text: String, bytes: inout [UInt8], path: String, limits: LoadLimits, concepts: FolderConcepts,
        cache: DeckCache?
    ) -> DeckLoadResult {
        var key: DeckCacheKey?
        if let cache {
            switch concepts.identity {
            case .none:
                key = DeckCacheKey(path: path, bytes: bytes, limits: limits, conceptsHash: nil, version: cache.version)
            case .hash(let hash):
                key = DeckCacheKey(path: path, bytes: bytes, limits: limits, conceptsHash: hash, version: cache.version)
            case .unknown: key = nil
            }
        }
        bytes = []  // the text holds its own copy; a large deck is not kept twice while it loads
        if let cache, let key, let cached = cache.read(key) {
            let kept = text.utf8.count <= limits.maxBytes ? text : nil
            return DeckLoadResult(deck: cached.deck, diagnostics: cached.diagnostics, text: kept)
        }
        let result = load(text: text, path: path, limits: limits, concepts: concepts.vocabulary)
        if let cache, let key { cache.write(key, deck: result.deck, diagnostics: result.diagnostics) }
        return result
    }
}
