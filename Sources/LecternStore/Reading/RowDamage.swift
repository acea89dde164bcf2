/// One value in one row that Lectern did not write and cannot use: the table, the row, the
/// column and what is wrong with it.
///
/// Anyone who can write the file (a student sharing it, a tool, a bad disk) can put any
/// SQLite value in any column; reading reports such a row instead of trapping or guessing.
package struct RowDamage: Error, Equatable, Sendable, CustomStringConvertible {
    package var table: String
    /// The row's id (`17`), or its key for tables without one (`learner 1, deck logic, item q1`).
    package var row: String
    /// The column, or a short name for a check across rows ("card").
    package var column: String
    /// What is wrong, phrased to follow the column: "is text ('soon'), expected a time".
    package var problem: String

    package init(table: String, row: String, column: String, problem: String) {
        self.table = table
        self.row = row
        self.column = column
        self.problem = problem
    }

    /// `table reviews, row 17: answered_at is text ('soon'), expected a time`.
    package var description: String { "table \(table), row \(row): \(column) \(problem)" }
}
