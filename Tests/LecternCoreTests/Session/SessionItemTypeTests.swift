import Foundation
import Testing
@testable import LecternCore

/// Each item type driven through a session: the answer, the feedback, the record.
@Suite struct SessionItemTypeTests {
    typealias F = SessionFixture

    /// One item asked and answered, then Enter: the record and the feedback lines.
    private func answerOne(_ item: Item, _ lines: [String]) -> (SessionDriver, [String]) {
        var driver = SessionDriver(F.plan([item]))
        var feedback: [String] = []
        for line in lines { feedback = driver.type(line).lines.map(\.text) }
        driver.type("")
        return (driver, feedback)
    }

    @Test func choiceRightIsRecordedWithItsFeedback() throws {
        var driver = SessionDriver(F.plan([F.whoGains]))
        #expect(driver.last.prompt == "answer> ")
        #expect(driver.last.completions == ["a", "b", "c", ":hint", ":skip", ":source", ":quit", ":help"])
        let feedback = driver.type("a")
        #expect(
            feedback.lines.map(\.text) == [
                "Right: 100%.", "¶4: the followers stay on the platform.",
                "¶4: Followers stay with the platform whatever the sales.",
                "Enter to go on; :easy or :hard to rate it yourself.",
            ])
        #expect(feedback.lines.first?.style == .good)
        #expect(feedback.prompt == "next> ")
        // Saved with the feedback, before the learner goes on: a killed process keeps it.
        let record = try #require(feedback.records.first)
        #expect(
            record
                == AnswerRecord(
                    deckID: "fixture", itemID: "who-gains", mode: .study, answeredAt: F.start.addingTimeInterval(5),
                    answer: "a (The platform)", score: 1, rating: .good, duration: 5))
        let end = driver.type("", after: 3)
        #expect(end.records.isEmpty, "going on does not record the answer twice")
        #expect(end.isFinished)
    }

    @Test func choiceWrongNamesTheMisconception() {
        let (driver, feedback) = answerOne(F.whoGains, ["2"])
        #expect(
            feedback == [
                "Wrong: 0%.", "b) The first sellers: Early entry is not the point of ¶4.", "Answer: a) The platform",
                "¶4: the followers stay on the platform.", "¶4: Followers stay with the platform whatever the sales.",
                "Enter to go on; :easy or :hard to rate it yourself.",
            ])
        #expect(driver.records.map(\.rating) == [.again])
    }

    @Test(arguments: [
        ("a c", 1.0, Rating.good), ("a", 0.5, .hard), ("a b c", 0.5, .hard), ("b d", 0.0, .again),
    ])
    func multi(answer: String, score: Double, rating: Rating) {
        let (driver, _) = answerOne(F.winners, [answer])
        #expect(driver.records.map(\.score) == [score])
        #expect(driver.records.map(\.rating) == [rating])
    }

    @Test func multiPartialFeedback() {
        let (_, feedback) = answerOne(F.winners, ["a b"])
        #expect(
            feedback.prefix(3) == [
                "Wrong: 0%.", "b) Late sellers: They arrive to a crowd.",
                "Answer: a) The platform; c) The platform's owners",
            ])
    }

    @Test(arguments: [("错", 1.0), ("no", 1.0), ("t", 0.0)])
    func trueFalse(answer: String, score: Double) {
        #expect(answerOne(F.easyStart, [answer]).0.records.map(\.score) == [score])
    }

    @Test(arguments: [("The platfrom", 1.0), ("marketplace", 1.0), ("sellers", 0.0)])
    func short(answer: String, score: Double) {
        #expect(answerOne(F.winnerWord, [answer]).0.records.map(\.score) == [score])
    }

    @Test(arguments: [("10%", 1.0), ("12", 1.0), ("0.1", 0.0), ("15 %", 0.0)])
    func numeric(answer: String, score: Double) {
        #expect(answerOne(F.share, [answer]).0.records.map(\.score) == [score])
    }

    @Test func clozePartial() {
        let (driver, feedback) = answerOne(F.gap, ["platform; buyers"])
        #expect(driver.records.map(\.score) == [0.5])
        #expect(driver.records.map(\.rating) == [.hard])
        #expect(
            feedback.prefix(3) == [
                "Partly right: 50%.", "[2] you wrote \"buyers\"; answer: sellers", "Answer: [1] platform; [2] sellers",
            ])
    }

    @Test func clozeShowsNumberedBlanks() {
        let driver = SessionDriver(F.plan([F.gap]))
        #expect(driver.transcript.contains("The [1] ____ gains while the [2] ____ compete."))
        #expect(driver.transcript.contains("Fill the 2 blanks on one line, separated by \";\"."))
    }

    @Test func orderRightAndPartial() {
        var driver = SessionDriver(F.plan([F.steps, F.steps.renamed("steps-2")]))
        let right = ["Sellers join", "Followers grow", "The platform keeps them"].compactMap { driver.letter(of: $0) }
        #expect(right.count == 3)
        driver.type(right.joined(separator: " "))
        driver.type("")
        let second = ["Sellers join", "Followers grow", "The platform keeps them"].compactMap { driver.letter(of: $0) }
        driver.type([second[2], second[0], second[1]].joined(separator: ","))
        driver.type("")
        #expect(driver.records.map(\.score) == [1, 2.0 / 3])
    }

    @Test func matchByShownLetters() {
        var driver = SessionDriver(F.plan([F.pairs]))
        let followers = driver.letter(of: "followers")!, choice = driver.letter(of: "choice")!,
            sales = driver.letter(of: "sales")!
        driver.type("3\(choice) 1\(followers) 2\(sales)")
        driver.type("")
        #expect(driver.records.map(\.score) == [1.0 / 3])
        #expect(driver.transcript.contains("2 goes with \(choice), not \(sales)."))
    }

    @Test(arguments: [("1p 2p 3c 4o", 1.0), ("ppco", 1.0), ("1p 2c 3p 4o", 0.5)])
    func roles(answer: String, score: Double) {
        #expect(answerOne(F.argument, [answer]).0.records.map(\.score) == [score])
    }

    @Test func rolesFeedbackNamesEachMistake() {
        let (_, feedback) = answerOne(F.argument, ["1p 2c 3p 4o"])
        #expect(
            feedback.prefix(4) == [
                "Partly right: 50%.", "2 is a premise, not a conclusion.", "3 is a conclusion, not a premise.",
                "Answer: 1p 2p 3c 4o",
            ])
    }

    @Test func openAnswerIsWrittenThenTicked() {
        var driver = SessionDriver(F.plan([F.essay]))
        #expect(driver.type("They hope to gain early.").prompt == "…> ")
        #expect(driver.type("And nothing else works.").prompt == "…> ")
        let model = driver.type("")
        #expect(
            model.lines.map(\.text) == [
                "Model answer:", "Hope of early gains, and no other channel.", "Rubric:", "  1. early gains",
                "  2. no other channel",
                "Tick the points your answer covered, e.g. \"1 3\", \"all\" or \"none\".",
            ])
        #expect(model.prompt == "tick> ")
        #expect(driver.type("3").lines.map(\.text) == ["There is no point 3: tick 1–2."])
        #expect(driver.type("1").lines.first?.text == "Partly right: 50%.")
        driver.type("")
        #expect(driver.records.map(\.answer) == ["They hope to gain early.\nAnd nothing else works."])
        #expect(driver.records.map(\.score) == [0.5])
    }

    @Test func walkthroughFirstBranch() throws {
        var driver = SessionDriver(F.plan([F.journey]))
        #expect(
            driver.transcript.suffix(8) == [
                "Question 1 of 1", "A friend wants to open a live-stream shop.", "Think it through.", "step 1 of 3",
                "What does the friend do?", "  a) Join now", "  b) Wait a year", "Answer with a letter or a number.",
            ])
        driver.type("a")
        #expect(driver.last.lines.last?.text == "Enter for the next step.")
        #expect(
            driver.type("").lines.prefix(2).map(\.text) == [
                "step 2 of 3", "More sellers join too. Who keeps the followers?",
            ])
        driver.type("platform")
        driver.type("")
        driver.type("b")
        #expect(
            driver.last.lines.map(\.text) == [
                "Wrong: 0%.", "b) guaranteed: Followers do not guarantee sales.", "Answer: a) hard to make",
                "Crowds favour the platform.", "¶4: Followers stay with the platform whatever the sales.",
                "Walkthrough: 67% over 3 steps.", "Enter to go on; :easy or :hard to rate it yourself.",
            ])
        #expect(driver.last.records.count == 1, "the walkthrough is saved when its last step is graded")
        driver.type("")
        #expect(driver.records.count == 1)
        let record = try #require(driver.records.first)
        #expect(record.answer == "decide: a (Join now)\ncrowd: platform\nverdict: b (guaranteed)")
        #expect(abs(record.score - 2.0 / 3) < 1e-9)
        #expect(record.rating == .hard)
    }

    @Test func walkthroughOtherBranch() throws {
        var driver = SessionDriver(F.plan([F.journey]))
        driver.type("b")
        #expect(
            driver.last.lines.map(\.text).contains("b) Wait a year: Waiting does not change who keeps the followers."))
        #expect(driver.type("").lines.prefix(2).map(\.text) == ["step 2 of 3", "A year later the market is crowded."])
        driver.type("true")
        driver.type("")
        driver.type("a")
        driver.type("")
        let record = try #require(driver.records.first)
        #expect(record.answer == "decide: b (Wait a year)\nlater: true\nverdict: a (hard to make)")
        #expect(abs(record.score - 2.0 / 3) < 1e-9)
    }
}

fileprivate extension Item {
    /// The same item under another id, for queues that ask a shape twice.
    func renamed(_ id: String) -> Item {
        var copy = self
        copy.id = id
        return copy
    }
}
