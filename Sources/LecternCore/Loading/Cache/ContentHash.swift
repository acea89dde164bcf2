/// A fast 64-bit hash of file contents, written here: FNV-1a's multiply-and-xor taken eight
/// bytes at a time, with a final mix so that every input bit reaches every output bit.
///
/// It tells an edited deck from the one cached (with the size, the mtime and the path beside
/// it), not a forgery from the original: the cache guards against accidents, and a hand that
/// can write the cache folder can write the decks too.
enum ContentHash {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash = offsetBasis ^ UInt64(buffer.count)
        var index = 0
        while index + 8 <= buffer.count {
            let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            hash = (hash ^ word) &* prime
            hash ^= hash >> 29
            index += 8
        }
        while index < buffer.count {
            hash = (hash ^ UInt64(buffer[index])) &* prime
            index += 1
        }
        return mix(hash)
    }

    static func of(_ text: String) -> UInt64 {
        var copy = text
        return copy.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// The finaliser of a 64-bit mixer (xor-shift and multiply, twice).
    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }
}
