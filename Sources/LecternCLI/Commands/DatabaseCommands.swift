import LecternShell
import ArgumentParser
import Foundation
import LecternPostgres
import LecternStore

/// `lectern db`: looking after the progress database itself.
struct DatabaseCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Progress database tools.", subcommands: [Check.self, Copy.self])

    /// `lectern db check`: every damaged row, SQLite's integrity check, the append-only
    /// triggers and each card against its review log, without writing anything.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the progress database and list every problem (read-only).",
            discussion: """
                Lists rows with values Lectern did not write (table, row, column, what is wrong), runs SQLite's \
                integrity check, checks that the review log is still append-only, and replays each card's answers \
                through the scheduler to compare with the stored card. Never creates or changes the file. On a \
                PostgreSQL store (--db postgres://...), whose server enforces types and ranges itself, it checks \
                the append-only triggers, learner names and every card against its log. \
                Exit status 0 and 'ok' when clean, 1 with the list otherwise.
                """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report: DatabaseCheck.Report
            do {
                if global.databaseIsServer {
                    report = try PostgresCheck.run(
                        PostgresStore(
                            address: try PostgresAddress.parse(global.databasePath), environment: global.environment,
                            mode: .whenNeeded))
                } else {
                    report = try DatabaseCheck.run(path: global.databasePath)
                }
            } catch {
                throw GlobalOptions.failure("\(error)")
            }
            print(report.text, terminator: "")
            if !report.isClean { throw ExitCode(1) }
        }
    }
}
