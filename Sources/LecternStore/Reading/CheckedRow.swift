import GRDB
import LecternCore

/// A row read with decoders that return errors instead of trapping.
///
/// GRDB's typed subscripts stop the program on a value of the wrong type, and SQLite's own
/// conversions turn text into 0; both would let one tampered row crash or silently skew every
/// learner's statistics. Every column is read here as the raw SQLite value and checked
/// against what Lectern writes.
struct CheckedRow {
    /// How the row is named in a report; worked out only when a report needs it, since
    /// readers check every row of tables with a hundred thousand rows.
    enum Identity {
        case given(String)
        /// The integer id in this column.
        case column(String)
        /// The key columns of a card: `learner 1, deck tiny, item start-easy`.
        case keys([String])
    }

    let row: Row
    let table: String
    let identity: Identity
    /// Column positions, looked up once per query: GRDB's lookup by name folds case and
    /// allocates on every call, which costs more than the query itself over 50,000 rows.
    let columns: ColumnIndexes?
    /// Result columns named differently from the table's column (`change_rating` → `rating`).
    let aliases: [String: String]

    init(_ row: Row, table: String, id: String, aliases: [String: String] = [:], columns: ColumnIndexes? = nil) {
        self.init(row, table: table, identity: .given(id), aliases: aliases, columns: columns)
    }

    /// A row of a table with an integer id in column `idColumn`.
    init(
        _ row: Row, table: String, idColumn: String, aliases: [String: String] = [:], columns: ColumnIndexes? = nil
    ) {
        self.init(row, table: table, identity: .column(idColumn), aliases: aliases, columns: columns)
    }

    init(
        _ row: Row, table: String, identity: Identity, aliases: [String: String] = [:],
        columns: ColumnIndexes? = nil
    ) {
        self.row = row
        self.table = table
        self.identity = identity
        self.aliases = aliases
        self.columns = columns
    }

    /// How the row is named in a report.
    var id: String {
        switch identity {
        case .given(let text): text
        case .column(let column): Self.describeID(value(column))
        case .keys(let keys):
            zip(["learner", "deck", "item"], keys).map { label, column in
                "\(label) \(Self.shortenedValue(value(column)))"
            }.joined(separator: ", ")
        }
    }

    /// The earliest and latest instants Lectern stores: 1970 to the end of year 9999, in
    /// microseconds. Anything outside is not a time any learner answered at.
    static let timeRange: ClosedRange<Int64> = 0...253_402_300_799_999_999

    static func value(_ row: Row, _ column: String) -> DatabaseValue {
        (row[column] as DatabaseValue?) ?? .null
    }

    func value(_ column: String) -> DatabaseValue {
        if let index = columns?.position(of: column) {
            // By position, through the row's own collection: the value as SQLite holds it,
            // without the generic decoding path that `row[index] as DatabaseValue` takes.
            return row[row.index(row.startIndex, offsetBy: index)].1
        }
        return Self.value(row, column)
    }

    func damage(_ column: String, _ value: DatabaseValue, expected: @autoclosure () -> String) -> RowDamage {
        RowDamage(
            table: table, row: id, column: aliases[column] ?? column,
            problem: "is \(Self.describe(value)), expected \(expected())")
    }

    // MARK: - Integers

    func integer(_ column: String, in range: ClosedRange<Int64>, expected: @autoclosure () -> String) throws(RowDamage)
        -> Int64
    {
        let value = value(column)
        guard case .int64(let number) = value.storage, range.contains(number) else {
            throw damage(column, value, expected: expected())
        }
        return number
    }

    func optionalInteger(
        _ column: String, in range: ClosedRange<Int64>, expected: @autoclosure () -> String
    ) throws(RowDamage)
        -> Int64?
    {
        if value(column).isNull { return nil }
        return try integer(column, in: range, expected: expected() + " or nothing")
    }

    func id(_ column: String) throws(RowDamage) -> Int64 {
        try integer(column, in: 1...Int64.max, expected: "a row id")
    }

    func count(_ column: String) throws(RowDamage) -> Int {
        Int(try integer(column, in: 0...Int64(Int32.max), expected: "a count (0 or more)"))
    }

    func time(_ column: String) throws(RowDamage) -> Int64 {
        try integer(column, in: Self.timeRange, expected: "a time")
    }

    func optionalTime(_ column: String) throws(RowDamage) -> Int64? {
        try optionalInteger(column, in: Self.timeRange, expected: "a time")
    }

    func flag(_ column: String) throws(RowDamage) -> Bool {
        try integer(column, in: 0...1, expected: "0 or 1") == 1
    }

    func rating(_ column: String) throws(RowDamage) -> Rating {
        let raw = try integer(column, in: 1...4, expected: "a rating from 1 to 4")
        guard let rating = Rating(rawValue: Int(raw)) else {
            throw damage(column, value(column), expected: "a rating from 1 to 4")
        }
        return rating
    }

    func confidence(_ column: String) throws(RowDamage) -> Int? {
        try optionalInteger(column, in: 1...4, expected: "a confidence from 1 to 4").map(Int.init)
    }

    // MARK: - Reals

    /// A finite number in `range`; whole numbers are numbers too (SQLite stores 1.0 as 1).
    func real(_ column: String, in range: ClosedRange<Double>, expected: @autoclosure () -> String) throws(RowDamage)
        -> Double
    {
        let value = value(column)
        let number: Double
        switch value.storage {
        case .int64(let whole): number = Double(whole)
        case .double(let real): number = real
        default: throw damage(column, value, expected: expected())
        }
        guard number.isFinite, range.contains(number) else { throw damage(column, value, expected: expected()) }
        return number
    }

    func optionalReal(_ column: String, in range: ClosedRange<Double>, expected: @autoclosure () -> String)
        throws(RowDamage)
        -> Double?
    {
        if value(column).isNull { return nil }
        return try real(column, in: range, expected: expected() + " or nothing")
    }

    // MARK: - Text

    func text(_ column: String) throws(RowDamage) -> String {
        let value = value(column)
        guard case .string(let text) = value.storage else { throw damage(column, value, expected: "text") }
        return text
    }

    /// Text that is one of `choices`, turned into a value by `make`.
    func choice<T>(_ column: String, _ choices: [String], _ make: (String) -> T?) throws(RowDamage) -> T {
        let value = value(column)
        guard case .string(let text) = value.storage, let made = make(text) else {
            throw damage(column, value, expected: "one of " + choices.joined(separator: ", "))
        }
        return made
    }

    /// The SQL that turns `mode` into a small integer, so a reader of tens of thousands of
    /// answers makes no string per row; select it `AS mode_code` beside the text column.
    static let modeCodeSQL =
        "CASE r.mode WHEN 'study' THEN 0 WHEN 'review' THEN 1 WHEN 'drill' THEN 2 WHEN 'exam' THEN 3 WHEN 'class' THEN 4 END"
    private static let modesByCode: [AnswerRecord.Mode] = [.study, .review, .drill, .exam, .class]

    /// The mode from `mode_code`; a row whose code is missing is checked (and reported) by
    /// its text column.
    func mode(code codeColumn: String, text textColumn: String) throws(RowDamage) -> AnswerRecord.Mode {
        if case .int64(let code) = value(codeColumn).storage, Self.modesByCode.indices.contains(Int(code)) {
            return Self.modesByCode[Int(code)]
        }
        return try mode(textColumn)
    }

    func mode(_ column: String) throws(RowDamage) -> AnswerRecord.Mode {
        try choice(column, AnswerRecord.Mode.allCases.map(\.rawValue)) { AnswerRecord.Mode(rawValue: $0) }
    }

    /// A learner's name for reading: any text. A name with control characters (written by
    /// hand or by an older Lectern) still names its learner; the terminal layer shows it
    /// escaped, and `db check` lists it, since Lectern itself no longer writes such names.
    func learnerName(_ column: String) throws(RowDamage) -> String {
        try text(column)
    }

    /// A learner's name as Lectern writes it: text that ``LearnerName`` accepts.
    func strictLearnerName(_ column: String) throws(RowDamage) -> String {
        let name = try text(column)
        if let problem = LearnerName.problem(name) {
            throw RowDamage(table: table, row: id, column: aliases[column] ?? column, problem: problem)
        }
        return name
    }

    // MARK: - Describing values

    /// A value as a report shows it: its SQLite type and a short, terminal-safe rendering.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "empty (NULL)"
        case .int64(let number): "\(number)"
        case .double(let number): "\(number)"
        case .string(let text): "text ('\(shortened(text))')"
        case .blob(let data): "a blob of \(data.count) \(data.count == 1 ? "byte" : "bytes")"
        }
    }

    static func describeID(_ value: DatabaseValue) -> String {
        if case .int64(let number) = value.storage { return "\(number)" }
        return describe(value)
    }

    /// At most 40 characters, control characters shown as `?` so a report cannot drive the
    /// terminal.
    static func shortened(_ text: String) -> String {
        var out = ""
        for (index, character) in text.enumerated() {
            if index == 40 {
                out += "…"
                break
            }
            let isControl = character.unicodeScalars.contains {
                TerminalText.isControl($0, keepingLineBreaks: false)
            }
            out += isControl ? "?" : String(character)
        }
        return out
    }
}

/// The position of each result column of one query, read from its first row.
///
/// A linear search of a dozen short names: Swift keeps names of up to 15 bytes inline, so
/// comparing them is cheaper than hashing them for a dictionary.
struct ColumnIndexes {
    let names: [String]

    init(_ row: Row) {
        names = Array(row.columnNames)
    }

    func position(of column: String) -> Int? {
        names.firstIndex(of: column)
    }
}
