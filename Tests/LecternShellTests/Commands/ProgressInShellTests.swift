import Foundation
import LecternCore
import LecternShell
import LecternStore
import Testing

/// The shell with a real progress file and a controlled clock: what is due shows in the
/// banner and `decks`, `review` asks it, `stats` and `learner` work on the same file.
@Suite("Progress in the shell")
struct ProgressInShellTests {
    let folder: URL
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("decks"), withIntermediateDirectories: true)
        try CompletionTests.deck("facts").write(
            to: folder.appendingPathComponent("decks/facts.yaml"), atomically: true, encoding: .utf8)
    }

    func shell(at now: Date, learner: String = "ana") throws -> (Shell, BufferedOutput) {
        let store = try ProgressStore(path: folder.appendingPathComponent("progress.sqlite3").path, clock: { now })
        let output = BufferedOutput()
        let configuration = Shell.Configuration(
            deckDirectories: [folder.appendingPathComponent("decks").path], colorEnabled: false, interactive: false,
            environment: [:], learner: learner, seed: 1)
        return (Shell(configuration: configuration, output: output, store: store, now: { now }), output)
    }

    @Test func studiedItemsComeBackDueAndReviewAsksThem() throws {
        let (first, firstOutput) = try shell(at: start)
        #expect(first.banner.hasSuffix("1 deck; type 'help' for commands, Ctrl-D to leave."))
        for line in ["decks", "study facts", "t", ""] { #expect(first.handle(line: line) == .proceed) }
        #expect(firstOutput.standardOutput.hasPrefix("facts  A deck  1 item  1 new, 0 due\n"))
        #expect(!first.isInSession)

        let (later, laterOutput) = try shell(at: start.addingTimeInterval(30 * 86_400))
        #expect(later.banner.contains("1 deck, 1 item due for ana ('review' to start)"))
        #expect(later.handle(line: "decks") == .proceed)
        #expect(laterOutput.standardOutput.hasPrefix("facts  A deck  1 item  0 new, 1 due\n"))
        #expect(later.handle(line: "review") == .proceed)
        #expect(later.isInSession)
        #expect(laterOutput.standardOutput.contains("Review: A deck"))
        #expect(later.handle(line: "t") == .proceed)
        #expect(later.handle(line: "") == .proceed)
        #expect(!later.isInSession)
        #expect(later.banner.contains("due") == false)
    }

    @Test func learnersShareOneFileAndStatsAreTheirOwn() throws {
        let (ana, _) = try shell(at: start)
        for line in ["study facts", "f", ""] { #expect(ana.handle(line: line) == .proceed) }
        let (ben, benOutput) = try shell(at: start, learner: "ben")
        #expect(ben.handle(line: "learners") == .proceed)
        #expect(benOutput.standardOutput.contains("ana"))
        #expect(ben.handle(line: "stats") == .proceed)
        #expect(ben.handle(line: "learner ana") == .proceed)
        #expect(benOutput.standardOutput.contains("learner is now ana"))
        #expect(ben.handle(line: "study facts") == .proceed)
        #expect(benOutput.standardOutput.contains("nothing new or due in 'facts' today"))
    }

    @Test func resultsAsCSVForATeacher() throws {
        let (ana, _) = try shell(at: start)
        for line in ["study facts", "t", ""] { #expect(ana.handle(line: line) == .proceed) }
        let (teacher, output) = try shell(at: start, learner: "teacher")
        #expect(teacher.handle(line: "results --format csv") == .proceed)
        let lines = output.standardOutput.components(separatedBy: "\r\n")
        #expect(
            lines.first == "learner,deck,item,mode,answered_at,score,rating,hints,confidence,duration,skipped,answer")
        #expect(lines.dropFirst().first?.hasPrefix("ana,facts,one,study,") == true)
        #expect(teacher.handle(line: "results --format xml") == .failed)
    }
}
