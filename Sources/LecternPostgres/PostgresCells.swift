import LecternCore
import LecternStore
import PostgresNIO

/// The columns of one result row, read by name, each value checked as on SQLite.
///
/// PostgreSQL enforces the column types and the schema's CHECKs, so a bad value means the
/// schema itself was altered by someone; it is still reported as ``RowDamage`` naming the
/// table, row and column instead of trapping or being read as something else.
struct PostgresCells {
    let row: PostgresRandomAccessRow
    let table: String
    /// The row's name in a report, filled in once its id is read.
    var rowName: String

    init(_ row: PostgresRow, table: String, rowName: String = "?") {
        self.row = row.makeRandomAccess()
        self.table = table
        self.rowName = rowName
    }

    func damage(_ column: String, _ problem: String) -> RowDamage {
        RowDamage(table: table, row: rowName, column: column, problem: problem)
    }

    private func decode<T: PostgresDecodable>(_ column: String, as type: T.Type, expected: String) throws(RowDamage)
        -> T
    {
        guard row.contains(column) else { throw damage(column, "is missing, expected \(expected)") }
        do {
            return try row[column].decode(T.self)
        } catch {
            throw damage(column, "cannot be read as \(expected)")
        }
    }

    func integer(_ column: String, in range: ClosedRange<Int64>, expected: String) throws(RowDamage) -> Int64 {
        guard let value = try optionalInteger(column, in: range, expected: expected) else {
            throw damage(column, "is empty (NULL), expected \(expected)")
        }
        return value
    }

    func optionalInteger(_ column: String, in range: ClosedRange<Int64>, expected: String) throws(RowDamage)
        -> Int64?
    {
        guard let value = try decode(column, as: Int64?.self, expected: expected) else { return nil }
        guard range.contains(value) else { throw damage(column, "is \(value), expected \(expected)") }
        return value
    }

    func id(_ column: String) throws(RowDamage) -> Int64 {
        try integer(column, in: 1...Int64.max, expected: "a row id")
    }

    func count(_ column: String) throws(RowDamage) -> Int {
        Int(try integer(column, in: 0...Int64(Int32.max), expected: "a count"))
    }

    /// Microseconds since 1970, up to the year 9999, as on SQLite.
    func time(_ column: String) throws(RowDamage) -> Int64 {
        try integer(column, in: Self.timeRange, expected: "a time")
    }

    func optionalTime(_ column: String) throws(RowDamage) -> Int64? {
        try optionalInteger(column, in: Self.timeRange, expected: "a time")
    }

    static let timeRange: ClosedRange<Int64> = 0...253_402_300_799_999_999

    func real(_ column: String, in range: ClosedRange<Double>, expected: String) throws(RowDamage) -> Double {
        guard let value = try optionalReal(column, in: range, expected: expected) else {
            throw damage(column, "is empty (NULL), expected \(expected)")
        }
        return value
    }

    func optionalReal(_ column: String, in range: ClosedRange<Double>, expected: String) throws(RowDamage)
        -> Double?
    {
        guard let value = try decode(column, as: Double?.self, expected: expected) else { return nil }
        guard range.contains(value) else { throw damage(column, "is \(value), expected \(expected)") }
        return value
    }

    func text(_ column: String) throws(RowDamage) -> String {
        guard let value = try decode(column, as: String?.self, expected: "text") else {
            throw damage(column, "is empty (NULL), expected text")
        }
        return value
    }

    func flag(_ column: String) throws(RowDamage) -> Bool {
        try decode(column, as: Bool.self, expected: "true or false")
    }

    func rating(_ column: String) throws(RowDamage) -> Rating {
        let value = try integer(column, in: 1...4, expected: "a rating from 1 to 4")
        guard let rating = Rating(rawValue: Int(value)) else { throw damage(column, "is \(value), expected a rating") }
        return rating
    }

    func confidence(_ column: String) throws(RowDamage) -> Int? {
        try optionalInteger(column, in: 1...4, expected: "a confidence from 1 to 4").map(Int.init)
    }

    func mode(_ column: String) throws(RowDamage) -> AnswerRecord.Mode {
        let text = try text(column)
        guard let mode = AnswerRecord.Mode(rawValue: text) else { throw damage(column, "is an unknown mode") }
        return mode
    }

    func score(_ column: String) throws(RowDamage) -> Double {
        try real(column, in: 0...1, expected: "a score from 0 to 1")
    }

    func duration(_ column: String) throws(RowDamage) -> Double {
        try real(column, in: 0...31_536_000, expected: "a duration in seconds")
    }

    /// The card in this row (columns named as in ``cardColumns``), every value checked.
    func card() throws(RowDamage) -> CardState {
        let phaseText = try text("phase")
        guard let phase = CardPhase(rawValue: phaseText) else { throw damage("phase", "is an unknown phase") }
        return CardState(
            phase: phase, step: try optionalInteger("step", in: 0...1_000, expected: "a learning step").map(Int.init),
            stability: try optionalReal("stability", in: 0...1_000_000_000, expected: "a stability in days"),
            difficulty: try optionalReal("difficulty", in: 1...10, expected: "a difficulty from 1 to 10"),
            due: Microseconds.date(try time("due")),
            lastReview: try optionalTime("last_review").map(Microseconds.date),
            reps: try count("reps"), lapses: try count("lapses"))
    }

    static let cardColumns = "phase, step, stability, difficulty, due, last_review, reps, lapses"
}
