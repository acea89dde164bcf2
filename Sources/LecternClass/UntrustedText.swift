import LecternCore

/// Text from a client, made safe before it reaches another screen.
///
/// Answers, names and message types travel to the teacher's terminal and, in histograms,
/// to every student's: a control character there could clear a screen, retitle a window or
/// hide text, and a bidirectional override could make one answer read as another. The
/// judgement of what is a control character is `TerminalText`'s, shared with the shells.
enum UntrustedText {
    /// Whether `text` holds a control character (newline and tab included) or a bidirectional control.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { TerminalText.isControl($0, keepingLineBreaks: false) }
    }

    /// `text` cut to `limit` characters, with controls shown in a visible form, for quoting
    /// a client's words back in an error.
    static func quoted(_ text: String, limit: Int = 40) -> String {
        TerminalText.safeLine(text.count > limit ? String(text.prefix(limit)) + "…" : text)
    }
}
