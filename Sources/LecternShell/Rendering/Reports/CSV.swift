/// RFC 4180 output: a header row, CRLF after every record, and a field in double quotes
/// (inner quotes doubled) when it holds a comma, a quote, a CR or an LF.
///
/// Text that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) gets a leading `'`, as spreadsheet security guidance recommends:
/// a learner's answer must never become a formula in a teacher's spreadsheet. Numbers
/// Lectern writes itself are left as numbers.
package enum CSV {
    static func render(_ table: ResultTable) -> String {
        let header = table.columns.map { field($0.name) }
        let body = table.rows.map { $0.map(text(of:)) }
        return ([header] + body).map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    static func text(of cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let text): field(neutralised(text))
        case .number(let text): text
        case .flag(let value): value ? "true" : "false"
        case .none: ""
        }
    }

    /// The characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    package static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { "\",\r\n".unicodeScalars.contains($0) }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
