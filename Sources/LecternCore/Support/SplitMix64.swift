/// A small seeded random generator, so that a session's shuffles repeat exactly for a seed.
///
/// SplitMix64: add a fixed odd constant to the state, then mix the bits. Our own shuffle
/// (`shuffled(_:)`) is used instead of the standard library's, whose algorithm may change
/// between releases and would break recorded transcripts.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// The top 53 bits of `bits` as a Double in [0, 1): the draw FSRS fuzz uses, written
    /// so another language can reproduce it exactly.
    package static func unit(_ bits: UInt64) -> Double {
        Double(bits >> 11) * 0x1.0p-53
    }

    /// A Fisher–Yates shuffle driven by this generator.
    package mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            result.swapAt(index, other)
        }
        return result
    }

    /// A generator for one item, independent of where the item falls in the queue:
    /// the session seed mixed with an FNV-1a hash of the key.
    static func forKey(_ key: String, seed: UInt64) -> SplitMix64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return SplitMix64(seed: seed ^ hash)
    }
}
