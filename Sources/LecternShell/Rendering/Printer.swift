import LecternCore

/// Everything the shell prints goes through here. Each helper makes its text safe
/// (`TerminalText`) before adding our own colour: deck text, learner names and typed words
/// can hold escape sequences, which must be shown, never obeyed.
package final class Printer {
    package let output: any ShellOutput
    package let styler: Styler
    /// On a terminal text is wrapped to its width; in scripted mode lines stay whole, for
    /// the programs that parse them.
    let wraps: Bool
    /// Columns to wrap at; read on each use so a resized terminal is respected.
    let columns: () -> Int

    init(output: any ShellOutput, colorEnabled: Bool, wraps: Bool, columns: @escaping () -> Int) {
        self.output = output
        self.styler = Styler(colorEnabled: colorEnabled)
        self.wraps = wraps
        self.columns = columns
    }

    /// Writes text wrapped to the terminal. Wrapping measures the visible form, so an
    /// escaped control character takes its columns.
    func say(_ text: String, style: TextStyle = .plain, indent: String = "") {
        let safe = TerminalText.safe(text)
        let body = wraps ? TextWrapper.wrap(safe, width: columns(), indent: indent) : indent + safe
        output.write(styler.apply(style, body) + "\n")
    }

    /// A styled term and plain text after it on one line (help's `name  summary`).
    func say(term: String, style: TextStyle, then rest: String) {
        let term = TerminalText.safe(term)
        let plain = term + TerminalText.safe(rest)
        let body = wraps ? TextWrapper.wrap(plain, width: columns()) : plain
        guard body.hasPrefix(term) else {
            output.write(body + "\n")
            return
        }
        output.write(styler.apply(style, term) + body.dropFirst(term.count) + "\n")
    }

    /// One line of a session, its leading spaces kept as the wrapped text's indent.
    func show(_ line: StyledLine) {
        let leading = String(line.text.prefix { $0 == " " })
        let body = String(line.text.dropFirst(leading.count))
        if body.isEmpty {
            output.write("\n")
        } else {
            say(body, style: line.style, indent: leading)
        }
    }

    /// Writes preformatted text (tables, diagnostics) as it is. The producers made their
    /// cells safe and added colour themselves; `StandardOutput` still guards the result.
    func sayVerbatim(_ text: String) {
        guard !text.isEmpty else { return }
        // Compare scalars: "\r\n" (CSV) is one Character, which hasSuffix("\n") would miss.
        output.write(text.unicodeScalars.last == "\n" ? text : text + "\n")
    }

    /// Writes data (CSV, JSON) whose bytes must stay exact in a file or a pipe; on a terminal
    /// `StandardOutput` still escapes its control characters.
    func sayData(_ text: String) {
        guard !text.isEmpty else { return }
        output.writeExact(text.unicodeScalars.last == "\n" ? text : text + "\n")
    }

    /// `error: message` on standard error, after `position` (`stdin:3: `) when there is one.
    func error(_ message: String, position: String = "") {
        output.writeError(position + styler.apply(.error, "error:") + " " + TerminalText.safe(message) + "\n")
    }

    func warn(_ message: String) {
        output.writeError(styler.apply(.warning, "warning:") + " " + TerminalText.safe(message) + "\n")
    }
}
