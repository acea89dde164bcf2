import Foundation

/// Accepts an accepted phrase inside a longer answer, when the extra words cannot change
/// what the answer means.
///
/// A learner who writes "an edge over rivals" where "edge" is accepted is right, and one
/// who writes "not the platform" where "platform" is accepted is not. So the longer answer
/// counts only when the phrase appears in it as whole words and the words around it are
/// few and harmless: no negation ("not", "no", "without"…), no contrast or hedge ("but",
/// "rather", "instead"…), no word that flips a quantity or a judgement ("less", "high",
/// "poor"…). An answer joining alternatives with "and" or "or" counts only when every
/// alternative is accepted on its own, so "trust and reputation" passes where both are
/// accepted, and "trust or luck" does not. Very short phrases (three letters or fewer) and
/// text in Chinese or Japanese never match inside a longer answer: there the chance of an
/// accidental match is too high.
package enum PhraseInAnswer {
    /// At most this many words may surround the accepted phrase.
    package static let maximumExtraWords = 4

    /// Longer answers are never searched: a phrase with four words around it fits well within,
    /// and a pasted page costs nothing.
    package static let maximumAnswerLength = 200

    /// Whether `answer` holds one of the plain (non-pattern) `phrases` in the sense above.
    package static func matches(_ answer: String, phrases: [String]) -> Bool {
        guard answer.utf8.count <= maximumAnswerLength * 4, answer.count <= maximumAnswerLength else { return false }
        let words = words(of: answer)
        guard !words.isEmpty, !TextNormalizer.containsCJK(answer) else { return false }
        let keys = phrases.map(Self.words(of:)).filter { key in
            !key.isEmpty && key.joined(separator: " ").count > 3 && !TextNormalizer.containsCJK(key.joined())
        }
        if let parts = alternatives(words), parts.count > 1 {
            return parts.allSatisfy { part in keys.contains { key in part == key || holds(part, key) } }
        }
        return keys.contains { holds(words, $0) }
    }

    /// The answer's words, lower-cased and NFKC-folded, with punctuation stripped from each.
    static func words(of text: String) -> [String] {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        let spaced = String(folded.map { $0 == "-" || $0 == "_" || $0 == "/" ? " " : $0 })
        return spaced.split(whereSeparator: { $0.isWhitespace }).compactMap { raw in
            let word = raw.trimmingCharacters(in: edgePunctuation)
            return word.isEmpty ? nil : word
        }
    }

    /// Whether `key` occurs in `words` as a run of whole words, with only harmless words around it.
    private static func holds(_ words: [String], _ key: [String]) -> Bool {
        guard words.count > key.count else { return false }
        for start in 0...(words.count - key.count) where Array(words[start..<start + key.count]) == key {
            let extra = Array(words[..<start]) + Array(words[(start + key.count)...])
            let meaningful = extra.filter { !fillers.contains($0) }
            if meaningful.count <= maximumExtraWords, !meaningful.contains(where: isMeaningChanging) {
                return true
            }
        }
        return false
    }

    /// The answer split at "and", "or" and commas, or nil when it has no such joint.
    private static func alternatives(_ words: [String]) -> [[String]]? {
        guard words.contains(where: joints.contains) else { return nil }
        var parts: [[String]] = [[]]
        for word in words {
            if joints.contains(word) {
                parts.append([])
            } else {
                parts[parts.count - 1].append(word)
            }
        }
        let cleaned = parts.map { part in Array(part.drop { fillers.contains($0) }) }.filter { !$0.isEmpty }
        return cleaned
    }

    private static func isMeaningChanging(_ word: String) -> Bool {
        meaningChanging.contains(word) || word.hasSuffix("n't") || word.hasSuffix("n’t")
    }

    /// Words that never change what the phrase they surround means.
    private static let fillers: Set<String> = ["a", "an", "the", "its", "their", "her", "his", "your", "my", "of"]

    private static let joints: Set<String> = ["and", "or", "plus"]

    /// Negation, contrast, hedging, and words that flip a quantity or a judgement.
    private static let meaningChanging: Set<String> = [
        "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "lack", "lacks",
        "lacking", "lacked", "non", "anti", "cannot", "cant", "isnt", "arent", "wasnt", "dont", "doesnt",
        "but", "however", "although", "though", "yet", "except", "instead", "rather", "unlike", "versus", "vs",
        "than", "maybe", "perhaps", "possibly", "probably", "unsure", "guess", "either", "whether",
        "less", "least", "fewer", "fewest", "little", "hardly", "barely", "scarcely", "only", "just",
        "low", "lower", "lowest", "high", "higher", "highest", "more", "most",
        "bad", "worse", "worst", "poor", "poorer", "weak", "weaker", "false", "fake", "wrong", "lost", "loss",
    ]

    private static let edgePunctuation = CharacterSet.punctuationCharacters.union(.symbols)
        .subtracting(CharacterSet(charactersIn: "'’"))
        .union(.whitespacesAndNewlines)
}
