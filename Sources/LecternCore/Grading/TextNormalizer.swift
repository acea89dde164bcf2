import Foundation

/// Brings typed text and accepted answers to one comparable form.
///
/// Steps: Unicode NFKC (folds full-width letters and digits to their usual form), lower
/// case, dashes and underscores read as spaces, punctuation trimmed from both ends,
/// whitespace collapsed, one leading article (`a`, `an`, `the`) dropped. Text containing
/// CJK characters loses all its spaces, since Chinese and Japanese are written without them
/// and learners type them inconsistently.
package enum TextNormalizer {
    package static func normalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        let spaced = String(folded.map { dashesAndUnderscores.contains($0) ? " " : $0 })
        var words = spaced.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var joined = words.joined(separator: " ").trimmingCharacters(in: trimmed)
        words = joined.split(separator: " ").map(String.init)
        if words.count > 1, articles.contains(words[0]) {
            joined = words.dropFirst().joined(separator: " ")
        }
        if containsCJK(joined) {
            joined = String(joined.filter { !$0.isWhitespace })
        }
        return joined
    }

    /// Whether the text holds Han, kana or Hangul characters.
    package static func containsCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
                0xF900...0xFAFF, 0x20000...0x2FA1F:
                true
            default:
                false
            }
        }
    }

    private static let articles: Set<String> = ["a", "an", "the"]
    private static let dashesAndUnderscores: Set<Character> = ["-", "_", "‐", "‑", "–", "—"]
    private static let trimmed = CharacterSet.punctuationCharacters
        .union(.symbols).union(.whitespacesAndNewlines)
}
