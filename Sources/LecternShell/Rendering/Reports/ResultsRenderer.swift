import Foundation
import LecternCore
import LecternStore

/// Turns results and summaries into text in one of the ``ResultsFormat``s.
package enum ResultsRenderer {
    /// One line per answer.
    package static func render(_ rows: [ResultRow], as format: ResultsFormat) -> String {
        let table = ResultTable(
            columns: [
                .init(name: "learner", alignsRight: false), .init(name: "deck", alignsRight: false),
                .init(name: "item", alignsRight: false), .init(name: "mode", alignsRight: false),
                .init(name: "answered_at", alignsRight: false),
                .init(name: "score", alignsRight: true),
                .init(name: "rating", alignsRight: false), .init(name: "hints", alignsRight: true),
                .init(name: "confidence", alignsRight: true),
                .init(name: "duration", alignsRight: true),
                .init(name: "skipped", alignsRight: false),
                .init(name: "answer", alignsRight: false),
            ],
            rows: rows.map { row in
                [
                    .text(row.learner), .text(row.deck), .text(row.item), .text(row.mode.rawValue),
                    .text(UTCTimestamp.seconds(row.answeredAt)), ResultTable.number(row.score),
                    .text(row.rating.name), .number(String(row.hints)),
                    row.confidence.map { .number(String($0)) } ?? .none,
                    ResultTable.number(row.duration, digits: 1), .flag(row.skipped),
                    .text(row.answer),
                ]
            })
        return render(table, as: format)
    }

    /// One line per learner. `total_seconds` is the time spent answering.
    package static func render(_ totals: [LearnerTotals], as format: ResultsFormat) -> String {
        let table = ResultTable(
            columns: [
                .init(name: "learner", alignsRight: false),
                .init(name: "answers", alignsRight: true),
                .init(name: "mean_score", alignsRight: true),
                .init(name: "total_seconds", alignsRight: true),
            ],
            rows: totals.map { line in
                [
                    .text(line.learner), .number(String(line.answers)),
                    line.meanScore.map { ResultTable.number($0) } ?? .none,
                    ResultTable.number(line.totalTime, digits: 1),
                ]
            })
        return render(table, as: format)
    }

    static func render(_ table: ResultTable, as format: ResultsFormat) -> String {
        switch format {
        case .table: TextTable.render(table)
        case .csv: CSV.render(table)
        case .json: JSONArray.render(table)
        }
    }
}
