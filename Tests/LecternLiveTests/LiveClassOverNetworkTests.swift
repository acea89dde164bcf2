import Foundation
import GRDB
import LecternClass
import LecternCore
import LecternLive
import LecternStore
import Testing
import LecternTestSupport

/// A real host on a loopback port, real WebSocket clients, a real progress file.
@Suite("A live class over the network")
struct LiveClassOverNetworkTests {
    /// Ada answers everything right, Ben gives the weaker answer, Cy gives the weaker
    /// answer too but says nothing to the first question, which the teacher reveals.
    @Test func aClassOfThreeThroughEveryLiveType() async throws {
        let running = try await RunningClass.start()
        defer { running.remove() }
        let ada = try await running.student("Ada")
        let ben = try await running.student("Ben")
        let cy = try await running.student("Cy")
        for student in [ada, ben, cy] {
            #expect(await student.next("welcome")?.welcome?.count == running.questions.count)
        }
        #expect(!Self.refused(await running.host.teacher(.start)))
        var notices = NoticeReader(running.host)
        for (index, asked) in running.questions.enumerated() {
            let shown = try #require(await ada.next("question")?.question)
            _ = await ben.next("question")
            _ = await cy.next("question")
            #expect(shown.question == index)
            ada.answer(index, TypedAnswers.right(asked.asked, shown: shown))
            #expect(await ada.next("accepted") != nil)
            ben.answer(index, TypedAnswers.weaker(asked.asked, shown: shown))
            #expect(await ben.next("accepted") != nil)
            if index == 0 {
                // Cy is still thinking: nothing is revealed until the teacher says so.
                let answeredOf = await running.host.progress()
                #expect(answeredOf?.answered == 2 && answeredOf?.of == 3)
                // The teacher's own command answers with its notices; others come on the stream.
                let revealed = await running.host.teacher(.reveal)
                #expect(revealed.contains { if case .revealed(let reveal) = $0 { !reveal.automatic } else { false } })
            } else {
                cy.answer(index, TypedAnswers.weaker(asked.asked, shown: shown))
                #expect(await cy.next("accepted") != nil)
            }
            let adaReveal = try #require(await ada.next("reveal")?.reveal)
            let benReveal = try #require(await ben.next("reveal")?.reveal)
            let cyReveal = try #require(await cy.next("reveal")?.reveal)
            if index > 0 {
                let teacherReveal = await notices.next { if case .revealed = $0 { true } else { false } }
                #expect(teacherReveal != nil)
            }
            #expect(adaReveal.question == index)
            #expect(adaReveal.answer == asked.answerText)
            #expect(adaReveal.histogram.answered == (index == 0 ? 2 : 3))
            #expect(adaReveal.histogram.unanswered == (index == 0 ? 1 : 0))
            #expect(!cyReveal.you.answered == (index == 0))
            if asked.kind == .open {
                #expect(adaReveal.you.outcome == nil)
                #expect(adaReveal.histogram.kind == .none)
            } else {
                #expect(adaReveal.you.outcome == "right")
                #expect(adaReveal.you.points >= 1000)
                #expect(benReveal.you.outcome == (TypedAnswers.partial(asked.kind) ? "partial" : "wrong"))
                #expect(adaReveal.histogram.right == 1)
            }
            if [.choice, .multi, .truefalse].contains(asked.kind) {
                #expect(adaReveal.histogram.kind == .options)
                #expect(adaReveal.histogram.bars.reduce(0) { $0 + $1.count } >= adaReveal.histogram.answered)
            }
            if asked.kind == .numeric {
                #expect(adaReveal.histogram.spread != nil)
            }
            if index + 1 < running.questions.count {
                #expect(!Self.refused(await running.host.teacher(.next)))
            }
        }
        // The last question is revealed: `next` says so and changes nothing.
        let refused = await running.host.teacher(.next)
        #expect(Self.refused(refused))
        _ = await running.host.teacher(.board)
        let board = try #require(await ben.next("board")?.board)
        #expect(board.entries.first?.name == "Ada")
        #expect(board.entries.first?.rank == 1)
        #expect(board.students == 3)
        _ = await running.host.teacher(.end)
        let end = try #require(await cy.next("end")?.end)
        #expect(end.board.first?.name == "Ada")
        #expect(await ada.next("end")?.end?.rank == 1)
        await running.stop()

        try Self.checkSecrecy(of: [ada, ben, cy], questions: running.questions)
        try Self.checkStored(running)
    }

    static func refused(_ notices: [TeacherNotice]) -> Bool {
        notices.contains { if case .refused = $0 { true } else { false } }
    }

    /// No frame before a question's reveal carries its key: explanations, feedback,
    /// accepted words, blanks, the model answer (other than text the question itself shows,
    /// and a student's own answer echoed back in `accepted`).
    static func checkSecrecy(of students: [Student], questions: [ClassQuestion]) throws {
        for student in students {
            var revealed = -1
            var current: QuestionMessage?
            // Text a reveal has shown (a walkthrough's explanation, shared by its steps) is no secret after it.
            var shown = Set<String>()
            for frame in student.frames {
                if let reveal = frame.message?.reveal {
                    revealed = reveal.question
                    shown.formUnion(keyTexts(questions[reveal.question]))
                    // The check has teeth: the reveal itself does carry the explanation.
                    if let explanation = questions[reveal.question].explanation {
                        #expect(frame.text.contains(explanation))
                    }
                }
                if let question = frame.message?.question { current = question }
                if frame.message?.accepted != nil { continue }
                for (index, question) in questions.enumerated() where index > revealed {
                    let visible = (current?.question == index ? current?.lines ?? [] : []).joined(separator: "\n")
                        .lowercased()
                    for key in keyTexts(question)
                    where key.count >= 3 && !shown.contains(key) && !visible.contains(key.lowercased()) {
                        #expect(
                            !frame.text.lowercased().contains(key.lowercased()),
                            "a frame before the reveal of \(question.asked.id) holds \"\(key)\": \(frame.text)")
                    }
                }
            }
        }
    }

    static func keyTexts(_ question: ClassQuestion) -> [String] {
        let item = question.asked
        var texts = [item.explain, question.item.explain].compactMap { $0 }
        texts += item.options.compactMap(\.feedback)
        switch item.body {
        case .short(let key): texts += key.accept
        case .cloze(let cloze): texts += cloze.blanks.flatMap { $0 }
        case .open(let key): texts += [key.model] + key.rubric
        default: break
        }
        return texts
    }

    /// Every answer is in the progress file with mode `class`, the student as learner and
    /// the time taken; no card was scheduled.
    static func checkStored(_ running: RunningClass) throws {
        let store = try ProgressStore(path: running.storePath)
        let rows = try store.results(deck: "live-net", learners: [], since: nil)
        let count = running.questions.count
        #expect(rows.count == 3 * count)
        #expect(rows.allSatisfy { $0.mode == .class })
        #expect(Set(rows.map(\.learner)) == ["Ada", "Ben", "Cy"])
        let ada = rows.filter { $0.learner == "Ada" }
        let graded = running.questions.filter { $0.kind != .open }.count
        #expect(ada.filter { $0.score == 1 }.count == graded)
        #expect(ada.allSatisfy { $0.duration >= 0 && $0.duration <= 600 && !$0.skipped })
        let cy = rows.filter { $0.learner == "Cy" }
        #expect(cy.filter(\.skipped).count == 1)
        // Walkthrough steps are filed under the walkthrough, the step named in the answer.
        #expect(ada.contains { $0.item == "walk" && $0.answer.hasPrefix("first: ") })
        let summary = try store.summary(deck: "live-net", learners: [], since: nil)
        #expect(summary.map(\.learner) == ["Ada", "Ben", "Cy"])
        #expect(summary.allSatisfy { $0.answers == count })
        let cards = try DatabaseQueue(path: running.storePath).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cards") ?? -1
        }
        #expect(cards == 0)
    }
}
