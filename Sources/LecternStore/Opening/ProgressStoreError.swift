import Foundation

/// Why the progress database could not be opened, phrased for the person at the terminal.
///
/// Each case names the file and says what to do, because the usual fix (another `--db`,
/// moving a file aside, upgrading) is outside the program.
package enum ProgressStoreError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database that some other program made.
    case foreignDatabase(path: String)
    /// The file was migrated by a newer Lectern: it has migrations this build does not know.
    case newerDatabase(path: String, unknownMigrations: [String])
    /// The folder that should hold the file could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// SQLite refused to open or migrate the file for another reason.
    case cannotOpen(path: String, reason: String)
    /// A learner name Lectern will not store (see ``LearnerName``); the second value says why.
    case invalidLearnerName(String, reason: String)
    /// A row holds a value Lectern did not write; reading stopped rather than guess.
    case damaged(path: String, RowDamage)
    /// A database server (`--db postgres://…`) could not be reached, refused the login or
    /// failed a query; what it said, or why it could not be asked. Nothing was saved by the
    /// call that failed.
    case server(address: String, reason: String)

    package var description: String {
        switch self {
        case .notADatabase(let path):
            "\(path): not a Lectern progress database (the file is not SQLite); "
                + "move it aside or choose another file with --db or LECTERN_DB"
        case .foreignDatabase(let path):
            "\(path): an SQLite database that Lectern did not create; "
                + "choose another file with --db or LECTERN_DB"
        case .newerDatabase(let path, let unknown):
            "\(path): written by a newer version of Lectern (unknown migrations: "
                + "\(unknown.joined(separator: ", "))); upgrade Lectern to use it, "
                + "or choose another file with --db or LECTERN_DB"
        case .cannotCreateFolder(let path, let reason):
            "\(path): cannot create this folder (\(reason)); "
                + "check its permissions or choose another file with --db or LECTERN_DB"
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the progress database (\(reason)); "
                + "check the file's permissions or choose another file with --db or LECTERN_DB"
        case .invalidLearnerName(let name, let reason):
            "learner name \"\(CheckedRow.shortened(name))\" \(reason)"
        case .server(let address, let reason):
            "\(address): \(reason); nothing was saved by this step. Check that the server is running and "
                + "the address (--db or LECTERN_DB) and password (PGPASSWORD or ~/.pgpass) are right"
        case .damaged(let path, let damage):
            "progress database \(path) is damaged: \(damage); "
                + "run 'lectern db check' to list every damaged row"
        }
    }

    package var errorDescription: String? { description }
}
