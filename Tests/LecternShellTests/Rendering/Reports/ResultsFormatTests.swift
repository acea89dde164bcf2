import Foundation
import LecternCore
import LecternTestSupport
import Testing

import LecternShell
import LecternStore

@Suite struct ResultsFormatTests {
    static let rows = [
        ResultRow(
            learner: "mei", deck: "logic", item: "q1", mode: .study, answeredAt: Clock.start,
            score: 1, rating: .good, hints: 0, confidence: 4, duration: 12.5, skipped: false,
            answer: "对，因为前提不成立"),
        ResultRow(
            learner: "sam", deck: "logic", item: "q2", mode: .exam,
            answeredAt: Clock.at(minutes: 5.5), score: 0.5, rating: .hard, hints: 1,
            confidence: nil, duration: 40, skipped: false, answer: "He said \"no\", then\nleft"),
        ResultRow(
            learner: "李华", deck: "ethics", item: "e10", mode: .review,
            answeredAt: Clock.at(days: 1, hours: 0.25), score: 2.0 / 3, rating: .again, hints: 3,
            confidence: 1, duration: 7.3, skipped: true, answer: ""),
    ]

    static let totals = [
        LearnerTotals(learner: "mei", answers: 12, meanScore: 0.75, totalTime: 301.4),
        LearnerTotals(learner: "李华", answers: 0, meanScore: nil, totalTime: 0),
    ]

    @Test func tableAlignsColumnsCountingWideCharactersAsTwo() {
        let expected = """
            learner  deck    item  mode    answered_at           score  rating  hints  confidence  duration  skipped  answer
            -------  ------  ----  ------  --------------------  -----  ------  -----  ----------  --------  -------  ------------------------
            mei      logic   q1    study   2026-03-02T09:00:00Z      1  good        0           4      12.5  no       对，因为前提不成立
            sam      logic   q2    exam    2026-03-02T09:05:30Z    0.5  hard        1                    40  no       He said "no", then\\nleft
            李华     ethics  e10   review  2026-03-03T09:15:00Z  0.667  again       3           1       7.3  yes

            """
        #expect(ResultsRenderer.render(Self.rows, as: .table) == expected)
    }

    @Test func csvFollowsRFC4180() {
        let expected = [
            "learner,deck,item,mode,answered_at,score,rating,hints,confidence,duration,skipped,answer",
            "mei,logic,q1,study,2026-03-02T09:00:00Z,1,good,0,4,12.5,false,对，因为前提不成立",
            "sam,logic,q2,exam,2026-03-02T09:05:30Z,0.5,hard,1,,40,false,\"He said \"\"no\"\", then\nleft\"",
            "李华,ethics,e10,review,2026-03-03T09:15:00Z,0.667,again,3,1,7.3,true,",
        ].map { $0 + "\r\n" }.joined()
        #expect(ResultsRenderer.render(Self.rows, as: .csv) == expected)
    }

    @Test func jsonIsAnArrayOfObjectsInColumnOrder() {
        let expected = #"""
            [
              {"learner": "mei", "deck": "logic", "item": "q1", "mode": "study", "answered_at": "2026-03-02T09:00:00Z", "score": 1, "rating": "good", "hints": 0, "confidence": 4, "duration": 12.5, "skipped": false, "answer": "对，因为前提不成立"},
              {"learner": "sam", "deck": "logic", "item": "q2", "mode": "exam", "answered_at": "2026-03-02T09:05:30Z", "score": 0.5, "rating": "hard", "hints": 1, "confidence": null, "duration": 40, "skipped": false, "answer": "He said \"no\", then\nleft"},
              {"learner": "李华", "deck": "ethics", "item": "e10", "mode": "review", "answered_at": "2026-03-03T09:15:00Z", "score": 0.667, "rating": "again", "hints": 3, "confidence": 1, "duration": 7.3, "skipped": true, "answer": ""}
            ]

            """#
        let output = ResultsRenderer.render(Self.rows, as: .json)
        #expect(output == expected)
        // Whatever a program reads back is what was stored.
        let parsed = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]
        #expect(parsed?.map { $0["answer"] as? String } == Self.rows.map(\.answer))
    }

    @Test func summaryInEveryFormat() {
        #expect(
            ResultsRenderer.render(Self.totals, as: .table) == """
                learner  answers  mean_score  total_seconds
                -------  -------  ----------  -------------
                mei           12        0.75          301.4
                李华           0                          0

                """)
        #expect(
            ResultsRenderer.render(Self.totals, as: .csv)
                == "learner,answers,mean_score,total_seconds\r\nmei,12,0.75,301.4\r\n李华,0,,0\r\n")
        #expect(
            ResultsRenderer.render(Self.totals, as: .json) == """
                [
                  {"learner": "mei", "answers": 12, "mean_score": 0.75, "total_seconds": 301.4},
                  {"learner": "李华", "answers": 0, "mean_score": null, "total_seconds": 0}
                ]

                """)
    }

    @Test func emptyResults() {
        #expect(ResultsRenderer.render([ResultRow](), as: .json) == "[]\n")
        #expect(
            ResultsRenderer.render([LearnerTotals](), as: .csv)
                == "learner,answers,mean_score,total_seconds\r\n")
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\r\nbreak", "\"line\r\nbreak\""), ("cr\ronly", "\"cr\ronly\""), ("中文", "中文"),
    ])
    func csvQuoting(field: String, expected: String) {
        #expect(CSV.field(field) == expected)
    }
}

@Suite struct TextTableCellTests {
    @Test(arguments: [
        ("one\ntwo", "one\\ntwo"), ("crlf\r\nline", "crlf\\nline"), ("tab\there", "tab here"),
        ("bell\u{07}\u{1B}[31mred", "bell\\x07\\e[31mred"), ("rlo\u{202E}txt", "rlo\\u202Etxt"), ("对，因为", "对，因为"),
    ])
    func controlCharactersNeverReachTheTerminal(text: String, expected: String) {
        #expect(TextTable.visible(text) == expected)
    }
}
