/// Makes text from decks, the database and the keyboard safe to write to a terminal.
///
/// A terminal obeys control characters: an escape sequence in a deck could set the window
/// title, write the clipboard (OSC 52), plant a hyperlink, clear the screen, or ask the
/// terminal to answer (`ESC[6n`), and bidirectional overrides make text read differently from
/// what it is. So every string that did not come from this program is passed through `safe`
/// before it reaches a terminal, and `StandardOutput` runs `guarded` over everything as a
/// last line of defence, letting through only our own colour sequences.
///
/// The visible forms, one for each kind, so a reader can tell what was there:
/// - ESC is shown as `\e`;
/// - every other C0 control, DEL and every C1 control (U+0080–U+009F) as `\xNN` (two lowercase
///   hex digits), e.g. BEL as `\x07`, CR as `\x0d`, CSI as `\x9b`;
/// - bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates,
///   U+200E/U+200F marks and U+061C) as `\u202E` (four uppercase hex digits, which also
///   reads as a valid escape inside a JSON string);
/// - newline and tab pass unchanged in text, and are shown as `\n` and `\t` in single-line
///   cells (`safeLine`), where they would break a table's columns.
///
/// Backslashes are left alone: a deck that spells `\e` itself shows the same thing, which
/// can mislead no one into running anything.
package enum TerminalText {
    /// `text` with every control character other than newline and tab made visible.
    package static func safe(_ text: String) -> String {
        guard needsEscaping(text, keepingLineBreaks: true) else { return text }
        return escaped(text, keepingLineBreaks: true)
    }

    /// `text` for one cell of one line (a table cell, a name): newlines and tabs too are shown
    /// as `\n` and `\t`.
    package static func safeLine(_ text: String) -> String {
        guard needsEscaping(text, keepingLineBreaks: false) else { return text }
        return escaped(text, keepingLineBreaks: false)
    }

    /// Output about to be written to a terminal, with our own colour sequences kept: an
    /// `ESC [` followed by digits and semicolons and ending in `m` passes, and so does a CR
    /// right before a newline (CSV rows end so); any other control character is escaped as
    /// `safe` would. A path that forgot `safe` is still harmless.
    package static func guarded(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isControl($0, keepingLineBreaks: true) }) else { return text }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}", let end = endOfColorSequence(scalars, from: index) {
                result.append(contentsOf: scalars[index...end])
                index = end + 1
                continue
            }
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                result.append(scalar)
            } else {
                appendVisible(scalar, to: &result, keepingLineBreaks: true)
            }
            index += 1
        }
        return String(result)
    }

    /// Whether the scalar must not reach a terminal as it is.
    package static func isControl(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return !keepingLineBreaks }
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
    }

    /// Embeddings, overrides, isolates and marks: they reorder what the reader sees.
    package static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
            || value == 0x200F || value == 0x061C
    }

    private static func needsEscaping(_ text: String, keepingLineBreaks: Bool) -> Bool {
        text.unicodeScalars.contains { isControl($0, keepingLineBreaks: keepingLineBreaks) }
    }

    private static func escaped(_ text: String, keepingLineBreaks: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            appendVisible(scalar, to: &result, keepingLineBreaks: keepingLineBreaks)
        }
        return String(result)
    }

    private static func appendVisible(
        _ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView, keepingLineBreaks: Bool
    ) {
        guard isControl(scalar, keepingLineBreaks: keepingLineBreaks) else {
            result.append(scalar)
            return
        }
        let value = scalar.value
        let shown: String
        switch value {
        case 0x1B: shown = "\\e"
        case 0x0A: shown = "\\n"
        case 0x09: shown = "\\t"
        case 0..<0x100: shown = "\\x" + hex(value, digits: 2)
        default: shown = "\\u" + hex(value, digits: 4).uppercased()
        }
        result.append(contentsOf: shown.unicodeScalars)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The index of the `m` that ends an SGR sequence starting at `start` (`ESC [ 0-9; … m`),
    /// or nil when the escape starts anything else.
    private static func endOfColorSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
        var index = start + 2
        // Our sequences are short; a long run of parameters is not ours.
        while index < scalars.count, index - start <= 16 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
            index += 1
        }
        return nil
    }
}
