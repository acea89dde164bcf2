import Foundation
import Testing
@testable import LecternCore

/// What a session tells a script: which lines it refused, confidence on the answer's line,
/// and a report that lists every question.
@Suite struct ScriptedSessionTests {
    typealias F = SessionFixture

    static let sureStart = F.item(
        "sure-start", skill: .recall, prompt: "Starting a shop is the hard part.", explain: "¶3.", source: [3],
        confidence: true, .truefalse(answer: false))

    @Test(arguments: [
        ("zzz", "Answer true or false (t/f, yes/no, 对/错)."),
        ("", "Type an answer, or :skip (:help lists the commands)."),
        (":frobnicate", "Unknown command :frobnicate: :help lists the commands."),
    ])
    func aRefusedLineSaysWhichQuestionItWasFor(line: String, message: String) {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart], mode: .exam))
        #expect(driver.type("a").rejection == nil)
        let refused = driver.type(line)
        #expect(refused.rejection == SessionOutput.Rejection(message: message, question: 2, itemID: "easy-start"))
        #expect(driver.records.count == 1, "nothing is graded for a refused line")
    }

    @Test func aConfidenceOutOfRangeIsRefused() {
        var driver = SessionDriver(F.plan([Self.sureStart]))
        driver.type("f")
        #expect(driver.type("7").rejection?.message == "Type 1 (a guess), 2, 3 or 4 (certain).")
    }

    @Test(arguments: [("f | 3", 3), ("f|4", 4), ("false |1", 1)])
    func confidenceOnTheAnswersLine(line: String, level: Int) throws {
        var driver = SessionDriver(F.plan([Self.sureStart]))
        let shown = driver.type(line)
        #expect(shown.prompt == "next> ", "no separate confidence question")
        let record = try #require(driver.records.first)
        #expect(record.confidence == level)
        #expect(record.score == 1)
    }

    /// In a script an item that asks for confidence never takes the next line as it.
    @Test func aScriptWithoutConfidenceRecordsNone() throws {
        var plan = F.plan([Self.sureStart, F.easyStart], mode: .exam)
        plan.scripted = true
        var driver = SessionDriver(plan)
        driver.type("f")
        #expect(driver.last.lines.first?.text == "Question 2 of 2")
        driver.type("f")
        #expect(driver.records.map(\.confidence) == [nil, nil])
        #expect(driver.records.map(\.score) == [1, 1])
    }

    /// In a script an open answer is one line, and the next line ticks the rubric.
    @Test func aScriptedOpenAnswerIsOneLineThenTheTicks() throws {
        let essay = F.item(
            "essay", skill: .steelman, prompt: "Make the case for the celebrity seller.", source: [4],
            .open(OpenAnswerKey(model: "Attention and trust transfer.", rubric: ["attention", "trust"])))
        var plan = F.plan([essay, F.easyStart], mode: .exam)
        plan.scripted = true
        var driver = SessionDriver(plan)
        #expect(driver.type("They bring an audience that already trusts them.").prompt == "tick> ")
        driver.type("1 2")
        driver.type("f")
        #expect(driver.records.map(\.score) == [1, 1])
        #expect(driver.records.first?.answer == "They bring an audience that already trusts them.")
    }

    /// A bar that is not followed by a level 1–4 is part of the answer.
    @Test(arguments: ["a | b", "x |5", "| 3"])
    func aBarWithoutALevelStaysInTheAnswer(line: String) {
        let split = ConfidenceSuffix.split(line)
        #expect(split.answer == line)
        #expect(split.confidence == nil)
    }

    @Test func theExamReportListsEveryQuestionAndCountsTheUnreachedAsZero() {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart, F.winnerWord], mode: .exam))
        driver.type("a")
        let report = driver.type(":quit").lines.map(\.text)
        #expect(report.contains("1. who-gains: right"))
        #expect(report.contains("2. easy-start: not reached"))
        #expect(report.contains("3. winner-word: not reached"))
        #expect(report.contains("Score: 1 of 3 (33%)"))
    }

    @Test func theStudySummarySaysHowManyWereNotReached() {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart, F.winnerWord]))
        driver.type("a")
        driver.type("")
        let report = driver.type(":quit").lines.map(\.text)
        #expect(report.contains("Not reached: 2 questions."))
    }

    /// The summary shows a cloze as the learner saw it: blanks, never the answers.
    @Test func theSummaryShowsAClozesBlanks() {
        var driver = SessionDriver(F.plan([F.gap]))
        driver.type("wrong; words")
        let summary = driver.type("").lines.map(\.text).joined(separator: "\n")
        #expect(summary.contains("gap: The [1] ____ gains"))
        #expect(!summary.contains("{{"))
    }
}
