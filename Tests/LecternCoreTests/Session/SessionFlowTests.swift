import Foundation
import Testing
@testable import LecternCore

/// Commands, interruptions, confidence and exams, driven line by line with a fixed clock.
@Suite struct SessionFlowTests {
    typealias F = SessionFixture

    @Test(arguments: [(0, Rating.good), (1, .hard), (2, .again)])
    func hintsLowerTheRating(hints: Int, rating: Rating) throws {
        var driver = SessionDriver(F.plan([F.whoGains]))
        for _ in 0..<hints { driver.type(":hint") }
        driver.type("a")
        driver.type("")
        let record = try #require(driver.records.first)
        #expect(record.rating == rating)
        #expect(record.hintsUsed == hints)
        #expect(record.score == 1)
    }

    @Test func hintLadderRunsOut() {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart]))
        #expect(driver.type(":hint").lines == [StyledLine("Hint 1 of 2: Where do the followers end up?", .hint)])
        #expect(driver.type(":hint").lines.map(\.text) == ["Hint 2 of 2: Not a seller."])
        #expect(driver.type(":hint").lines.map(\.text) == ["No hints left."])
        #expect(driver.type("a").lines.first?.text == "Right: 100% (after 2 hints).")
        driver.type("")
        #expect(driver.type(":hint").lines.map(\.text) == ["This question has no hints."])
    }

    @Test func skipRecordsAZeroAndShowsTheAnswer() throws {
        var driver = SessionDriver(F.plan([F.winnerWord]))
        let shown = driver.type(":skip")
        #expect(shown.lines.map(\.text).prefix(3) == ["Skipped.", "Answer: platform", "¶4."])
        #expect(driver.type(":easy").lines.map(\.text) == [":easy is for answers you got right."])
        driver.type("")
        let record = try #require(driver.records.first)
        #expect(record.skipped)
        #expect(record.score == 0)
        #expect(record.rating == .again)
    }

    @Test func quitKeepsWhatWasAnswered() {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart, F.winnerWord]))
        driver.type("b")
        driver.type("")
        driver.type("f")
        let end = driver.type(":quit", after: 10)
        #expect(end.isFinished)
        #expect(end.prompt == "")
        #expect(driver.records.map(\.itemID) == ["who-gains", "easy-start"])
        #expect(
            end.lines.map(\.text) == [
                "Session over", "Not reached: 1 question.", "Score: 1 of 2 (50%)", "Time: 25 s", "By skill:",
                "  recall: 100% of 1 item",
                "  claim: 0% of 1 item", "By tag:", "  T3: 100% of 1 item", "  T5: 0% of 1 item", "Look again:",
                "  who-gains: Who gains when many new sellers join?",
            ])
    }

    @Test func quitBeforeAnyAnswer() {
        var driver = SessionDriver(F.plan([F.whoGains]))
        #expect(
            driver.type(":quit").lines.map(\.text) == [
                "Session over", "Not reached: 1 question.", "No questions answered.", "Time: 5 s",
            ])
        #expect(driver.records.isEmpty)
        #expect(driver.type("a").lines.isEmpty)
    }

    @Test func interruptOnceAbandonsTheQuestion() {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart]))
        driver.type(":hint")
        let next = driver.interrupt()
        #expect(
            next.lines.map(\.text).prefix(3) == [
                "Question abandoned; nothing recorded.", "Question 2 of 2", "Starting a shop is the hard part.",
            ])
        #expect(next.records.isEmpty)
        driver.type("f")
        driver.type("")
        #expect(driver.records.map(\.itemID) == ["easy-start"])
    }

    @Test(arguments: [("y", true), ("n", false)])
    func interruptTwiceAsksToLeave(reply: String, leaves: Bool) {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart, F.winnerWord]))
        driver.interrupt()
        let asked = driver.interrupt()
        #expect(asked.prompt == "leave the session? (y/n) ")
        #expect(asked.lines.isEmpty)
        #expect(driver.type("maybe").lines.map(\.text) == ["Answer y or n."])
        let after = driver.type(reply)
        #expect(after.isFinished == leaves)
        if !leaves {
            #expect(after.lines.map(\.text) == ["Carrying on."])
            #expect(after.prompt == "answer> ")
            #expect(driver.type("f").lines.first?.text == "Right: 100%.")
        }
    }

    @Test func interruptAtNextGoesOnAndKeepsTheRecord() {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart]))
        let graded = driver.type("a")
        #expect(graded.records.map(\.itemID) == ["who-gains"])
        let next = driver.interrupt()
        #expect(next.records.isEmpty)
        #expect(driver.records.map(\.itemID) == ["who-gains"])
        #expect(next.lines.first?.text == "Question 2 of 2")
    }

    @Test(arguments: [
        (F.whoGains, "e", "\"e\" is not an option: answer a–c or 1–3."),
        (F.winners, "a q", "\"q\" is not an option: answer a–d or 1–4."),
        (F.easyStart, "perhaps", "Answer true or false (t/f, yes/no, 对/错)."),
        (F.share, "ten", "\"ten\" is not a number: type digits like 1200, 1,200 or 1.2e3."),
        (F.gap, "platform", "Give 2 answers separated by \";\", one per blank."),
        (F.steps, "a b", "Give all 3 entries in order, e.g. \"c b a\"."),
        (F.pairs, "1a 2b", "Pair every entry on the left; missing: 3."),
        (F.argument, "1p 2q", "q is not a role: use c, p, a, o or x."),
    ])
    func malformedAnswersAreAskedAgain(item: Item, answer: String, message: String) {
        var driver = SessionDriver(F.plan([item]))
        let again = driver.type(answer)
        #expect(again.lines == [StyledLine(message, .bad)])
        #expect(again.prompt == "answer> ")
        #expect(again.records.isEmpty)
        #expect(driver.type("").lines.map(\.text) == ["Type an answer, or :skip (:help lists the commands)."])
    }

    @Test func confidenceIsAskedBeforeTheReveal() throws {
        var item = F.whoGains
        item.confidence = true
        var driver = SessionDriver(F.plan([item]))
        let asked = driver.type("b")
        #expect(asked.prompt == "confidence 1-4> ")
        #expect(asked.lines.map(\.text) == ["How sure are you? 1 a guess · 2 unsure · 3 fairly sure · 4 certain"])
        #expect(driver.type("5").lines.map(\.text) == ["Type 1 (a guess), 2, 3 or 4 (certain)."])
        #expect(driver.type("4").lines.first?.text == "Wrong: 0%.")
        driver.type("")
        let record = try #require(driver.records.first)
        #expect(record.confidence == 4)
        #expect(record.score == 0)
        #expect(record.answer == "b (The first sellers)")
    }

    @Test func overridesChangeTheRating() {
        var driver = SessionDriver(F.plan([F.whoGains, F.winners, F.easyStart]))
        driver.type("a")
        #expect(driver.type(":easy").lines.map(\.text) == ["Rated easy."])
        driver.type("")
        driver.type("a")
        #expect(driver.type(":easy").lines.map(\.text) == [":easy is for answers you got right."])
        #expect(driver.type(":hard").lines.map(\.text) == ["Rated hard."])
        driver.type("")
        driver.type("t")
        #expect(
            driver.type(":hard").lines.map(\.text) == [
                "A wrong answer is rated again; :hard is for answers that were right or partly right."
            ])
        driver.type("")
        // Each answer is saved as graded; an override follows as a rating change.
        #expect(driver.records.map(\.rating) == [.good, .easy, .hard, .hard, .again])
        #expect(driver.records.map(\.changesRating) == [false, true, false, true, false])
        #expect(driver.records.map(\.itemID) == ["who-gains", "who-gains", "winners", "winners", "easy-start"])
    }

    @Test func explainAndSourceAfterAnswering() {
        var driver = SessionDriver(F.plan([F.whoGains], paragraphs: [4: "The full fourth paragraph."]))
        #expect(driver.type(":explain").lines.map(\.text) == ["The explanation comes after you answer."])
        #expect(driver.type(":source").lines == [StyledLine("¶4: The full fourth paragraph.", .source)])
        driver.type("a")
        #expect(driver.type(":explain").lines.map(\.text) == ["¶4: the followers stay on the platform."])
        #expect(
            driver.type("hello").lines.map(\.text) == ["Press Enter to go on (or :easy, :hard, :explain, :source)."])
        #expect(driver.type(":bogus").lines.map(\.text) == ["Unknown command :bogus: :help lists the commands."])
        #expect(driver.last.prompt == "next> ")
    }

    @Test func helpListsTheCommandsOfTheMoment() {
        var driver = SessionDriver(F.plan([F.whoGains]))
        #expect(
            driver.type(":help").lines.map(\.text) == [
                "Commands", "  :hint    the next hint (each one lowers the rating)", "  :source  the cited paragraphs",
                "  :skip    skip this question (counts as wrong)", "  :quit    end the session and see the summary",
            ])
    }

    @Test func examGivesNoFeedbackAndRecordsAtOnce() {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart, F.winnerWord], mode: .exam, exam: .init(count: 2)))
        #expect(driver.transcript.prefix(2) == ["Exam: Who gains from crowding", "2 questions · results at the end"])
        #expect(driver.type(":hint").lines.map(\.text) == ["No hints in an exam."])
        let next = driver.type("b")
        #expect(next.records.map(\.itemID) == ["who-gains"])
        #expect(next.records.map(\.mode) == [.exam])
        #expect(next.lines.first?.text == "Question 2 of 2")
        let end = driver.type("f")
        #expect(end.isFinished)
        #expect(
            end.lines.map(\.text) == [
                "Exam report", "1. who-gains: wrong", "   your answer: b (The first sellers)",
                "   answer: a) The platform",
                "2. easy-start: right", "   your answer: f", "Score: 1 of 2 (50%)", "Time: 15 s", "By skill:",
                "  recall: 100% of 1 item", "  claim: 0% of 1 item", "By tag:", "  T3: 100% of 1 item",
                "  T5: 0% of 1 item",
            ])
    }

    @Test func examTimeRunsOutMidway() throws {
        let plan = F.plan([F.whoGains, F.easyStart, F.winnerWord], mode: .exam, exam: .init(timeLimit: 60))
        var driver = SessionDriver(plan)
        #expect(
            driver.transcript.prefix(3) == [
                "Exam: Who gains from crowding", "3 questions · 1 min · results at the end",
                "Question 1 of 3 · 1 min left",
            ])
        driver.type("a", after: 20)
        #expect(driver.last.lines.first?.text == "Question 2 of 3 · 40 s left")
        let late = driver.type("f", after: 45)
        #expect(late.isFinished)
        #expect(late.records.map(\.itemID) == ["easy-start", "winner-word"])
        #expect(late.records.allSatisfy { $0.skipped && $0.score == 0 && $0.rating == .again })
        #expect(late.records.map(\.duration) == [45, 0])
        #expect(
            late.lines.map(\.text).prefix(8) == [
                "Time is up: unanswered questions count as wrong.", "Exam report", "1. who-gains: right",
                "   your answer: a (The platform)",
                "2. easy-start: wrong (time ran out)", "3. winner-word: wrong (time ran out)", "Score: 1 of 3 (33%)",
                "Time: 1 min 5 s",
            ])
        #expect(driver.records.count == 3)
    }

    @Test func examWalkthroughFollowsItsBranchWithoutFeedback() throws {
        var driver = SessionDriver(F.plan([F.journey], mode: .exam))
        #expect(driver.type("b").lines.map(\.text).prefix(2) == ["step 2 of 3", "A year later the market is crowded."])
        driver.type("t")
        let end = driver.type("b")
        let record = try #require(end.records.first)
        #expect(record.answer == "decide: b (Wait a year)\nlater: t\nverdict: b (guaranteed)")
        #expect(abs(record.score - 1.0 / 3) < 1e-9)
        #expect(end.isFinished)
    }

    @Test func drillRecordsCarryTheDrillMode() {
        var driver = SessionDriver(F.plan([F.easyStart], mode: .drill))
        #expect(driver.transcript.first == "Drill: Who gains from crowding")
        driver.type("f")
        driver.type("")
        #expect(driver.records.map(\.mode) == [.drill])
    }

    @Test func drillQueueFiltersAndShuffles() {
        let deck = F.deck(F.allItems)
        #expect(SessionPlan.drillQueue(deck: deck, tag: "T5") == ["who-gains", "journey"])
        #expect(SessionPlan.drillQueue(deck: deck, skill: .recall) == ["easy-start", "winner-word", "gap"])
        #expect(SessionPlan.drillQueue(deck: deck, tag: "T3", skill: .claim).isEmpty)
        let shuffled = SessionPlan.drillQueue(deck: deck, shuffle: true, seed: 42)
        #expect(shuffled == SessionPlan.drillQueue(deck: deck, shuffle: true, seed: 42))
        #expect(shuffled != deck.items.map(\.id))
        #expect(shuffled.sorted() == deck.items.map(\.id).sorted())
    }

    @Test func examCountAndUnknownIdsShapeTheQueue() {
        let plan = SessionPlan(
            deck: F.deck(F.allItems), itemIDs: ["gap", "nope", "share", "who-gains"], mode: .exam,
            exam: .init(count: 2), startTime: F.start)
        #expect(StudySession(plan: plan).itemCount == 2)
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4])
    }

    @Test func shuffledOptionsMapBackToTheDeck() throws {
        var driver = SessionDriver(F.plan([F.whoGains], seed: 3, shuffle: true))
        let letter = try #require(driver.letter(of: "The platform"))
        driver.type(letter)
        driver.type("")
        #expect(driver.records.map(\.score) == [1])
    }

    @Test func aTimerCanEndAnExamWithoutALine() throws {
        var driver = SessionDriver(F.plan([F.whoGains, F.easyStart], mode: .exam, exam: .init(timeLimit: 30)))
        #expect(driver.session.expireIfOutOfTime(now: F.start.addingTimeInterval(29)) == nil)
        let expired = driver.session.expireIfOutOfTime(now: F.start.addingTimeInterval(30))
        let out = try #require(expired)
        #expect(out.isFinished)
        #expect(out.records.map(\.itemID) == ["who-gains", "easy-start"])
        #expect(driver.session.expireIfOutOfTime(now: F.start.addingTimeInterval(40)) == nil)
    }

    @Test(arguments: [
        (F.pairs, ["a", "b", "c"]), (F.argument, ["c", "p", "a", "o", "x"]), (F.winnerWord, []),
    ])
    func completionsOfferWhatMayBeTyped(item: Item, letters: [String]) {
        var driver = SessionDriver(F.plan([item]))
        #expect(driver.last.completions == letters + [":hint", ":skip", ":source", ":quit", ":help"])
        driver.type(":skip")
        #expect(driver.last.completions == [":explain", ":source", ":easy", ":hard", ":quit", ":help"])
    }

    @Test func walkthroughStepsAskConfidenceAndQuitKeepsTheStepsAnswered() throws {
        guard case .walkthrough(var walkthrough) = F.journey.body else { return }
        walkthrough.steps[0].confidence = true
        walkthrough.steps[1].confidence = true
        var journey = F.journey
        journey.body = .walkthrough(walkthrough)
        var driver = SessionDriver(F.plan([journey, F.easyStart]))
        #expect(driver.type("a").prompt == "confidence 1-4> ")
        driver.type("4")
        driver.type("")
        driver.type("sellers")
        driver.type("1")
        let end = driver.type(":quit")
        let record = try #require(end.records.first)
        #expect(record.answer == "decide: a (Join now)\ncrowd: sellers")
        #expect(record.confidence == 3)
        #expect(record.score == 0.5)
        #expect(record.rating == .hard)
        #expect(end.isFinished)
    }
}
