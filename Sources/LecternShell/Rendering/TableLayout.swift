import LecternCore

/// Aligns rows of cells into columns, measuring with terminal widths so Chinese titles
/// line up. The last cell of a row is never padded.
enum TableLayout {
    /// Each cell is made safe for one line first (`TerminalText.safeLine`): cells hold deck
    /// titles, tags and learner names, and widths must count what the terminal will show.
    static func columns(_ rows: [[String]], separator: String = "  ") -> String {
        let rows = rows.map { $0.map(TerminalText.safeLine) }
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (index, cell) in row.enumerated() where index < row.count - 1 {
                widths[index] = max(widths[index], TerminalWidth.of(cell))
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[index] - TerminalWidth.of(cell))
            }.joined(separator: separator)
        }.joined(separator: "\n")
    }
}
