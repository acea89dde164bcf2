import Foundation

/// Letters that name displayed entries: `a` is the first shown, `b` the second, and so on.
package enum OptionLabel {
    /// How many entries letters can name: a to z.
    package static let maximumCount = 26

    /// The letter for display position `index` (0-based).
    package static func letter(_ index: Int) -> String {
        guard index >= 0, index < 26, let scalar = Unicode.Scalar(UInt32(97 + index)) else {
            return "?"
        }
        return String(Character(scalar))
    }

    /// The letters for `count` displayed entries.
    package static func letters(_ count: Int) -> [String] {
        (0..<max(0, count)).map(letter)
    }

    /// The range text shown in messages: `a–d`.
    static func letterRange(_ count: Int) -> String {
        count <= 1 ? letter(0) : "\(letter(0))–\(letter(count - 1))"
    }

    /// The 0-based index named by a single letter, if it is one.
    static func index(ofLetter character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 97, ascii < 97 + 26 else { return nil }
        return Int(ascii) - 97
    }

    /// Option text without its closing full stop, for use inside a longer line
    /// (`d) It is fashionable: …`, `a) One; b) Two`), so punctuation never doubles.
    package static func clause(_ text: String) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = trimmed.last, last == "." || last == "。" { trimmed.removeLast() }
        return trimmed
    }
}
