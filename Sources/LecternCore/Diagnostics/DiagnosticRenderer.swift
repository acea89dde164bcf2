import Foundation

/// The one place findings become text: `file:line:col: severity: message [rule]` with the
/// source line and a caret, a summary line, or JSON for tools.
///
/// Everything returns strings; callers decide where to print them and how to exit.
package enum DiagnosticRenderer {
    /// Each finding with its source line and a caret under the column, joined by newlines
    /// (no trailing newline; empty when there are no findings).
    ///
    /// `source` returns the text of a file by the path the finding names, or nil when it is
    /// not available, in which case only the header line is shown.
    package static func text(_ diagnostics: [Diagnostic], color: Bool = false, source: (String) -> String?) -> String {
        var lines: [String: SourceLines?] = [:]
        // Each line's scalars once, however many findings point into it: a one-line file of
        // megabytes may carry a finding per key.
        var scalars: [SourceLocation: [Unicode.Scalar]] = [:]
        return diagnostics.map { diagnostic in
            let file = diagnostic.location.file
            if lines[file] == nil { lines[file] = .some(source(file).map(SourceLines.init)) }
            guard let known = lines[file], let line = known?.line(diagnostic.location.line) else {
                return render(diagnostic, scalars: nil, color: color)
            }
            let key = SourceLocation(file: file, line: diagnostic.location.line, column: 0)
            let lineScalars = scalars[key] ?? Array(line.unicodeScalars)
            scalars[key] = lineScalars
            return render(diagnostic, scalars: lineScalars, color: color)
        }.joined(separator: "\n")
    }

    /// `text(_:color:source:)` with the sources given as a map from path to text.
    package static func text(_ diagnostics: [Diagnostic], sources: [String: String], color: Bool = false) -> String {
        text(diagnostics, color: color) { sources[$0] }
    }

    /// One finding: the header, then (when `line` is given) the line and a caret under the column.
    package static func render(_ diagnostic: Diagnostic, line: String?, color: Bool = false) -> String {
        render(diagnostic, scalars: line.map { Array($0.unicodeScalars) }, color: color)
    }

    /// Lines longer than this many scalars are shown as a window of this length around the
    /// column, so a finding on a line of megabytes costs and prints what any other does.
    static let excerptLength = 160

    private static func render(_ diagnostic: Diagnostic, scalars line: [Unicode.Scalar]?, color: Bool) -> String {
        let style = Styler(colorEnabled: color)
        let severityStyle: TextStyle =
            diagnostic.severity == .error ? .error : diagnostic.severity == .warning ? .warning : .note
        // The path, the message (which quotes deck keys and values) and the source line all
        // come from the deck: shown in their safe form, so a deck's escapes are read, not run.
        var output =
            style.apply(.bold, "\(TerminalText.safeLine(diagnostic.location.description)):") + " "
            + style.apply(severityStyle, "\(diagnostic.severity.rawValue):") + " "
            + style.apply(.bold, TerminalText.safe(diagnostic.message))
            + " [\(TerminalText.safeLine(diagnostic.rule))]"
        guard let line else { return output }
        let (shown, caret) = excerpt(line, column: diagnostic.location.column)
        output += "\n" + shown + "\n" + String(repeating: " ", count: caret) + style.apply(.good, "^")
        return output
    }

    /// The line (without a final CR, tabs shown as one space each so the caret stays under its
    /// column) or, when it is long, the window of it around `column` marked with `…` at each
    /// cut end; and the caret's terminal column.
    static func excerpt(_ line: [Unicode.Scalar], column: Int) -> (text: String, caret: Int) {
        let end = line.last == "\r" ? line.count - 1 : line.count
        let target = min(max(0, column - 1), end)
        var start = 0
        var stop = end
        if end > excerptLength {
            start = max(0, min(target - excerptLength / 2, end - excerptLength))
            stop = start + excerptLength
        }
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(line[range].lazy.map { $0 == "\t" ? " " : $0 }))
        }
        // Deck text is shown in its safe form, so a deck's escapes are read, not run; the caret
        // goes under the column's visible form, since an escaped character is wider.
        let before = (start > 0 ? "…" : "") + TerminalText.safeLine(text(start..<target))
        let after = TerminalText.safeLine(text(target..<stop)) + (stop < end ? "…" : "")
        return (before + after, TerminalWidth.of(before))
    }

    /// `2 errors, 1 warning in 3 files`.
    package static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let notes = diagnostics.filter { $0.severity == .note }.count
        var parts = [CountedNoun.text(errors, "error"), CountedNoun.text(warnings, "warning")]
        if notes > 0 { parts.append(CountedNoun.text(notes, "note")) }
        return parts.joined(separator: ", ") + " in " + CountedNoun.text(files, "file")
    }

    /// A JSON array of `{"file","line","column","severity","rule","message"}`, keys in that
    /// order, one finding per line, so that output is stable for tools and tests.
    package static func json(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]" }
        let objects = diagnostics.map { diagnostic in
            "  {\"file\":\(JSONText.quoted(diagnostic.location.file)),\"line\":\(diagnostic.location.line),"
                + "\"column\":\(diagnostic.location.column),\"severity\":\(JSONText.quoted(diagnostic.severity.rawValue)),"
                + "\"rule\":\(JSONText.quoted(diagnostic.rule)),\"message\":\(JSONText.quoted(diagnostic.message))}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]"
    }
}
