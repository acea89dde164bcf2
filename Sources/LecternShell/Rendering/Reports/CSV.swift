import LecternCore

/// RFC 4180 output of a results table: a header row, CRLF after every record. Quoting and
/// spreadsheet safety are `CSVText`'s, the one definition shared with question tables: a
/// learner's answer must never become a formula in a teacher's spreadsheet. Numbers Lectern
/// writes itself are left as numbers.
package enum CSV {
    static func render(_ table: ResultTable) -> String {
        let header = table.columns.map { field($0.name) }
        let body = table.rows.map { $0.map(text(of:)) }
        return ([header] + body).map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    static func text(of cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let text): field(CSVText.neutralised(text))
        case .number(let text): text
        case .flag(let value): value ? "true" : "false"
        case .none: ""
        }
    }

    package static func field(_ text: String) -> String { CSVText.field(text) }
}
