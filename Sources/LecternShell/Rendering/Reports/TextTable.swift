import LecternCore

/// Aligned columns for a terminal: two spaces between columns, numbers to the right, line
/// breaks inside a cell shown as `\n` so each answer stays on one line, tabs as a space, and
/// other control characters (a learner's stray escape sequence) in `TerminalText`'s visible
/// form so they cannot drive the terminal.
package enum TextTable {
    static func render(_ table: ResultTable) -> String {
        let header = table.columns.map(\.name)
        let body = table.rows.map { $0.map(text(of:)) }
        let widths = TextColumns.widths([header] + body)
        let rule = widths.map { String(repeating: "-", count: $0) }
        return TextColumns.lines([header, rule] + body) { table.columns[$0].alignsRight }.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    static func text(of cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let text): visible(text)
        case .number(let text): text
        case .flag(let value): value ? "yes" : "no"
        case .none: ""
        }
    }

    package static func visible(_ text: String) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return TerminalText.safeLine(unified.replacingOccurrences(of: "\t", with: " "))
    }
}
