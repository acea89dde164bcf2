/// Aligns text in columns measured in terminal cells (``TerminalWidth``), so a Chinese deck
/// title, a tag with an accent or an emoji in a learner's name does not push a column out of
/// line. The one place the project pads cells: listings, result tables, stats, the coverage
/// report and the benchmark tables all use it.
package enum TextColumns {
    /// `text` followed by spaces up to `width` cells, and at least `minimumGap` spaces even
    /// when `text` is already that wide.
    package static func padRight(_ text: String, _ width: Int, minimumGap: Int = 0) -> String {
        text + String(repeating: " ", count: max(minimumGap, width - TerminalWidth.of(text)))
    }

    /// Spaces up to `width` cells, then `text` (numbers line up on their last digit).
    package static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - TerminalWidth.of(text))) + text
    }

    /// The widest cell of each column. With `countingLastCells: false` the last cell of each
    /// row is left out, for layouts that never pad it.
    package static func widths(_ rows: [[String]], countingLastCells: Bool = true) -> [Int] {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows {
            for (index, cell) in row.enumerated() where countingLastCells || index < row.count - 1 {
                widths[index] = max(widths[index], TerminalWidth.of(cell))
            }
        }
        return widths
    }

    /// One line per row, cells joined by `separator`, each padded to its column's width (on
    /// the left where `alignsRight` says so). With `padsLastCell: false` a row's last cell is
    /// written as it is and does not widen its column.
    package static func lines(
        _ rows: [[String]], separator: String = "  ", padsLastCell: Bool = true,
        alignsRight: (Int) -> Bool = { _ in false }
    ) -> [String] {
        let widths = widths(rows, countingLastCells: padsLastCell)
        return rows.map { row in
            row.enumerated().map { index, cell in
                if !padsLastCell && index == row.count - 1 { return cell }
                return alignsRight(index) ? padLeft(cell, widths[index]) : padRight(cell, widths[index])
            }.joined(separator: separator)
        }
    }
}
