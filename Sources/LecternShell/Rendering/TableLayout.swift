import LecternCore

/// Aligns rows of cells into columns, measuring with terminal widths so Chinese titles
/// line up. The last cell of a row is never padded.
enum TableLayout {
    /// Each cell is made safe for one line first (`TerminalText.safeLine`): cells hold deck
    /// titles, tags and learner names, and widths must count what the terminal will show.
    static func columns(_ rows: [[String]], separator: String = "  ") -> String {
        TextColumns.lines(rows.map { $0.map(TerminalText.safeLine) }, separator: separator, padsLastCell: false)
            .joined(separator: "\n")
    }
}
