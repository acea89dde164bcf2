/// Text from a client, made safe before it reaches another screen.
///
/// Answers, names and message types travel to the teacher's terminal and, in histograms,
/// to every student's: a control character there could clear a screen, retitle a window or
/// hide text, and a bidirectional override could make one answer read as another.
enum UntrustedText {
    /// Whether `text` holds a control character or a bidirectional override or isolate.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
        }
    }

    /// `text` cut to `limit` characters with anything unprintable shown as `?`, for quoting
    /// a client's words back in an error.
    static func quoted(_ text: String, limit: Int = 40) -> String {
        let cut = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return String(
            String.UnicodeScalarView(cut.unicodeScalars.map { hasControlCharacters(String($0)) ? "?" : $0 }))
    }
}
