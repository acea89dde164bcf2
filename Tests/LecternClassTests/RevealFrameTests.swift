import Foundation
import LecternClass
import LecternCore
import Testing
import LecternTestSupport

/// The host encodes the shared part of a question's reveals once; the frames must be the
/// ones each student's reveal encodes to on its own, byte for byte.
@Suite("Live class: reveal frames")
struct RevealFrameTests {
    @Test func everyTypesRevealsAreTheFramesEachRevealEncodesTo() throws {
        var driver = ClassDriver()
        let students = ["Ada", "Ben", "Cy", "Dee"].map { driver.join($0).client }
        driver.send(.teacher(.start))
        var encoder = RevealFrameEncoder()
        var compared = 0
        for index in driver.live.questions.indices {
            let asked = driver.live.questions[index].asked
            let shown = try #require(driver.messages(to: students[0]).compactMap(\.question).last)
            #expect(shown.question == index)
            // Right, weaker, right again and no answer: the per-student parts all differ.
            driver.advance(2)
            driver.send(.answer(students[0], question: index, text: TypedAnswers.right(asked, shown: shown)))
            driver.advance(1)
            driver.send(.answer(students[1], question: index, text: TypedAnswers.weaker(asked, shown: shown)))
            driver.advance(1)
            driver.send(.answer(students[2], question: index, text: TypedAnswers.right(asked, shown: shown)))
            let revealing = driver.send(.teacher(.reveal))
            let reveals = students.compactMap { ClassDriver.messages(to: $0, in: revealing).compactMap(\.reveal).first }
            #expect(reveals.count == students.count, "question \(index)")
            for reveal in reveals {
                #expect(encoder.frame(for: reveal) == ServerMessage.reveal(reveal).encoded(), "question \(index)")
                compared += 1
            }
            if index + 1 < driver.live.questions.count { driver.send(.teacher(.next)) }
        }
        #expect(compared == driver.live.questions.count * students.count)
    }

    @Test func textThatNeedsEscapingAndMissingFieldsEncodeTheSame() throws {
        var driver = ClassDriver()
        let ada = driver.join("Ada").client
        driver.send(.teacher(.start))
        let revealing = driver.send(.teacher(.reveal))
        let original = try #require(ClassDriver.messages(to: ada, in: revealing).compactMap(\.reveal).first)
        var encoder = RevealFrameEncoder()
        var variants: [Reveal] = []
        var tricky = original
        tricky.answer = "a/b \"quoted\" \\ back\tslash \u{1B}[31m 中文 🙂"
        tricky.explanation = "line one\nline two </script>"
        tricky.you.mistakes = ["\u{0}nul", "ünï"]
        tricky.you.answer = "b (\"x\")"
        variants.append(tricky)
        var bare = original
        bare.answer = nil
        bare.explanation = nil
        bare.you.answered = false
        bare.you.answer = nil
        bare.you.outcome = nil
        bare.you.percent = nil
        bare.you.points = 0
        bare.you.mistakes = []
        variants.append(bare)
        var ranked = bare
        ranked.points = 123_456
        ranked.rank = 17
        ranked.students = 500
        variants += [ranked, original, tricky]
        for reveal in variants {
            let frame = encoder.frame(for: reveal)
            #expect(frame == ServerMessage.reveal(reveal).encoded())
            let decoded = try JSONDecoder().decode(ServerMessage.self, from: Data(frame.utf8))
            #expect(decoded == .reveal(reveal))
        }
    }
}
