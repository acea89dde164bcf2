/// RFC 4180 tables, read and written: the one definition of CSV quoting and of spreadsheet
/// safety in Lectern, used by question tables (`import`/`export`) and by results exports.
package enum CSVText {
    /// One cell as read, with where it starts, so a bad cell is reported at its line and column.
    package struct Field: Sendable, Equatable {
        package var text: String
        package var line: Int
        package var column: Int

        package init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }
    }

    // MARK: - Writing

    /// A field for output: in double quotes (inner quotes doubled) when it holds the separator,
    /// a quote, a CR or an LF; as is otherwise.
    package static func field(_ text: String, separator: Unicode.Scalar = ",") -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The characters that make a spreadsheet read a cell as a formula.
    package static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Text a spreadsheet would run as a formula gets a leading `'`, as spreadsheet security
    /// guidance recommends: no text from a deck or a learner may become a formula in a
    /// teacher's spreadsheet. Text that already starts with `'` before such a character (or
    /// before another `'`) gets one too, so `restored` gives back exactly what was written.
    package static func neutralised(_ text: String) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return text }
        if formulaStarts.contains(first) { return "'" + text }
        if first == "'", let second = scalars.next(), formulaStarts.contains(second) || second == "'" {
            return "'" + text
        }
        return text
    }

    /// The inverse of `neutralised`: one leading `'` before a formula character or a `'` is dropped.
    package static func restored(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[0] == "'", formulaStarts.contains(scalars[1]) || scalars[1] == "'" else {
            return text
        }
        return String(text.unicodeScalars.dropFirst())
    }

    /// A table with CRLF after every record, each cell quoted as needed and neutralised.
    package static func table(_ rows: [[String]], separator: Unicode.Scalar = ",") -> String {
        rows.map { row in
            row.map { field(neutralised($0), separator: separator) }.joined(separator: String(separator)) + "\r\n"
        }.joined()
    }

    // MARK: - Reading

    /// The records of `text` (a leading BOM skipped, CRLF, LF or CR line ends); blank lines
    /// are skipped. A quote left open, or text after a closing quote, is an error at its place.
    package static func records(_ text: String, separator: Unicode.Scalar, path: String) -> (
        records: [[Field]], diagnostics: [Diagnostic]
    ) {
        var reader = CSVReading(scalars: Array(text.unicodeScalars), separator: separator, path: path)
        if reader.scalars.first == "\u{FEFF}" { reader.index = 1 }
        reader.readAll()
        return (reader.records, reader.diagnostics)
    }
}

private struct CSVReading {
    let scalars: [Unicode.Scalar]
    let separator: Unicode.Scalar
    let path: String
    var index = 0
    var line = 1
    var lineStart = 0
    var records: [[CSVText.Field]] = []
    var diagnostics: [Diagnostic] = []

    init(scalars: [Unicode.Scalar], separator: Unicode.Scalar, path: String) {
        self.scalars = scalars
        self.separator = separator
        self.path = path
    }

    var column: Int { index - lineStart + 1 }

    /// Consumes a line end at `index` when there is one (CRLF counts once).
    mutating func lineEnd() -> Bool {
        guard index < scalars.count, scalars[index] == "\n" || scalars[index] == "\r" else { return false }
        if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
        index += 1
        line += 1
        lineStart = index
        return true
    }

    mutating func readAll() {
        while index < scalars.count {
            var record: [CSVText.Field] = []
            while true {
                guard let field = readField() else { return }
                record.append(field)
                if index < scalars.count, scalars[index] == separator {
                    index += 1
                    continue
                }
                _ = lineEnd()
                break
            }
            if !(record.count == 1 && record[0].text.isEmpty) { records.append(record) }
        }
    }

    /// One field; nil (with an error) when a quote is left open or text follows a closing quote.
    mutating func readField() -> CSVText.Field? {
        let (startLine, startColumn) = (line, column)
        var text = String.UnicodeScalarView()
        guard index < scalars.count, scalars[index] == "\"" else {
            while index < scalars.count, scalars[index] != separator, scalars[index] != "\n", scalars[index] != "\r" {
                text.append(scalars[index])
                index += 1
            }
            return CSVText.Field(text: String(text), line: startLine, column: startColumn)
        }
        index += 1
        while true {
            guard index < scalars.count else {
                diagnostics.append(
                    .error(
                        "csv-open-quote", at: SourceLocation(file: path, line: startLine, column: startColumn),
                        "this quoted cell is never closed; end it with '\"' (a quote inside it is written '\"\"')"))
                return nil
            }
            let scalar = scalars[index]
            if scalar == "\"" {
                if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                    text.append("\"")
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if scalar == "\n" || scalar == "\r" {
                _ = lineEnd()
                text.append("\n")
                continue
            }
            text.append(scalar)
            index += 1
        }
        if index < scalars.count, scalars[index] != separator, scalars[index] != "\n", scalars[index] != "\r" {
            diagnostics.append(
                .error(
                    "csv-after-quote", at: SourceLocation(file: path, line: line, column: column),
                    "text after the closing quote of a cell; put the whole cell in quotes and double the quotes inside"
                ))
            return nil
        }
        return CSVText.Field(text: String(text), line: startLine, column: startColumn)
    }
}
