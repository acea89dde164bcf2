/// The refusals that need the text itself: anchor/alias pairs found before libyaml runs, the
/// alias that repeats a refused anchor, and the quote that opened an unclosed string.
extension YAMLComposer {
    /// One error at the anchor and, when it can be found, one at the first alias of it.
    static func aliasFindings(anchor: String, at mark: YAMLNode.Mark?, text: String, path: String) -> [Diagnostic] {
        var findings: [Diagnostic] = [
            .error(
                "yaml-alias", at: location(mark, path),
                "YAML anchors and aliases (&\(anchor), *\(anchor)) are not allowed in decks; write the value out in full"
            )
        ]
        if let offset = firstAlias(named: anchor, in: text) {
            findings.append(
                .error(
                    "yaml-alias", at: SourceText.location(ofCharacterOffset: offset, in: text, path: path),
                    "alias '*\(anchor)' repeats an anchored value; write the value out in full"))
        }
        return findings
    }

    /// An anchor `&name` and an alias `*name` of the same name, each where a YAML node may
    /// start (after whitespace, `[`, `{` or `,`). Prose almost never has such a pair, and
    /// every alias bomb must.
    static func anchorAliasPairs(in text: String, path: String) -> [Diagnostic] {
        // Bytes, not scalars: every byte this looks for is ASCII, and UTF-8 never uses
        // ASCII bytes inside a multi-byte character. Columns count scalars, as libyaml does.
        var anchors: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var previous = UInt8(ascii: " ")
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [Diagnostic] in
            func isNodeStart(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x5B || byte == 0x7B
                    || byte == 0x2C
            }
            func endsName(_ byte: UInt8) -> Bool {
                isNodeStart(byte) || byte == 0x5D || byte == 0x7D
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isNodeStart(previous), byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*") {
                    var end = index + 1
                    while end < bytes.count, !endsName(bytes[end]) { end += 1 }
                    if end > index + 1 {
                        let label = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                        if byte == UInt8(ascii: "&") {
                            if anchors[label] == nil { anchors[label] = (line, column) }
                        } else if let anchor = anchors[label] {
                            return [
                                .error(
                                    "yaml-alias",
                                    at: SourceLocation(file: path, line: anchor.line, column: anchor.column),
                                    "YAML anchors and aliases (&\(label.shortened), *\(label.shortened)) are not allowed in decks; write the value out in full"
                                ),
                                .error(
                                    "yaml-alias", at: SourceLocation(file: path, line: line, column: column),
                                    "alias '*\(label.shortened)' repeats an anchored value; write the value out in full"
                                ),
                            ]
                        }
                    }
                }
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1  // the first byte of a scalar
                }
                previous = byte
                index += 1
            }
            return []
        }
            ?? {
                var contiguous = text
                contiguous.makeContiguousUTF8()
                return anchorAliasPairs(in: contiguous, path: path)
            }()
    }

    /// The Character offset of `*name` used as an alias (followed by a non-name character).
    ///
    /// Linear: libyaml's anchor names hold no `*`, so a partial match never overlaps the
    /// next candidate, and each candidate is compared in place without copying.
    private static func firstAlias(named name: String, in text: String) -> Int? {
        let needle = Array("*" + name)
        let characters = Array(text)
        guard characters.count >= needle.count else { return nil }
        let stops: Set<Character> = [" ", "\n", "\r\n", ",", "]", "}", "\t"]
        for start in 0...(characters.count - needle.count)
        where characters[start] == "*" && characters[start..<start + needle.count].elementsEqual(needle) {
            let after = start + needle.count
            if after == characters.count || stops.contains(characters[after]) { return start }
        }
        return nil
    }

    /// The opening quote of the quoted scalar libyaml was scanning when it failed: the
    /// quote at the reported start, else the first quote on that line at or after its column
    /// (the mark can sit on the scalar rather than its quote); nil when the line has none.
    static func openingQuote(line wanted: Int, column: Int, in text: String, path: String) -> SourceLocation? {
        var lineNumber = 1
        var lineText: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == wanted {
                lineText = line
                break
            }
            lineNumber += 1
        }
        guard let lineText else { return nil }
        // Columns count Unicode scalars, as libyaml's marks do.
        let scalars = Array(lineText.unicodeScalars)
        let from = max(0, column - 1)
        guard from < scalars.count,
            let index = scalars[from...].firstIndex(where: { $0 == "\"" || $0 == "'" })
        else { return nil }
        return SourceLocation(file: path, line: wanted, column: index + 1)
    }
}
