/// The deck cache's encoding as benchmark steps: what storing a loaded deck and reading it
/// back cost, beside what parsing it costs (`DeckLoadPhases`).
extension DeckLoadPhases {
    /// The cache's payload for a load result.
    package static func cacheEncode(deck: Deck?, diagnostics: [Diagnostic]) -> [UInt8] {
        DeckCacheCodec.encode(deck: deck, diagnostics: diagnostics)
    }

    /// The load result read back from a payload; nil when the bytes are not one.
    package static func cacheDecode(_ payload: [UInt8]) -> (deck: Deck?, diagnostics: [Diagnostic])? {
        try? DeckCacheCodec.decode(payload, from: 0, to: payload.count)
    }
}
