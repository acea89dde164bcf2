/// GIFT text as scalars that remember where they came from and whether they were escaped,
/// so the reader can tell syntax (`{`, `=`, `~`, `#`) from text and point findings at the
/// exact line and column, even after escapes are folded.
struct GIFTMark: Sendable {
    var scalar: Unicode.Scalar
    var line: Int
    var column: Int
    /// True when the scalar came from an escape (`\~`, `\n`…): always text, never syntax.
    var escaped: Bool

    func isSyntax(_ character: Unicode.Scalar) -> Bool { !escaped && scalar == character }
}

extension Array where Element == GIFTMark {
    /// The plain text, escapes already folded, surrounding whitespace trimmed.
    var plain: String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: map(\.scalar))
        return String(text).trimmingWhitespace
    }

    /// Index of the first syntactic `character` at or after `start`.
    func firstSyntax(_ character: Unicode.Scalar, from start: Int = 0) -> Int? {
        guard start < count else { return nil }
        return self[start...].firstIndex { $0.isSyntax(character) }
    }

    /// Index of the first syntactic two-scalar sequence `a b` at or after `start`.
    func firstSyntax(_ a: Unicode.Scalar, _ b: Unicode.Scalar, from start: Int = 0) -> Int? {
        var index = start
        while index + 1 < count {
            if self[index].isSyntax(a) && self[index + 1].isSyntax(b) { return index }
            index += 1
        }
        return nil
    }

    /// Without leading and trailing whitespace (escaped newlines are text and stay).
    var trimmed: [GIFTMark] {
        guard let first = firstIndex(where: { $0.escaped || !$0.scalar.properties.isWhitespace }),
            let last = lastIndex(where: { $0.escaped || !$0.scalar.properties.isWhitespace })
        else { return [] }
        return Array(self[first...last])
    }

    var isBlank: Bool { trimmed.isEmpty }

    func location(_ index: Int, file: String) -> SourceLocation {
        guard !isEmpty else { return SourceLocation(file: file, line: 1, column: 1) }
        let mark = self[Swift.min(Swift.max(0, index), count - 1)]
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}

/// Splits GIFT text into question blocks the way Moodle does: blank lines separate
/// questions, lines starting with `//` are comments (also inside a question), and a
/// `$CATEGORY:` line names the category of the questions after it.
enum GIFTBlocks {
    struct Block {
        var marks: [GIFTMark]
        var category: String?
        /// The question's `//` comment lines, where Moodle looks for `[id:…]` and `[tag:…]`.
        var comments: [String] = []
    }

    /// The escapes GIFT defines; any other backslash is kept as text.
    static let escapable: Set<Unicode.Scalar> = ["~", "=", "#", "{", "}", ":", "\\"]

    static func split(_ text: String) -> [Block] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        var blocks: [Block] = []
        var current: [GIFTMark] = []
        var comments: [String] = []
        var category: String?
        func finish() {
            if !current.isBlank { blocks.append(Block(marks: current, category: category, comments: comments)) }
            current = []
            comments = []
        }
        let lines = body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, rawLine) in lines.enumerated() {
            var line = Substring(rawLine)
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            let stripped = line.trimmingWhitespace
            if stripped.isEmpty {
                finish()
                continue
            }
            if stripped.hasPrefix("//") {
                comments.append(String(stripped.dropFirst(2)))
                continue
            }
            if stripped.hasPrefix("$CATEGORY:") {
                finish()
                category = String(stripped.dropFirst("$CATEGORY:".count)).trimmingWhitespace
                continue
            }
            if !current.isEmpty {
                let last = current[current.count - 1]
                current.append(GIFTMark(scalar: "\n", line: last.line, column: last.column + 1, escaped: false))
            }
            current += marks(of: line, line: offset + 1)
        }
        finish()
        return blocks
    }

    /// One line's scalars with escapes folded: `\n` becomes a newline, `\~` a tilde.
    private static func marks(of line: Substring, line number: Int) -> [GIFTMark] {
        let scalars = Array(line.unicodeScalars)
        var marks: [GIFTMark] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                let next = scalars[index + 1]
                if next == "n" || escapable.contains(next) {
                    marks.append(
                        GIFTMark(scalar: next == "n" ? "\n" : next, line: number, column: index + 1, escaped: true))
                    index += 2
                    continue
                }
            }
            marks.append(GIFTMark(scalar: scalar, line: number, column: index + 1, escaped: false))
            index += 1
        }
        return marks
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
