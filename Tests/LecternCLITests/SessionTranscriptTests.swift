import Foundation
import Testing

/// Whole sessions through the real binary in scripted mode, compared line by line with
/// transcripts on disk: what a classroom script or a learner piping answers sees.
///
/// Set `LECTERN_UPDATE_TRANSCRIPTS=1` to write the transcripts anew, then read the diff.
@Suite("Session transcripts")
struct SessionTranscriptTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var input: [String]
        /// The exit status the run must end with.
        var status: Int32 = 0
        var description: String { name }
    }

    static let cases = [
        Case(
            name: "study-tiny", arguments: ["--seed", "5"],
            input: ["study tiny", "t", "", "t", "", ":hint", "b", ":easy", "", "platfrom", "", "decks"]),
        // A script's line the question cannot take stops the run (a person at a terminal is
        // asked again instead), so later lines never answer the wrong question.
        Case(
            name: "a-malformed-answer-stops-the-script", arguments: ["--seed", "5"],
            input: ["drill tiny", "yes", "", ":skip", "", "The platform", "3", ":quit"], status: 1),
        Case(
            name: "answers-without-blank-lines", arguments: ["--seed", "5"],
            input: ["drill tiny", "yes", ":skip", "3", ":explain", ":source", "platform", "learner"]),
        Case(
            name: "exam-tiny", arguments: ["--seed", "2"],
            input: ["exam tiny --count 3", "t", ":hint", "t", "c"]),
        Case(
            name: "drill-by-skill", arguments: ["--seed", "1"],
            input: ["drill tiny --skill recall", "f", "", "f", "", "learner"]),
    ]

    @Test(arguments: cases)
    func transcript(_ testCase: Case) throws {
        let home = try LecternBinary.makeHome()
        let result = try LecternBinary.run(
            ["--decks", Self.fixtures.appendingPathComponent("decks").path, "--learner", "ana"] + testCase.arguments,
            input: testCase.input.joined(separator: "\n") + "\n", home: home)
        #expect(result.status == testCase.status, "\(result.standardError)")
        let shown = Self.masked(
            result.standardOutput + (result.standardError.isEmpty ? "" : "--- stderr ---\n" + result.standardError))
        let file = Self.fixtures.appendingPathComponent("transcripts/\(testCase.name).txt")
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_TRANSCRIPTS"] == "1" {
            try shown.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(shown == expected)
    }

    /// Elapsed time depends on the machine; everything else must match exactly.
    static func masked(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("Time: ") ? "Time: (elapsed)" : String(line)
        }.joined(separator: "\n")
    }
}
