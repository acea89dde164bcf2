import LecternCore

/// Wraps text to a terminal width, counting East Asian wide characters as two columns.
///
/// Words break at spaces; text without spaces (Chinese, long URLs) breaks between
/// characters, so no line is ever wider than the terminal.
package enum TextWrapper {
    package static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: width, indent: indent) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int, indent: String) -> String {
        let limit = max(10, width)
        let indentWidth = TerminalWidth.of(indent)
        if TerminalWidth.of(indent + line) <= limit { return indent + line }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        func flush() {
            lines.append(indent + current)
            current = ""
            currentWidth = 0
        }
        for word in tokens(of: line) {
            let wordWidth = TerminalWidth.of(word)
            let isSpace = word == " "
            if isSpace {
                if currentWidth > 0, indentWidth + currentWidth + 1 <= limit {
                    current += " "
                    currentWidth += 1
                }
                continue
            }
            if indentWidth + currentWidth + wordWidth <= limit {
                current += word
                currentWidth += wordWidth
                continue
            }
            if currentWidth > 0 {
                while current.hasSuffix(" ") { current.removeLast() }
                flush()
            }
            if indentWidth + wordWidth <= limit {
                current = word
                currentWidth = wordWidth
                continue
            }
            // A word wider than the line: break it between characters.
            for character in word {
                let w = TerminalWidth.of(character)
                if indentWidth + currentWidth + w > limit, currentWidth > 0 { flush() }
                current.append(character)
                currentWidth += w
            }
        }
        if currentWidth > 0 || lines.isEmpty { lines.append(indent + current) }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// Splits into words and single spaces; each wide character is its own word so that
    /// Chinese text can break anywhere, as it is typeset.
    static func tokens(of line: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        for character in line {
            if character == " " {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(" ")
            } else if TerminalWidth.of(character) == 2 {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(String(character))
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { tokens.append(word) }
        return tokens
    }
}
