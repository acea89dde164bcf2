/// "Did you mean …?" for mistyped words: command names, keys, ids, type names.
package enum Suggestion {
    /// In UTF-8 bytes; longer than any command, key or id anyone types on purpose.
    package static let maximumWordLength = 128

    /// The candidate closest to `word`, when it is close enough to be a plausible typo:
    /// the same word in other case first, else at most a third of its letters off (1 to 3),
    /// counting a swap of two neighbours as one slip.
    ///
    /// Words longer than `maximumWordLength` get no suggestion: no name is that long, and a
    /// pasted page must be refused at once, not compared with every candidate.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        guard word.utf8.count <= maximumWordLength else { return nil }
        let lowered = word.lowercased()
        let candidates = Array(candidates)
        if let sameLetters = candidates.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        let allowed = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = candidate.lowercased()
            guard abs(other.count - lowered.count) <= allowed else { continue }
            let distance = TypoDistance.optimalStringAlignment(lowered, other)
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.candidate
    }
}
