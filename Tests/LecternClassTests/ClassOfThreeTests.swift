import Foundation
import LecternClass
import LecternCore
import Testing
import LecternTestSupport

/// Three students through a deck of every live type: Ada answers right after 2 s, Ben
/// wrong or partly right after 5 s, Cy right after 10 s on even questions and not at all
/// on odd ones (those are revealed when time runs out).
@Suite("Live class: a class of three")
struct ClassOfThreeTests {
    @Test func walkthroughsArePlayedAlongTheirMainPath() {
        let live = ClassFixture.makeClass()
        let walk = live.questions.filter { $0.item.id == "walk" }
        #expect(walk.map(\.stepID) == ["first", "third"])
        #expect(walk.map(\.stepNumber) == [1, 2])
        #expect(live.questions.count == ClassFixture.items.count - 1 + walk.count)
    }

    @Test func everyTypeIsAskedGradedRevealedAndRecorded() throws {
        var driver = ClassDriver()
        let ada = driver.join("Ada").client
        let ben = driver.join("Ben").client
        let cy = driver.join("Cy").client
        let lobby = try #require(driver.messages(to: cy).compactMap(\.lobby).last)
        #expect(lobby.names == ["Ada", "Ben", "Cy"])

        driver.send(.teacher(.start))
        let questions = driver.live.questions
        let limit = driver.live.configuration.timeLimit
        for index in questions.indices {
            let asked = questions[index].asked
            let shown = try #require(driver.messages(to: ada).compactMap(\.question).last)
            #expect(shown.question == index && shown.count == questions.count)
            #expect(driver.messages(to: ben).compactMap(\.question).last == shown)
            let cyAnswers = index % 2 == 0

            driver.advance(2)
            let adaAccepted = driver.send(.answer(ada, question: index, text: TypedAnswers.right(asked, shown: shown)))
            #expect(ClassDriver.messages(to: ada, in: adaAccepted).compactMap(\.accepted).map(\.question) == [index])
            #expect(
                adaAccepted.contains(.teacher(.progress(answered: 1, of: 3, secondsLeft: Int(limit) - 2))),
                "the teacher sees the count of answers and the time left")
            driver.advance(3)
            driver.send(.answer(ben, question: index, text: TypedAnswers.weaker(asked, shown: shown)))
            driver.advance(5)
            let revealing: [LiveEffect]
            if cyAnswers {
                revealing = driver.send(.answer(cy, question: index, text: TypedAnswers.right(asked, shown: shown)))
            } else {
                driver.send(.tick)
                #expect(driver.live.phase == .open(question: index), "revealed before time was up")
                driver.advance(limit)
                revealing = driver.send(.tick)
            }
            #expect(driver.live.phase == .revealed(question: index))

            let adaReveal = try #require(ClassDriver.messages(to: ada, in: revealing).compactMap(\.reveal).first)
            let benReveal = try #require(ClassDriver.messages(to: ben, in: revealing).compactMap(\.reveal).first)
            let cyReveal = try #require(ClassDriver.messages(to: cy, in: revealing).compactMap(\.reveal).first)
            let histogram = adaReveal.histogram
            #expect(benReveal.histogram == histogram && cyReveal.histogram == histogram)
            #expect(histogram.answered == (cyAnswers ? 3 : 2))
            #expect(histogram.unanswered == (cyAnswers ? 0 : 1))
            #expect(adaReveal.explanation == (asked.explain ?? questions[index].item.explain))
            #expect(cyReveal.you.answered == cyAnswers)

            if asked.kind == .open {
                #expect(shown.lines.last == "Write your answer on one line.")
                #expect(
                    driver.notices.contains(.openAnswer(question: index, name: "Ben", text: "No idea.")),
                    "the teacher sees each open answer as it comes")
                #expect(adaReveal.you.outcome == nil && adaReveal.you.points == 0)
                #expect(histogram.kind == .none)
                #expect(adaReveal.answer == "It keeps the followers whoever sells.")
                let teacherReveal = try #require(
                    driver.notices.compactMap { if case .revealed(let value) = $0 { value } else { nil } }.last)
                #expect(teacherReveal.openAnswers.map(\.name) == (cyAnswers ? ["Ada", "Ben", "Cy"] : ["Ada", "Ben"]))
                #expect(teacherReveal.openAnswers.first?.text == TypedAnswers.right(asked, shown: shown))
            } else {
                #expect(adaReveal.you.outcome == "right" && adaReveal.you.percent == 100)
                // Right after 2 s of `limit`: 1000 + 500 × (limit − 2) ÷ limit.
                #expect(adaReveal.you.points == 1000 + Int((500 * (limit - 2) / limit).rounded()))
                let benOutcome = TypedAnswers.partial(asked.kind) ? "partial" : "wrong"
                #expect(benReveal.you.outcome == benOutcome, "\(asked.id)")
                #expect(benReveal.you.points < 1000)
                #expect(histogram.right == (cyAnswers ? 2 : 1))
                #expect(histogram.partial + histogram.wrong == 1)
                #expect(adaReveal.answer?.isEmpty == false)
                checkBars(histogram, asked: asked, rightCount: cyAnswers ? 2 : 1)
                if case .choice = asked.body, asked.options.contains(where: { $0.feedback != nil }) {
                    #expect(benReveal.you.mistakes.count == 1, "Ben's wrong option explains itself")
                }
            }
            if index + 1 < questions.count { driver.send(.teacher(.next)) }
        }

        // `next` after the last question is refused and changes nothing.
        let refused = driver.send(.teacher(.next))
        #expect(refused.count == 1 && driver.live.phase == .revealed(question: questions.count - 1))
        if case .teacher(.refused(let sentence)) = refused.first {
            #expect(sentence.contains("last question"))
        } else {
            Issue.record("next after the last question was not refused: \(refused)")
        }

        let board = driver.live.leaderboard
        #expect(board.map(\.name) == ["Ada", "Cy", "Ben"])
        #expect(board.map(\.rank) == [1, 2, 3])
        #expect(board[0].right == questions.count - 1, "every graded question")

        let ending = driver.send(.teacher(.end))
        let end = try #require(ClassDriver.messages(to: ben, in: ending).compactMap(\.end).first)
        #expect(end.rank == 3 && end.board.map(\.name) == ["Ada", "Cy", "Ben"])
        #expect(ClassDriver.closed(ben, in: ending))
        #expect(driver.live.phase == .ended)

        // One record per student and question, each as it was graded.
        let records = driver.records
        for name in ["Ada", "Ben", "Cy"] {
            let own = records.filter { $0.learner == name }
            #expect(own.map(\.question).sorted() == Array(questions.indices), "\(name)")
        }
        for record in records where record.learner == "Ada" {
            let kind = questions[record.question].kind
            #expect(record.score == (kind == .open ? nil : 1))
            #expect(record.duration == 2 && !record.skipped)
            #expect(record.itemID == questions[record.question].item.id)
            #expect(record.stepID == questions[record.question].stepID)
        }
        let cySkipped = records.filter { $0.learner == "Cy" && $0.skipped }
        #expect(cySkipped.map(\.question) == questions.indices.filter { $0 % 2 == 1 })
        #expect(cySkipped.allSatisfy { $0.points == 0 && ($0.score ?? 0) == 0 })
        let choice = try #require(records.first { $0.learner == "Ben" && $0.itemID == "who-gains" })
        #expect(choice.answer.contains("(The first sellers)"), "the record names the option, not just its letter")
        #expect(records.first { $0.learner == "Ada" && $0.stepID == "third" }?.answer == "shoppers")
    }

    /// The bars a type draws, with the counts this class gave.
    private func checkBars(_ histogram: Histogram, asked: Item, rightCount: Int) {
        switch asked.body {
        case .choice(let options):
            #expect(histogram.kind == .options && histogram.bars.count == options.count)
            #expect(histogram.bars.filter { $0.right == true }.map(\.count) == [rightCount])
            #expect(histogram.bars.map(\.count).reduce(0, +) == rightCount + 1)
        case .multi(let options):
            // Ada and Cy pick both right options, Ben only the first.
            let counts = histogram.bars.filter { $0.right == true }.map(\.count).sorted()
            #expect(counts == [rightCount, rightCount + 1])
            #expect(histogram.bars.count == options.count)
        case .truefalse(let answer):
            #expect(histogram.bars.map(\.label) == ["true", "false"])
            #expect(histogram.bars.first { $0.right == true }?.count == rightCount)
            #expect(histogram.bars.first { $0.right == false }?.label == (answer ? "false" : "true"))
        case .numeric:
            let spread = histogram.spread
            #expect(spread?.lowest == 10 && spread?.highest == 55)
            #expect(spread?.bins.map(\.count).reduce(0, +) == rightCount + 1)
        case .short(let key):
            #expect(histogram.kind == .words)
            #expect(histogram.bars.first?.label == key.accept[0] && histogram.bars.first?.count == rightCount)
            #expect(histogram.bars.first?.right == true && histogram.bars.last?.right == false)
        case .cloze:
            #expect(histogram.kind == .words && histogram.bars.first?.count == rightCount)
        case .order, .match, .roles:
            #expect(histogram.kind == .outcomes)
            #expect(histogram.bars.map(\.count).reduce(0, +) == rightCount + 1)
        default:
            break
        }
    }
}
