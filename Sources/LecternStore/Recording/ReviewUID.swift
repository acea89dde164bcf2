import Foundation

/// The globally unique id of one review: a random UUID in lower-case text.
///
/// Row ids count per store and collide as soon as two stores are merged; this id is made
/// once, when the answer is first committed, and travels with the answer to every copy,
/// so a merge can tell an answer it already has from a new one.
package enum ReviewUID {
    package static func make() -> String {
        UUID().uuidString.lowercased()
    }

    /// 36 characters: lower-case hex digits in groups of 8-4-4-4-12, as ``make()`` writes.
    package static func isValid(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == 36 else { return false }
        for (index, byte) in utf8.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                && !(UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            {
                return false
            }
        }
        return true
    }
}
