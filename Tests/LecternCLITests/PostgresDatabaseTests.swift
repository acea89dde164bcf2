import Foundation
import LecternPostgresServer
import LecternTestSupport
import Testing

/// `--db postgres://…` with the real binary against a real server the tests start: the
/// same session on a file and on the server reads back the same everywhere.
@Suite("A PostgreSQL progress database with the real binary")
struct PostgresDatabaseTests {
    func setUp() throws -> (home: URL, decks: [String]) {
        let home = try LecternBinary.makeHome()
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try ScriptedAnswersTests.deck.write(
            to: decks.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
        return (home, ["--decks", decks.path])
    }

    /// Two learners' exams and a study session, then every reading command, on both.
    func session(_ database: [String], home: URL, decks: [String], environment: [String: String] = [:]) throws
        -> [String]
    {
        let arguments = decks + database
        for (learner, input) in [("ana", "t | 3\nb c\n153000\nf\n"), ("ben", "f\na b\n1\nt\n")] {
            let exam = try LecternBinary.run(
                ["exam", "answers", "--seed", "2", "--learner", learner] + arguments, input: input, home: home,
                extraEnvironment: environment)
            #expect(exam.status == 0, "\(exam.standardError)")
        }
        let study = try LecternBinary.run(
            ["study", "answers", "--seed", "2", "--learner", "ana"] + arguments, input: "t\nb c\n153000\nf\n",
            home: home, extraEnvironment: environment)
        #expect(study.status == 0, "\(study.standardError)")
        var outputs: [String] = []
        for command in [
            // learners and --summary show wall-clock times and durations, which differ between the runs.
            ["stats", "answers", "--learner", "ana"],
            ["decks", "--learner", "ana"],
        ] {
            let result = try LecternBinary.run(command + arguments, home: home, extraEnvironment: environment)
            #expect(result.status == 0, "\(command): \(result.standardError)")
            outputs.append(result.standardOutput)
        }
        let json = try LecternBinary.run(
            ["results", "--format", "json"] + arguments, home: home, extraEnvironment: environment)
        let rows = (try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]]) ?? []
        outputs.append(
            rows.map { row in
                ["learner", "item", "mode", "score", "rating", "answer", "confidence"].map { "\(row[$0] ?? "-")" }
                    .joined(separator: ",")
            }.joined(separator: "\n"))
        return outputs
    }

    @Test func everyCommandReadsTheServerAsItReadsAFile() throws {
        let (home, decks) = try setUp()
        let address = try PostgresServer.shared().makeDatabase()
        let onFile = try session(["--db", home.appendingPathComponent("p.sqlite3").path], home: home, decks: decks)
        let onServer = try session(["--db", address], home: home, decks: decks)
        #expect(onServer == onFile)
        #expect(onServer.first?.contains("Stats for ana") == true)
        #expect(onServer.last?.split(separator: "\n").count == 12)
    }

    @Test func lecternDBChoosesTheServerToo() throws {
        let (home, decks) = try setUp()
        let address = try PostgresServer.shared().makeDatabase()
        let outputs = try session([], home: home, decks: decks, environment: ["LECTERN_DB": address])
        #expect(outputs.last?.contains("ben,") == true)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("data/lectern").path))
    }

    @Test func aPasswordOnTheCommandLineIsRefusedAndNotPrinted() throws {
        let (home, decks) = try setUp()
        let result = try LecternBinary.run(
            ["learners", "--db", "postgres://teacher:hunter2@127.0.0.1/school"] + decks, home: home)
        #expect(result.status != 0)
        #expect(result.standardError.contains("PGPASSWORD"))
        #expect(!result.standardError.contains("hunter2"))
    }

    @Test func anUnreachableServerIsNamedInTheError() throws {
        let (home, decks) = try setUp()
        let port = try PostgresServer.freePort()
        let result = try LecternBinary.run(
            ["learners", "--db", "postgres://teacher@127.0.0.1:\(port)/school"] + decks, home: home)
        #expect(result.status == 1)
        #expect(result.standardError.contains("postgres://teacher@127.0.0.1:\(port)/school"))
    }
}
