import LecternCore

/// Aligned columns for a terminal: two spaces between columns, numbers to the right, line
/// breaks inside a cell shown as `\n` so each answer stays on one line, tabs as a space, and
/// other control characters (a learner's stray escape sequence) in `TerminalText`'s visible
/// form so they cannot drive the terminal.
enum TextTable {
    static func render(_ table: ResultTable) -> String {
        let header = table.columns.map(\.name)
        let body = table.rows.map { $0.map(text(of:)) }
        var widths = header.map(TerminalWidth.of)
        for row in body {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], TerminalWidth.of(cell))
            }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        return ([header, rule] + body).map { cells in
            var line = ""
            for (index, cell) in cells.enumerated() {
                let padding = String(
                    repeating: " ", count: widths[index] - TerminalWidth.of(cell))
                if index > 0 { line += "  " }
                line += table.columns[index].alignsRight ? padding + cell : cell + padding
            }
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

    static func visible(_ text: String) -> String {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return TerminalText.safeLine(unified.replacingOccurrences(of: "\t", with: " "))
    }
}
