/// An array of objects, one per line, keys in column order, so diffs and golden files stay
/// stable; non-ASCII text is written as UTF-8, not escaped.
enum JSONArray {
    static func render(_ table: ResultTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let objects = table.rows.map { row in
            "  {"
                + zip(table.columns, row).map { column, cell in
                    string(column.name) + ": " + value(cell)
                }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ cell: ResultTable.Cell) -> String {
        switch cell {
        case .text(let text): string(text)
        case .number(let text): text
        case .flag(let value): value ? "true" : "false"
        case .none: "null"
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
