/// The code students type to join a class: short, and easy to read aloud.
///
/// Letters and digits that are easily confused when read or heard (`0`/`O`, `1`/`I`/`l`)
/// are never used; the letter L is left out too, since a student may type it lower case.
/// Typed codes are compared without case, spaces or dashes, so `k7qf` and `K7-QF` both match.
package enum JoinCode {
    /// The characters a code is made of.
    package static let alphabet: [Character] = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    /// Lengths a code may have: four is enough for a room; six for a class that wants more.
    package static let lengths = 4...6

    /// A new code of `length` characters (clamped to `lengths`) drawn from `random`.
    /// The random source is passed in so that tests and seeded runs repeat exactly.
    package static func generate(length: Int = 4, using random: inout some RandomNumberGenerator) -> String {
        let count = min(max(length, lengths.lowerBound), lengths.upperBound)
        return String((0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    /// The code as typed, reduced to the form it is compared in: upper case, without spaces or dashes.
    package static func normalized(_ typed: String) -> String {
        String(typed.uppercased().filter { !$0.isWhitespace && $0 != "-" })
    }

    /// Whether `typed` names `code`.
    package static func matches(_ typed: String, code: String) -> Bool {
        normalized(typed) == normalized(code)
    }
}
