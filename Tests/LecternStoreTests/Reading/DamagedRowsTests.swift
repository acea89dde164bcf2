import Foundation
import GRDB
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore

/// Changes a progress file the way another program sharing it could: raw SQL, constraints
/// and foreign keys off, so any SQLite value can land in any column.
func tamper(_ path: String, _ sql: String) throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = false
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA ignore_check_constraints = 1")
        try db.execute(sql: sql)
    }
    try queue.close()
}

/// A file with learner 1 (mei) who studied logic/q1 (review 1) and logic/q2 (review 2).
func seededStore(in folder: TemporaryFolder) throws -> (path: String, store: ProgressStore) {
    let path = folder.path()
    let store = try ProgressStore(path: path)
    let mei = try store.learner(named: "mei")
    try store.record(answer("q1", at: Clock.at(hours: 1)), for: mei)
    try store.record(answer("q2", at: Clock.at(hours: 2)), for: mei)
    try store.close()
    return (path, try ProgressStore(path: path, mode: .whenNeeded))
}

/// A reader the shell and the command line use, by name so each case reports which failed.
enum Reader: String, CaseIterable, Sendable {
    case learners, stats, results, summary, dueQueue, counts, recordAgain

    func run(_ store: ProgressStore) throws {
        let decks = [deck("logic", ids: ["q1", "q2", "q3"])]
        switch self {
        case .learners: _ = try store.learners()
        case .stats: _ = try store.stats(learner: "mei", decks: decks, now: Clock.at(days: 3), calendar: Clock.utc)
        case .results: _ = try store.results(deck: nil, learners: [], since: nil)
        case .summary: _ = try store.summary(deck: nil, learners: [], since: nil)
        case .dueQueue: _ = try store.dueQueue(learner: "mei", decks: decks, now: Clock.at(days: 3))
        case .counts: _ = try store.counts(learner: "mei", decks: decks, now: Clock.at(days: 3))
        case .recordAgain:
            try store.record(answer("q1", at: Clock.at(days: 3)), for: Learner(id: 1, name: "mei"))
        }
    }
}

struct Tampering: Sendable, CustomStringConvertible {
    var name: String
    var sql: String
    var damage: RowDamage
    /// The readers that read the damaged value and so must report it.
    var readers: [Reader]

    var description: String { name }
}

@Suite struct DamagedRowsTests {
    static let newReview = """
        INSERT INTO reviews (id, learner_id, deck_id, item_id, mode, answered_at, answer, score, rating)
        VALUES (3, 1, 'logic', 'q3', 'drill', %@, 'a', %@, %@);
        """

    static func review(answeredAt: String = "1772500000000000", score: String = "1", rating: String = "3") -> String {
        String(format: newReview, answeredAt, score, rating)
    }

    static let cases: [Tampering] = [
        Tampering(
            name: "text answered_at", sql: review(answeredAt: "'soon'"),
            damage: RowDamage(
                table: "reviews", row: "3", column: "answered_at", problem: "is text ('soon'), expected a time"),
            readers: [.learners, .stats, .results, .summary]),
        Tampering(
            name: "huge answered_at", sql: review(answeredAt: "9000000000000000000"),
            damage: RowDamage(
                table: "reviews", row: "3", column: "answered_at",
                problem: "is 9000000000000000000, expected a time"),
            readers: [.learners, .stats, .results, .summary]),
        Tampering(
            name: "real answered_at", sql: review(answeredAt: "1.5"),
            damage: RowDamage(table: "reviews", row: "3", column: "answered_at", problem: "is 1.5, expected a time"),
            readers: [.learners, .stats, .results, .summary]),
        Tampering(
            name: "text score", sql: review(score: "'full'"),
            damage: RowDamage(
                table: "reviews", row: "3", column: "score",
                problem: "is text ('full'), expected a score from 0 to 1"),
            readers: [.results, .summary]),
        Tampering(
            name: "rating out of range", sql: review(rating: "9"),
            damage: RowDamage(
                table: "reviews", row: "3", column: "rating", problem: "is 9, expected a rating from 1 to 4"),
            readers: [.stats, .results]),
        Tampering(
            name: "unknown mode",
            sql: "DROP TRIGGER reviews_never_updated; UPDATE reviews SET mode = 'cram' WHERE id = 2",
            damage: RowDamage(
                table: "reviews", row: "2", column: "mode",
                problem: "is text ('cram'), expected one of study, review, drill, exam, class"),
            readers: [.stats, .results]),
        Tampering(
            name: "blob learner name",
            sql: "INSERT INTO learners (id, name, created_at) VALUES (2, x'00ff', 1)",
            damage: RowDamage(
                table: "learners", row: "2", column: "name", problem: "is a blob of 2 bytes, expected text"),
            readers: [.learners, .summary]),
        Tampering(
            name: "text due",
            sql: "UPDATE cards SET due = 'tomorrow' WHERE item_id = 'q1'",
            damage: RowDamage(
                table: "cards", row: "learner 1, deck logic, item q1", column: "due",
                problem: "is text ('tomorrow'), expected a time"),
            readers: [.stats, .dueQueue, .counts, .recordAgain]),
        Tampering(
            name: "NULL reps",
            sql: """
                CREATE TABLE loose AS SELECT * FROM cards; DROP TABLE cards; ALTER TABLE loose RENAME TO cards;
                UPDATE cards SET reps = NULL WHERE item_id = 'q1';
                """,
            damage: RowDamage(
                table: "cards", row: "learner 1, deck logic, item q1", column: "reps",
                problem: "is empty (NULL), expected a count (0 or more)"),
            readers: [.recordAgain]),
        Tampering(
            name: "text rating change",
            sql: "INSERT INTO rating_changes (id, review_id, rating, changed_at) VALUES (1, 2, 'good', 1)",
            damage: RowDamage(
                table: "rating_changes", row: "1", column: "rating",
                problem: "is text ('good'), expected a rating from 1 to 4"),
            readers: [.stats, .results]),
    ]

    @Test(arguments: cases)
    func everyReaderReportsTheDamagedRow(_ tampering: Tampering) throws {
        let folder = try TemporaryFolder()
        let (path, _) = try seededStore(in: folder)
        try tamper(path, tampering.sql)
        for reader in tampering.readers {
            let store = try ProgressStore(path: path, mode: .whenNeeded)
            #expect(throws: ProgressStoreError.damaged(path: path, tampering.damage), "\(reader)") {
                try reader.run(store)
            }
        }
    }

    @Test(arguments: cases)
    func readersThatDoNotReadTheValueStillWork(_ tampering: Tampering) throws {
        let folder = try TemporaryFolder()
        let (path, _) = try seededStore(in: folder)
        try tamper(path, tampering.sql)
        for reader in Reader.allCases where !tampering.readers.contains(reader) && reader != .recordAgain {
            let store = try ProgressStore(path: path, mode: .whenNeeded)
            do {
                try reader.run(store)
            } catch ProgressStoreError.damaged(_, let damage) {
                // Another reader may legitimately meet the same row; it must name it exactly.
                #expect(damage == tampering.damage, "\(reader)")
            }
        }
    }

    @Test func theMessageNamesTheFileTheRowAndWhatToRun() throws {
        let folder = try TemporaryFolder()
        let (path, store) = try seededStore(in: folder)
        try tamper(path, Self.review(answeredAt: "'soon'"))
        do {
            _ = try store.learners()
            Issue.record("a damaged row was read without an error")
        } catch {
            #expect(
                "\(error)"
                    == "progress database \(path) is damaged: table reviews, row 3: answered_at is text ('soon'), "
                    + "expected a time; run 'lectern db check' to list every damaged row")
        }
    }

    /// A name is text Lectern can show escaped: reading goes on, and `db check` lists it.
    @Test func aNameWithAnEscapeIsReadButListedByTheCheck() throws {
        let folder = try TemporaryFolder()
        let (path, store) = try seededStore(in: folder)
        try tamper(path, "UPDATE learners SET name = 'mei' || char(27) || '[2J' WHERE id = 1")
        #expect(try store.learners().map(\.name) == ["mei\u{1B}[2J"])
        #expect(
            try DatabaseCheck.run(path: path).problems == [
                "table learners, row 1: name contains a control character (U+001B); "
                    + "use letters, digits, spaces and punctuation"
            ])
    }

    @Test func aLongOrControlFilledValueIsShownShortAndSafe() throws {
        let folder = try TemporaryFolder()
        let (path, store) = try seededStore(in: folder)
        try tamper(path, Self.review(answeredAt: "char(27) || '[31m' || printf('%.60c', 'x')"))
        #expect(
            throws: ProgressStoreError.damaged(
                path: path,
                RowDamage(
                    table: "reviews", row: "3", column: "answered_at",
                    problem: "is text ('?[31m" + String(repeating: "x", count: 35) + "…'), expected a time"))
        ) { try store.results(deck: nil, learners: [], since: nil) }
    }
}
