import Foundation
import LecternCore
import LecternTestSupport
import Testing

import LecternShell
import LecternStore

/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a CR as a formula;
/// learners' answers and names reach teachers' spreadsheets through `results --format csv`.
@Suite struct FormulaInjectionTests {
    static func row(learner: String = "mei", answer: String) -> ResultRow {
        ResultRow(
            learner: learner, deck: "logic", item: "q1", mode: .exam, answeredAt: Clock.start, score: 0.5,
            rating: .hard, hints: 0, confidence: nil, duration: 3, skipped: false, answer: answer)
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+41 22", "'+41 22"), ("-5", "'-5"), ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tx", "'\tx"), ("\rx", "\"'\rx\""),
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("a=b", "a=b"), ("1-2", "1-2"), (" =x", " =x"), ("", ""),
    ])
    func answerCells(answer: String, cell: String) {
        let csv = ResultsRenderer.render([Self.row(answer: answer)], as: .csv)
        let record = csv.components(separatedBy: "\r\n")[1]
        #expect(record == "mei,logic,q1,exam,2026-03-02T09:00:00Z,0.5,hard,0,,3,false," + cell)
    }

    @Test func learnerNamesAreNeutralisedInTheSummaryToo() {
        let totals = [LearnerTotals(learner: "=cmd", answers: 2, meanScore: 1, totalTime: 4)]
        #expect(
            ResultsRenderer.render(totals, as: .csv)
                == "learner,answers,mean_score,total_seconds\r\n'=cmd,2,1,4\r\n")
    }

    @Test func jsonKeepsTheExactText() {
        let json = ResultsRenderer.render([Self.row(learner: "-x", answer: "=1+1")], as: .json)
        #expect(json.contains("\"learner\": \"-x\""))
        #expect(json.contains("\"answer\": \"=1+1\""))
    }
}
