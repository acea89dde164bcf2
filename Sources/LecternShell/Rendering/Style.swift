/// The few looks the shell uses. Call sites name the meaning; this file owns the escapes.
public enum Style: Sendable {
    case plain, bold, heading, dim, good, bad, partial, warning, accent, prompt

    var escape: String {
        switch self {
        case .plain: ""
        case .bold: "\u{1B}[1m"
        case .heading: "\u{1B}[1;36m"
        case .dim: "\u{1B}[2m"
        case .good: "\u{1B}[32m"
        case .bad: "\u{1B}[31m"
        case .partial: "\u{1B}[33m"
        case .warning: "\u{1B}[33m"
        case .accent: "\u{1B}[1;34m"
        case .prompt: "\u{1B}[1;32m"
        }
    }
}

/// Applies styles, or returns the text untouched when colour is off.
public struct Styler: Sendable {
    public let colorEnabled: Bool

    public init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    public func apply(_ style: Style, _ text: String) -> String {
        guard colorEnabled, style != .plain, !text.isEmpty else { return text }
        return style.escape + text + "\u{1B}[0m"
    }
}
