import CQREncode

/// A QR code for a short text (the student page's address with the join code), encoded by
/// libqrencode: a well-kept encoder rather than one of our own, since a code that scans
/// wrongly in a classroom is worse than none.
package struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version).
    package let size: Int
    /// Row-major, true for a dark module.
    package let modules: [Bool]

    /// The longest text encoded: a join address is under a hundred bytes; this keeps any
    /// code small enough to scan from the back of a room.
    package static let maxBytes = 256

    /// Encodes `text` (UTF-8, byte mode, error correction level M); nil when it is empty,
    /// too long or the encoder refuses it.
    package init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= Self.maxBytes, !text.utf8.contains(0) else { return nil }
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        size = width
        // Bit 0 of each byte is the module's colour; the other bits are the encoder's notes.
        modules = (0..<(width * width)).map { data[$0] & 1 == 1 }
    }

    package subscript(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }
}
