import Testing

@testable import LecternCore

/// RFC 4180 reading and spreadsheet safety, the one definition results and question tables share.
@Suite struct CSVTextTests {
    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=x", "''", "'plain", "plain", "", "'"])
    func neutralisedTextComesBackExactly(text: String) {
        let written = CSVText.neutralised(text)
        if let first = written.unicodeScalars.first { #expect(!CSVText.formulaStarts.contains(first)) }
        #expect(CSVText.restored(written) == text)
    }

    @Test func recordsFollowRFC4180() {
        let text = "\u{FEFF}a,\"b,\"\"c\"\"\",d\r\n\r\n\"multi\nline\",,\"\"\rlast"
        let read = CSVText.records(text, separator: ",", path: "t.csv")
        #expect(read.diagnostics.isEmpty)
        #expect(read.records.map { $0.map(\.text) } == [["a", "b,\"c\"", "d"], ["multi\nline", "", ""], ["last"]])
        #expect(read.records[1].map(\.line) == [3, 4, 4])
        #expect(read.records[1].map(\.column) == [1, 7, 8])
        #expect(read.records[2][0].line == 5)
    }

    @Test(arguments: [
        ("a,\"open\nstill open", "csv-open-quote", 1, 3), ("a,\"closed\"x,b", "csv-after-quote", 1, 11),
    ])
    func aBrokenQuoteIsAnErrorAtItsPlace(text: String, rule: String, line: Int, column: Int) {
        let read = CSVText.records(text, separator: ",", path: "t.csv")
        #expect(read.diagnostics.map(\.rule) == [rule])
        #expect(read.diagnostics.first?.location == SourceLocation(file: "t.csv", line: line, column: column))
    }

    @Test func aTableOfNeutralisedCellsReadsBackTheSame() {
        let rows = [["=a", "b,c", "say \"hi\"", "-1"], ["two\nlines", "", "@x", "'+"]]
        let read = CSVText.records(CSVText.table(rows), separator: ",", path: "t.csv")
        #expect(read.records.map { $0.map { CSVText.restored($0.text) } } == rows)
    }

    @Test(arguments: [("a | b\\|c | ", ["a", "b|c", ""]), ("", []), ("one", ["one"]), ("x\\\\|y", ["x\\", "y"])])
    func listCellsSplitAtUnescapedBars(cell: String, entries: [String]) {
        #expect(QuestionTable.entries(cell) == entries)
        if !entries.isEmpty { #expect(QuestionTable.entries(QuestionTable.list(entries)) == entries) }
    }
}
