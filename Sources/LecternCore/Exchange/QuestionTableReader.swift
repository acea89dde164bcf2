/// Reads a question table (see `QuestionTable`) into a deck in our YAML format. Any bad row
/// refuses the file as a whole, with an error at the line and column of the bad cell; the
/// deck is written with every string double-quoted, so no cell can change its structure.
package enum QuestionTableReader {
    /// The deck text (nil when there are errors), how many items it holds, and the findings.
    package static func read(_ text: String, separator: Unicode.Scalar, header: GIFTDeckWriter.Header) -> (
        deck: String?, items: Int, diagnostics: [Diagnostic]
    ) {
        let path = header.path
        let (records, csvFindings) = CSVText.records(text, separator: separator, path: path)
        guard !csvFindings.contains(where: { $0.severity == .error }) else { return (nil, 0, csvFindings) }
        guard let first = records.first else {
            return (
                nil, 0,
                [
                    .error(
                        "csv-empty", at: SourceLocation(file: path, line: 1, column: 1),
                        "the file holds no rows; write a header row (type, prompt, …) and one row per question")
                ]
            )
        }
        var reading = TableReading(path: path, header: first)
        guard reading.diagnostics.isEmpty || !reading.hasErrors else { return (nil, 0, reading.diagnostics) }
        for record in records.dropFirst() { reading.row(record) }
        if reading.items.isEmpty && !reading.hasErrors {
            reading.diagnostics.append(
                .error("csv-empty", at: first[0].location(path), "the table has a header but no question rows"))
        }
        guard !reading.hasErrors else { return (nil, 0, reading.diagnostics) }
        let cited = Set(reading.items.flatMap(\.source)).sorted()
        var lines = [
            "# yaml-language-server: $schema=schema/deck.schema.json",
            "# Imported from a question table by `lectern import`; check it with `lectern lint`.",
            "lectern: 1",
            "id: \(header.id)",
            "title: \(JSONText.quoted(header.title))",
            "language: en",
            "source:",
            "  title: \(JSONText.quoted(header.sourceTitle))",
            "  passages:",
        ]
        // The table names paragraphs but cannot summarise them: a placeholder for each.
        for number in cited {
            lines.append(
                "    \(number): \(JSONText.quoted("Paragraph \(number) of the source; replace this with a summary of it."))"
            )
        }
        lines.append("items:")
        lines += reading.items.flatMap(\.lines)
        return (lines.joined(separator: "\n") + "\n", reading.items.count, reading.diagnostics)
    }
}

extension CSVText.Field {
    func location(_ path: String) -> SourceLocation { SourceLocation(file: path, line: line, column: column) }
}

struct TableReading {
    struct Written {
        var lines: [String]
        var source: [Int]
    }

    let path: String
    var columns: [String: Int] = [:]
    var headerFields: [CSVText.Field]
    var items: [Written] = []
    var diagnostics: [Diagnostic] = []
    var usedIDs = Set<String>()

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    init(path: String, header: [CSVText.Field]) {
        self.path = path
        self.headerFields = header
        for (index, field) in header.enumerated() {
            let name = CSVText.restored(field.text).trimmingWhitespace.lowercased()
            if !QuestionTable.columns.contains(name) {
                diagnostics.append(
                    .warning(
                        "csv-unknown-column", at: field.location(path),
                        "the column '\(name)' is not one of \(QuestionTable.columns.joined(separator: ", ")); it is ignored"
                    ))
            } else if columns[name] != nil {
                diagnostics.append(
                    .error(
                        "csv-duplicate-column", at: field.location(path), "the column '\(name)' appears twice; keep one"
                    ))
            } else {
                columns[name] = index
            }
        }
        for required in ["type", "prompt"] where columns[required] == nil {
            diagnostics.append(
                .error(
                    "csv-missing-column", at: header[0].location(path),
                    "the header row has no '\(required)' column; the first row must name the columns (type, prompt, options, answer, …)"
                ))
        }
    }

    mutating func fail(_ field: CSVText.Field, _ message: String) {
        diagnostics.append(.error("csv-bad-row", at: field.location(path), message))
    }

    mutating func row(_ record: [CSVText.Field]) {
        if record.count > headerFields.count {
            fail(
                record[headerFields.count],
                "this row has \(record.count) cells and the header \(headerFields.count); quote cells that hold a separator"
            )
            return
        }
        let fallback = CSVText.Field(
            text: "", line: record[0].line, column: record.last.map { $0.column + $0.text.count } ?? 1)
        var cells = RowCells(record: record, columns: columns, fallback: fallback)
        guard let lines = item(&cells) else { return }
        items.append(Written(lines: lines.lines, source: lines.source))
    }

    mutating func item(_ cells: inout RowCells) -> (lines: [String], source: [Int])? {
        let typeCell = cells["type"]
        guard let kind = ItemKind(rawValue: typeCell.text.lowercased()), QuestionTable.types.contains(kind) else {
            fail(
                typeCell,
                "the type '\(typeCell.text)' is not one of \(QuestionTable.types.map(\.rawValue).joined(separator: ", "))"
            )
            return nil
        }
        let prompt = cells["prompt"]
        guard !prompt.text.isEmpty else {
            fail(prompt, "the prompt is empty; write the question")
            return nil
        }
        let idCell = cells["id"]
        var id = idCell.text
        if id.isEmpty {
            id = GIFTDeckWriter.kebab(prompt.text.split(separator: " ").prefix(6).joined(separator: " "))
            if id.isEmpty { id = "q-\(items.count + 1)" }
            var unique = id
            var suffix = 2
            while usedIDs.contains(unique) {
                unique = "\(id)-\(suffix)"
                suffix += 1
            }
            id = unique
        } else if !DeckLinter.isKebab(id) {
            fail(idCell, "the id '\(id)' is not kebab-case; use lowercase letters, digits and single hyphens")
            return nil
        } else if usedIDs.contains(id) {
            fail(idCell, "the id '\(id)' is used by an earlier row; ids must be unique")
            return nil
        }
        usedIDs.insert(id)
        let skillCell = cells["skill"]
        let skill = skillCell.text.isEmpty ? "recall" : skillCell.text.lowercased()
        guard Skill(rawValue: skill) != nil else {
            fail(
                skillCell,
                "the skill '\(skillCell.text)' is not one of \(Skill.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        let sourceCell = cells["source"]
        var source: [Int] = []
        for entry in sourceCell.text.split(whereSeparator: { $0 == "|" || $0 == "," || $0 == " " }) {
            guard let number = Int(entry), number > 0, number < 100_000 else {
                fail(sourceCell, "the source '\(entry)' is not a paragraph number; write numbers such as 1 | 4")
                return nil
            }
            source.append(number)
        }
        if source.isEmpty { source = [1] }
        var lines = ["  - id: \(id)", "    type: \(kind.rawValue)", "    skill: \(skill)"]
        lines.append("    source: [" + source.map(String.init).joined(separator: ", ") + "]")
        let tags = QuestionTable.entries(cells["tags"].text).filter { !$0.isEmpty }
        if !tags.isEmpty { lines.append("    tags: [" + tags.map(JSONText.quoted).joined(separator: ", ") + "]") }
        lines.append("    prompt: \(JSONText.quoted(prompt.text))")
        guard let body = body(kind, &cells) else { return nil }
        lines += body
        let hints = QuestionTable.entries(cells["hints"].text).filter { !$0.isEmpty }
        if !hints.isEmpty {
            lines.append("    hints:")
            lines += hints.map { "      - \(JSONText.quoted($0))" }
        }
        let explain = cells["explain"].text
        if !explain.isEmpty { lines.append("    explain: \(JSONText.quoted(explain))") }
        return (lines, source)
    }
}

/// A row's cells by column name; a column the file lacks (or a short row) reads as empty.
struct RowCells {
    var record: [CSVText.Field]
    var columns: [String: Int]
    var fallback: CSVText.Field

    subscript(name: String) -> CSVText.Field {
        guard let index = columns[name], index < record.count else { return fallback }
        var field = record[index]
        field.text = CSVText.restored(field.text).trimmingWhitespace
        return field
    }
}
