/// The one vocabulary of looks: what a piece of text means to the reader. Sessions,
/// diagnostics, reports and the shell name meanings; only this file knows the escapes, and
/// `Styler` leaves text untouched when colour is off (a pipe, `NO_COLOR`, `--color never`).
package enum TextStyle: String, Sendable, Equatable, CaseIterable {
    case plain
    /// Emphasis: a command name in `help`, a diagnostic's location and message.
    case bold
    /// A title: the banner, a session's or a report's first line.
    case heading
    /// Secondary text: hints about what to type, a deck title under its id.
    case dim
    /// Right, partly right and wrong answers.
    case good, partial, bad
    /// A question's prompt inside a session.
    case question
    /// A hint shown on request.
    case hint
    /// A cited source paragraph.
    case source
    /// The shell's own prompt.
    case prompt
    /// The labels `error:`, `warning:` and `note:`.
    case error, warning, note

    /// The SGR parameters; empty for plain text.
    var parameters: String {
        switch self {
        case .plain: ""
        case .bold, .question: "1"
        case .heading, .note: "1;36"
        case .dim, .source: "2"
        case .good: "32"
        case .partial: "33"
        case .bad: "31"
        case .hint: "1;34"
        case .prompt: "1;32"
        case .error: "1;31"
        case .warning: "1;33"
        }
    }

    /// The escape that turns this look on.
    package var escape: String { parameters.isEmpty ? "" : "\u{1B}[\(parameters)m" }

    /// The escape that turns every look off.
    package static let reset = "\u{1B}[0m"
}

/// Applies looks, or returns the text untouched when colour is off.
package struct Styler: Sendable {
    package let colorEnabled: Bool

    package init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    package func apply(_ style: TextStyle, _ text: String) -> String {
        guard colorEnabled, style != .plain, !text.isEmpty else { return text }
        return style.escape + text + TextStyle.reset
    }
}
