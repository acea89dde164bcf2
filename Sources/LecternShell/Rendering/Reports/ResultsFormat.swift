/// How `results` prints: for a terminal, for a spreadsheet, or for a program.
package enum ResultsFormat: String, Sendable, CaseIterable {
    /// Aligned columns, wide characters counted as two.
    case table
    /// RFC 4180: header row, CRLF line ends, fields quoted when they need it.
    case csv
    /// An array of objects whose keys keep the column order.
    case json
}
