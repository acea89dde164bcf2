import Foundation
/// A deck as a spreadsheet: one row per item under a header row, in the columns below, so a
/// teacher can keep questions in a spreadsheet and bring them in with `lectern import`, and
/// `lectern export --format csv` gives back the same table.
///
/// A cell that holds a list (options, accepted answers, tags…) separates its entries with
/// `|`; a `|` inside an entry is written `\|` (and a backslash before it `\\`).
package enum QuestionTable {
    /// The columns, in the order `export` writes them. Only `type` and `prompt` are required
    /// in a file; the others may be left out or empty, and columns are found by their header.
    package static let columns = [
        "id", "type", "skill", "prompt", "options", "answer", "feedback", "unit", "explain", "hints", "tags",
        "source",
    ]

    /// The item types a row can hold; `roles` and `walkthrough` need more than one row's shape.
    package static let types: [ItemKind] = [
        .choice, .multi, .truefalse, .short, .numeric, .cloze, .match, .order, .open, .description,
    ]

    /// Entries joined with ` | `, each `|` and `\` in them escaped.
    package static func list(_ entries: [String]) -> String {
        entries.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }
            .joined(separator: " | ")
    }

    /// The entries of a list cell, trimmed; empty entries are kept (an empty feedback is one).
    package static func entries(_ cell: String) -> [String] {
        guard !cell.trimmingWhitespace.isEmpty else { return [] }
        var entries: [String] = []
        var current = ""
        var scalars = cell.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\\" {
                guard let next = scalars.next() else {
                    current.unicodeScalars.append(scalar)
                    break
                }
                if next != "|" && next != "\\" { current.unicodeScalars.append(scalar) }
                current.unicodeScalars.append(next)
            } else if scalar == "|" {
                entries.append(current.trimmingWhitespace)
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        entries.append(current.trimmingWhitespace)
        return entries
    }

    /// The deck as table rows, header first, and a warning for each item a row cannot hold.
    package static func rows(of deck: Deck) -> (rows: [[String]], diagnostics: [Diagnostic]) {
        var rows = [columns]
        var findings: [Diagnostic] = []
        for item in deck.items {
            guard let row = row(of: item) else {
                findings.append(
                    .warning(
                        "csv-not-kept", at: item.location,
                        "\(item.kind.rawValue) item '\(item.id)' does not fit one table row; left out (export it as apkg, or keep it in the deck)"
                    ))
                continue
            }
            rows.append(columns.map { row[$0] ?? "" })
            if let lost = unkept(item) {
                findings.append(
                    .warning(
                        "csv-not-kept", at: item.location,
                        "\(item.kind.rawValue) item '\(item.id)': \(lost) has no column; set it again in the imported deck"
                    ))
            }
        }
        return (rows, findings)
    }

    /// The table text (RFC 4180, CRLF, cells neutralised for spreadsheets).
    package static func write(_ deck: Deck, separator: Unicode.Scalar = ",") -> (
        text: String, diagnostics: [Diagnostic]
    ) {
        let (rows, findings) = rows(of: deck)
        return (CSVText.table(rows, separator: separator), findings)
    }

    /// What an item sets that no column holds: the confidence question, exact matching, an
    /// option's or answer's credit, an answer's feedback, a numeric item's further answers.
    static func unkept(_ item: Item) -> String? {
        var lost: [String] = []
        if item.confidence { lost.append("'confidence: true'") }
        if item.options.contains(where: { $0.credit != nil }) { lost.append("an option's 'credit'") }
        switch item.body {
        case .short(let key):
            if key.exact { lost.append("'exact: true'") }
            if key.answers.contains(where: \.isWeighted) { lost.append("an answer's 'credit' or 'feedback'") }
        case .numeric(let key):
            if key.answers.count > 1 || key.answers.contains(where: \.isWeighted) || key.otherwise != nil {
                lost.append("the answers after the first, their 'credit' and 'feedback', and 'otherwise'")
            }
        case .cloze(let cloze) where cloze.exact: lost.append("'exact: true'")
        default: break
        }
        return lost.isEmpty ? nil : lost.joined(separator: " and ")
    }

    static func row(of item: Item) -> [String: String]? {
        var row: [String: String] = [
            "id": item.id, "type": item.kind.rawValue, "skill": item.skill?.rawValue ?? "", "prompt": item.prompt,
            "explain": item.explain ?? "", "hints": list(item.hints), "tags": list(item.tags),
            "source": item.source.map(String.init).joined(separator: " | "),
        ]
        switch item.body {
        case .choice(let options), .multi(let options):
            row["options"] = list(options.map(\.text))
            row["answer"] = list(options.filter(\.isCorrect).map(\.text))
            if options.contains(where: { $0.feedback != nil }) {
                row["feedback"] = list(options.map { $0.feedback ?? "" })
            }
        case .truefalse(let answer):
            row["answer"] = answer ? "true" : "false"
        case .short(let key):
            row["answer"] = list(key.accept)
        case .numeric(let key):
            switch key.target {
            case .value(let value, let tolerance):
                row["answer"] =
                    GIFTMarkup.format(value) + (tolerance != 0 ? " ± " + GIFTMarkup.format(abs(tolerance)) : "")
            case .range(let low, let high):
                row["answer"] = GIFTMarkup.format(low) + ".." + GIFTMarkup.format(high)
            }
            row["unit"] = key.percent ? "%" : (key.unit ?? "")
        case .cloze(let cloze):
            // The blanks as loaded: `@concept` names already stand for their wordings, which a
            // table read without the deck folder's vocabulary could not look up.
            row["prompt"] = cloze.segments.map { segment in
                switch segment {
                case .text(let text): text
                case .blank(let variants): "{{" + variants.joined(separator: "|") + "}}"
                }
            }.joined()
        case .match(let pairs):
            row["options"] = list(pairs.map { "\($0.left) -> \($0.right)" })
        case .order(let sequence):
            row["options"] = list(sequence)
        case .open(let key):
            row["answer"] = key.model
            row["options"] = list(key.rubric)
        case .description:
            break  // the prompt is the whole of it
        case .roles, .walkthrough:
            return nil
        }
        return row
    }
}
