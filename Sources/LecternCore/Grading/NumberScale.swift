import Foundation
/// Words and characters that scale a typed number: `153k`, `153 thousand`, `1.5万`, `2 亿`.
///
/// A learner who types one of these means the scaled number, so reading `153 thousand` as
/// 153 (the unit word ignored) would grade a right answer 0. The table is deliberately
/// small: a scale word it does not know is read as a unit label, and the ones people
/// actually type in English and Chinese are here. `m`/`M` is left out: it is metres and
/// minutes as often as millions.
enum NumberScale {
    /// Longest first, so `thousands` wins over `k`-less prefixes and `百万` over `百`.
    private static let words: [(word: String, factor: Double)] = [
        ("thousands", 1e3), ("thousand", 1e3), ("millions", 1e6), ("million", 1e6),
        ("billions", 1e9), ("billion", 1e9), ("hundreds", 1e2), ("hundred", 1e2),
        ("mio", 1e6), ("mn", 1e6), ("bn", 1e9), ("k", 1e3),
    ]
    private static let characters: [(word: String, factor: Double)] = [
        ("百万", 1e6), ("千万", 1e7), ("万", 1e4), ("萬", 1e4), ("千", 1e3), ("百", 1e2), ("亿", 1e8), ("億", 1e8),
    ]

    /// The factor that `trailing` (the text after the digits) starts with, and the rest
    /// (a unit label, if any); nil when it starts with no scale word.
    static func split(_ trailing: String) -> (factor: Double, word: String, rest: String)? {
        let text = trailing.trimmingCharacters(in: .whitespaces)
        for (word, factor) in characters where text.hasPrefix(word) {
            return (factor, word, String(text.dropFirst(word.count)).trimmingCharacters(in: .whitespaces))
        }
        let lowered = text.lowercased()
        for (word, factor) in words where lowered.hasPrefix(word) {
            let rest = lowered.dropFirst(word.count)
            // A whole word only: `kg` and `km` are units, not thousands of g or m.
            if let next = rest.first, next.isLetter { continue }
            return (factor, word, String(text.dropFirst(word.count)).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
