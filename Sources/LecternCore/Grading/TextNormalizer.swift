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
        var text = text
        if let ascii = text.withUTF8(normalizeASCII) { return ascii }
        return normalizeUnicode(text)
    }

    /// The steps by `Character`, for any text.
    static func normalizeUnicode(_ text: String) -> String {
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

    /// The same steps byte by byte, for ASCII text (nil otherwise): NFKC leaves ASCII as it
    /// is and no ASCII text is CJK, so what remains is case, separators, trimming and the
    /// article. Which bytes are whitespace and which are trimmed is read from the same
    /// `Character` and `CharacterSet` tests the Unicode path uses, so the two cannot drift.
    /// Graders and the linters normalise every accepted answer, so this is most of a large
    /// deck's lint.
    static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let kind = asciiKinds[Int(byte)]
            if kind == .separator {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        var start = 0
        var end = out.count
        // Spaces are the only separators left, and the Unicode path trims them too.
        while start < end, asciiKinds[Int(out[start])] != .kept { start += 1 }
        while end > start, asciiKinds[Int(out[end - 1])] != .kept { end -= 1 }
        if let space = out[start..<end].firstIndex(of: UInt8(ascii: " ")),
            asciiArticles.contains(where: { $0.elementsEqual(out[start..<space]) })
        {
            start = space + 1
        }
        return String(decoding: out[start..<end], as: UTF8.self)
    }

    private enum ASCIIKind {
        /// Whitespace, a dash or an underscore: it separates words.
        case separator
        /// Punctuation or a symbol: trimmed from both ends.
        case trimmed
        case kept
    }

    private static let asciiKinds: [ASCIIKind] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        if dashesAndUnderscores.contains(Character(scalar)) || Character(scalar).isWhitespace { return .separator }
        return trimmed.contains(scalar) ? .trimmed : .kept
    }
    private static let asciiArticles: [[UInt8]] = articles.map { Array($0.utf8) }

    private static let articles: Set<String> = ["a", "an", "the"]
    private static let dashesAndUnderscores: Set<Character> = ["-", "_", "‐", "‑", "–", "—"]
    private static let trimmed = CharacterSet.punctuationCharacters
        .union(.symbols).union(.whitespacesAndNewlines)
}
