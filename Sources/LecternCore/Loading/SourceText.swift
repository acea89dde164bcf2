/// Checks on the raw text that must happen before YAML parsing, so that the author hears
/// about the real problem (bad bytes, a BOM, tabs) instead of a confusing parser message.
enum SourceText {
    enum Decoded {
        case text(String)
        case invalid(Diagnostic)
    }

    /// Decodes `bytes` as UTF-8, or reports the first invalid byte by line and column.
    static func decodeUTF8(_ bytes: [UInt8], path: String) -> Decoded {
        // The standard library validates a whole buffer at once; only a file that fails it is
        // walked scalar by scalar, to say where.
        if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .error(let length):
                let shown = bytes[offset..<min(bytes.count, offset + max(length, 1))]
                    .map { byte in "0x" + String(byte, radix: 16, uppercase: true) }
                    .joined(separator: " ")
                let location = SourceLocation(file: path, line: line, column: column)
                return .invalid(
                    .error(
                        "not-utf8", at: location,
                        "the file is not valid UTF-8 here (byte \(shown)); save it as UTF-8"))
            case .emptyInput:
                return .text(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    /// Removes a leading byte-order mark, with a warning, so the rest of the file loads.
    static func strippingBOM(_ text: String, path: String) -> (text: String, diagnostic: Diagnostic?) {
        guard text.unicodeScalars.first == "\u{FEFF}" else { return (text, nil) }
        let location = SourceLocation(file: path, line: 1, column: 1)
        let warning = Diagnostic.warning(
            "bom", at: location,
            "the file starts with a byte-order mark (BOM); it was ignored, but save the file as UTF-8 without BOM")
        return (String(text.unicodeScalars.dropFirst()), warning)
    }

    /// One error per line whose indentation contains a tab; YAML indents with spaces only.
    static func tabIndentation(in text: String, path: String) -> [Diagnostic] {
        withBytes(of: text) { tabIndentation(in: $0, path: path) }
    }

    /// `body` over the text's UTF-8 bytes in place (a copy only when the text is not stored
    /// contiguously): these scans run over every byte of every deck, and a buffer is several
    /// times faster to walk than `String.UTF8View`.
    private static func withBytes<T>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private static func tabIndentation(in bytes: UnsafeBufferPointer<UInt8>, path: String) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        var line = 1
        var column = 1
        var inIndentation = true
        var tabColumn: Int?
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                column = 1
                inIndentation = true
                tabColumn = nil
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "\t"):
                if inIndentation && tabColumn == nil { tabColumn = column }
            default:
                if inIndentation, let tab = tabColumn {
                    findings.append(
                        .error(
                            "tab-indent", at: SourceLocation(file: path, line: line, column: tab),
                            "tab in indentation; YAML indents with spaces only, so replace the tab with spaces"))
                }
                inIndentation = false
            }
            if byte & 0xC0 != 0x80 { column += 1 }  // columns count Unicode scalars, not UTF-8 bytes
        }
        return findings
    }

    /// Where a generous count of possible YAML nodes first passes `limit`, or nil.
    ///
    /// Every node needs a line, a `,`, a `[`, a `{`, a `- ` or a `: ` of its own, so counting
    /// those bounds the node count from above without parsing.
    static func nodeBudgetExceeded(in text: String, limit: Int) -> (line: Int, column: Int)? {
        withBytes(of: text) { nodeBudgetExceeded(in: $0, limit: limit) }
    }

    private static func nodeBudgetExceeded(in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (
        line: Int, column: Int
    )? {
        var count = 0
        var line = 1
        var column = 1
        var previous = UInt8(ascii: "\n")
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"): count += 1
            case UInt8(ascii: " ") where previous == UInt8(ascii: "-") || previous == UInt8(ascii: ":"): count += 1
            default: break
            }
            if count > limit { return (line, column) }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            previous = byte
        }
        return nil
    }

    /// The 1-based line and column (in Unicode scalars) of a Character offset into `text`.
    static func location(ofCharacterOffset offset: Int, in text: String, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourceLocation(file: path, line: line, column: column)
    }
}
