import LecternCore

/// An array of objects, one per line, keys in column order, so diffs and golden files stay
/// stable; non-ASCII text is written as UTF-8, not escaped.
enum JSONArray {
    static func render(_ table: ResultTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let objects = table.rows.map { row in
            "  {"
                + zip(table.columns, row).map { column, cell in
                    JSONText.quoted(column.name) + ": " + value(cell)
                }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let text): JSONText.quoted(text)
        case .number(let text): text
        case .flag(let value): value ? "true" : "false"
        case .none: "null"
        }
    }
}
