/// A text's lines, found once by a scan of its bytes, so that showing the line of each of
/// thousands of findings does not walk a large file by `Character` again and again.
///
/// Lines end where `Character.isNewline` says (LF, CR, CR LF, VT, FF, NEL, LS, PS): a newline
/// is always a grapheme of its own, so these bytes are exactly where splitting the text by
/// `Character` would cut it.
struct SourceLines {
    private let text: String
    /// The UTF-8 offset where each line starts, and where each ends (before its newline).
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let width = Self.newlineWidth(bytes, at: index)
                guard width > 0 else {
                    index += 1
                    continue
                }
                starts.append(start)
                ends.append(index)
                index += width
                start = index
            }
            starts.append(start)
            ends.append(bytes.count)
        }
    }

    /// Line `number` (1-based) without its newline; nil past the last line.
    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= starts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
        let end = utf8.index(utf8.startIndex, offsetBy: ends[number - 1])
        return text[start..<end]
    }

    /// The length in bytes of the newline at `index`, or 0 when none starts there.
    private static func newlineWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A, 0x0B, 0x0C: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default: return 0
        }
    }
}
