/// "Did you mean …?" for mistyped words: command names, keys, ids, type names.
public enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a plausible typo:
    /// the same word in other case first, else at most a third of its letters off (1 to 3),
    /// counting a swap of two neighbours as one slip.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        let candidates = Array(candidates)
        if let sameLetters = candidates.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        let allowed = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = TypoDistance.optimalStringAlignment(lowered, candidate.lowercased())
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }
}
