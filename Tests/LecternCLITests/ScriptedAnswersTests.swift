import Foundation
import Testing

/// Answers files, as a teacher runs one exam for a whole class: one line per answer, a line
/// the session cannot take stops the run, and nothing is ever graded against the wrong
/// question.
@Suite("Scripted answers")
struct ScriptedAnswersTests {
    /// Four items whose keys the tests know. Options are shuffled by the seed: with seed 2
    /// the multi item shows a) Opening a room, b) Keeping buyers, c) Beating rivals.
    static let deck = """
        lectern: 1
        id: answers
        title: Answers file deck
        source:
          title: Test notes
          passages:
            1: Starting is easy; succeeding is hard.
        items:
          - id: sure-start
            type: truefalse
            skill: recall
            source: [1]
            confidence: true
            prompt: Starting to sell is easy.
            answer: true
            explain: The notes say so.
          - id: pick-two
            type: multi
            skill: concept
            source: [1]
            prompt: Which are hard?
            options:
              - text: Opening a room
              - text: Keeping buyers
                correct: true
              - text: Beating rivals
                correct: true
            explain: Keeping and beating are the hard parts.
          - id: how-many
            type: numeric
            skill: apply
            source: [1]
            prompt: How many viewers is 153 thousand viewers, in digits?
            answer: 153000
            explain: A thousand is 1000.
          - id: last-one
            type: truefalse
            skill: recall
            source: [1]
            prompt: Succeeding is easy.
            answer: false
            explain: The notes say it is hard.

        """

    func setUp() throws -> (home: URL, arguments: [String]) {
        let home = try LecternBinary.makeHome()
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Self.deck.write(to: decks.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
        return (home, ["--decks", decks.path, "--db", home.appendingPathComponent("p.sqlite3").path])
    }

    func storedAnswers(_ home: URL, _ arguments: [String]) throws -> [[String: Any]] {
        let result = try LecternBinary.run(["results", "--format", "json"] + arguments, home: home)
        let data = Data(result.standardOutput.utf8)
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    @Test func aLineTheQuestionCannotTakeStopsTheRunAndNamesTheLine() throws {
        let (home, arguments) = try setUp()
        let result = try LecternBinary.run(
            ["exam", "answers", "--seed", "1"] + arguments, input: "t\nzzz\n153000\nf\n", home: home)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "stdin:2: error: question 2 (pick-two): got 'zzz': \"zzz\" is not an option: type the option's letter (a–c) or number (1–3), not its words.\n"
        )
        #expect(result.standardOutput.contains("2. pick-two: not reached"))
        #expect(result.standardOutput.contains("3. how-many: not reached"))
        #expect(result.standardOutput.contains("4. last-one: not reached"))
        #expect(result.standardOutput.contains("Score: 1 of 4 (25%)"))
        let stored = try storedAnswers(home, arguments)
        #expect(stored.map { $0["item"] as? String } == ["sure-start"], "nothing after the bad line is graded")
    }

    @Test func confidenceGoesOnTheAnswersOwnLineOrNotAtAll() throws {
        let (home, arguments) = try setUp()
        let withLevel = try LecternBinary.run(
            ["exam", "answers", "--seed", "2", "--learner", "ana"] + arguments, input: "t | 3\nb c\n153000\nf\n",
            home: home)
        #expect(withLevel.status == 0, "\(withLevel.standardError)")
        #expect(withLevel.standardOutput.contains("Score: 4 of 4 (100%)"))
        let without = try LecternBinary.run(
            ["exam", "answers", "--seed", "2", "--learner", "ben"] + arguments, input: "t\nb c\n153000\nf\n", home: home
        )
        #expect(without.status == 0, "\(without.standardError)")
        #expect(without.standardOutput.contains("Score: 4 of 4 (100%)"), "no line is taken as a confidence")
        let stored = try storedAnswers(home, arguments)
        let first = stored.filter { $0["item"] as? String == "sure-start" }
        #expect(first.first { $0["learner"] as? String == "ana" }?["confidence"] as? Int == 3)
        #expect(first.first { $0["learner"] as? String == "ben" }?["confidence"] is NSNull)
    }

    /// Study shows feedback and waits at `next> `; in a script Enter there is optional, so
    /// the same answers file works with and without blank lines after each answer.
    @Test(arguments: ["t\nb c\n153000\nf\n", "t\n\nb c\n\n153000\n\nf\n\n"])
    func theEnterAfterFeedbackIsOptional(input: String) throws {
        let (home, arguments) = try setUp()
        let result = try LecternBinary.run(
            ["study", "answers", "--seed", "2"] + arguments, input: input + "learners\n", home: home)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Score: 4 of 4 (100%)"))
        #expect(result.standardOutput.contains("tester"), "the line after the session ran as a command")
        #expect(try storedAnswers(home, arguments).count == 4)
    }

    @Test func inputThatEndsInsideASessionListsTheRestAndFails() throws {
        let (home, arguments) = try setUp()
        let result = try LecternBinary.run(
            ["exam", "answers", "--seed", "2"] + arguments, input: "t\nb c\n", home: home)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "stdin: error: input ended inside the session at question 3 of 4 (how-many); the report counts the rest as not reached\n"
        )
        #expect(result.standardOutput.contains("3. how-many: not reached"))
        #expect(result.standardOutput.contains("4. last-one: not reached"))
        #expect(result.standardOutput.contains("Score: 2 of 4 (50%)"))
    }

    /// A "pick all" answer is kept as typed, with the options it named in that order.
    @Test func pickAllAnswersKeepTheOrderTyped() throws {
        let (home, arguments) = try setUp()
        let result = try LecternBinary.run(
            ["exam", "answers", "--seed", "3"] + arguments, input: "t\nc b\n153000\nf\n", home: home)
        #expect(result.status == 0)
        let answer = try storedAnswers(home, arguments).first { $0["item"] as? String == "pick-two" }?["answer"]
        let text = try #require(answer as? String)
        let named = text.drop { $0 != "(" }.dropFirst().dropLast().components(separatedBy: "; ")
        #expect(text.hasPrefix("c b ("))
        // Whatever the shuffle put under c and b, they are listed c first, then b.
        let printed = result.standardOutput.components(separatedBy: "\n")
        let optionC = printed.first { $0.hasPrefix("  c) ") }.map { String($0.dropFirst(5)) }
        let optionB = printed.first { $0.hasPrefix("  b) ") }.map { String($0.dropFirst(5)) }
        #expect(named == [optionC, optionB].compactMap { $0 })
    }

    @Test(arguments: ["153000", "153,000", "153 000", "153k", "153 thousand", "15.3万", "153K"])
    func numbersInTheFormsPeopleType(typed: String) throws {
        let (home, arguments) = try setUp()
        let result = try LecternBinary.run(
            ["exam", "answers"] + arguments, input: "t\nb c\n\(typed)\nf\n", home: home)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("3. how-many: right"))
    }

    @Test func reviewBringsOnlyWhatIsDue() throws {
        let (home, arguments) = try setUp()
        let result = try LecternBinary.run(["review"] + arguments, input: "", home: home)
        #expect(result.status == 0)
        #expect(result.standardOutput == "nothing is due for tester; 'study DECK' brings new items\n")
    }

    /// A program drives Lectern over pipes: each question arrives before the next answer is
    /// sent, and a run killed half-way keeps every answer graded before the kill.
    @Test func linesAreTakenOneAtATimeAndAKilledRunKeepsItsAnswers() throws {
        let (home, arguments) = try setUp()
        let process = try PipedProcess(["exam", "answers"] + arguments, home: home)
        try process.expect("Question 1 of 4")
        process.send("t")
        try process.expect("Question 2 of 4")
        process.send("b c")
        try process.expect("Question 3 of 4")
        process.killHard()
        let stored = try storedAnswers(home, arguments)
        #expect(stored.map { $0["item"] as? String } == ["sure-start", "pick-two"])
    }
}
