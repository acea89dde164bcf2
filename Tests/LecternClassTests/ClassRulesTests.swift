import Foundation
import LecternClass
import LecternCore
import Testing
import LecternTestSupport

/// The rules of a class that have nothing to do with sockets: codes, names, seats,
/// one answer per open question, late answers, kicks, pauses, and the teacher's commands.
@Suite("Live class: rules")
struct ClassRulesTests {
    /// A class with Ada and Ben joined and the first question open.
    private func started(_ configuration: ClassConfiguration = ClassConfiguration(timeLimit: 20)) -> (
        ClassDriver, ada: (client: ClientID, token: String?), ben: (client: ClientID, token: String?)
    ) {
        var driver = ClassDriver(ClassFixture.makeClass(configuration))
        let ada = driver.join("Ada")
        let ben = driver.join("Ben")
        driver.send(.teacher(.start))
        return (driver, ada, ben)
    }

    private func rightAnswer(_ driver: ClassDriver, _ index: Int, for client: ClientID) throws -> String {
        let shown = try #require(driver.messages(to: client).compactMap(\.question).last { $0.question == index })
        return TypedAnswers.right(driver.live.questions[index].asked, shown: shown)
    }

    @Test func aWrongCodeIsRefusedAndTheConnectionClosed() {
        var driver = ClassDriver()
        let client = driver.newClient()
        let effects = driver.send(.join(client, code: "ZZZZZZ", name: "Eve", token: nil))
        #expect(ClassDriver.errorCodes(to: client, in: effects) == [.wrongCode])
        #expect(ClassDriver.closed(client, in: effects))
        #expect(driver.live.roster.isEmpty)
        // The right code typed in lower case with a dash is the same code.
        let code = driver.live.code
        let typed = String(code.prefix(2)).lowercased() + "-" + code.dropFirst(2).lowercased()
        let (joined, token) = driver.join("Eve", code: typed)
        #expect(token != nil && driver.live.names == ["Eve"])
        // Nothing else is accepted before a join.
        let stranger = driver.newClient()
        let answer = driver.send(.answer(stranger, question: 0, text: "a"))
        #expect(ClassDriver.errorCodes(to: stranger, in: answer) == [.notJoined])
        #expect(ClassDriver.messages(to: joined, in: answer).isEmpty)
    }

    @Test func theLobbyGoesOutOncePerTickWhenItChanged() throws {
        var driver = ClassDriver()
        let ada = driver.join("Ada").client
        #expect(driver.messages(to: ada).compactMap(\.lobby).map(\.names) == [["Ada"]])
        let ben = driver.join("Ben").client
        let cy = driver.join("Cy").client
        #expect(driver.messages(to: ada).compactMap(\.lobby).count == 1, "no frame per arrival")
        #expect(driver.messages(to: cy).compactMap(\.lobby).last?.names == ["Ada", "Ben", "Cy"])
        driver.send(.leave(ben))
        let tick = driver.send(.tick)
        let lobby = try #require(ClassDriver.messages(to: ada, in: tick).compactMap(\.lobby).first)
        #expect(lobby.names == ["Ada", "Cy"] && lobby.count == 2)
        #expect(ClassDriver.messages(to: cy, in: tick).compactMap(\.lobby) == [lobby])
        #expect(driver.send(.tick).isEmpty, "nothing changed since")
        // Once the class has started, nobody gets a lobby any more.
        _ = driver.join("Dee")
        driver.send(.teacher(.start))
        #expect(driver.send(.tick).isEmpty)
    }

    @Test func aTakenNameGetsAClearErrorAndASuggestion() throws {
        var driver = ClassDriver()
        _ = driver.join("Ada")
        let client = driver.newClient()
        let effects = driver.send(.join(client, code: driver.live.code, name: "  ada ", token: nil))
        let error = try #require(ClassDriver.messages(to: client, in: effects).compactMap(\.error).first)
        #expect(error.code == .nameTaken)
        #expect(error.message.contains("\"ada\" is taken") && error.message.contains("\"ada 2\""))
        #expect(!ClassDriver.closed(client, in: effects), "the student may try another name")
        // The suggestion is free, and the same connection may join with it.
        let retry = driver.send(.join(client, code: driver.live.code, name: "ada 2", token: nil))
        #expect(ClassDriver.messages(to: client, in: retry).compactMap(\.welcome).first?.name == "ada 2")
        // Names that would hide or move text are refused.
        let sly = driver.newClient()
        let hidden = driver.send(.join(sly, code: driver.live.code, name: "Ada\u{1B}[2J", token: nil))
        #expect(ClassDriver.errorCodes(to: sly, in: hidden) == [.badName])
        let long = driver.send(.join(sly, code: driver.live.code, name: String(repeating: "x", count: 25), token: nil))
        #expect(ClassDriver.errorCodes(to: sly, in: long) == [.badName])
    }

    @Test func rejoiningByTokenKeepsNameScoreAndTheOpenQuestion() throws {
        var (driver, ada, ben) = started()
        driver.advance(1)
        driver.send(.answer(ada.client, question: 0, text: try rightAnswer(driver, 0, for: ada.client)))
        driver.send(.answer(ben.client, question: 0, text: try rightAnswer(driver, 0, for: ben.client)))
        driver.send(.teacher(.next))
        let points = try #require(driver.live.roster.first { $0.name == "Ada" }).points
        #expect(points > 1000)

        // Ada answers question 2, then her connection drops.
        driver.advance(1)
        driver.send(.answer(ada.client, question: 1, text: try rightAnswer(driver, 1, for: ada.client)))
        driver.send(.disconnect(ada.client))
        #expect(driver.live.roster.first { $0.name == "Ada" }?.connected == false)
        #expect(driver.live.phase == .open(question: 1), "Ben has not answered")

        // Another machine cannot take her name while her seat waits.
        let impostor = driver.newClient()
        let refused = driver.send(.join(impostor, code: driver.live.code, name: "Ada", token: nil))
        #expect(ClassDriver.errorCodes(to: impostor, in: refused) == [.nameTaken])

        // Her own token gets the seat back, whatever name the new connection asks for.
        let again = driver.newClient()
        driver.advance(3)
        let back = driver.send(.join(again, code: driver.live.code, name: "someone", token: ada.token))
        let messages = ClassDriver.messages(to: again, in: back)
        let welcome = try #require(messages.compactMap(\.welcome).first)
        #expect(welcome.rejoined && welcome.name == "Ada" && welcome.points == points && welcome.token == ada.token)
        let question = try #require(messages.compactMap(\.question).first)
        #expect(question.question == 1 && question.secondsLeft == 16)
        #expect(messages.compactMap(\.accepted).map(\.question) == [1], "her answer is still there")
        // It was her answer: a second one is refused on the new connection too.
        let second = driver.send(.answer(again, question: 1, text: "a"))
        #expect(ClassDriver.errorCodes(to: again, in: second) == [.alreadyAnswered])

        // When Ben answers, the reveal reaches Ada's new connection, not the old one.
        let reveal = driver.send(.answer(ben.client, question: 1, text: try rightAnswer(driver, 1, for: ben.client)))
        #expect(ClassDriver.messages(to: again, in: reveal).compactMap(\.reveal).first?.you.outcome == "right")
        #expect(ClassDriver.messages(to: ada.client, in: reveal).isEmpty)
        #expect(driver.records.filter { $0.learner == "Ada" }.count == 2)
    }

    @Test func aRejoinAfterTheRevealGetsItsOwnRevealAndAPauseNotice() throws {
        var (driver, ada, ben) = started()
        driver.advance(4)
        driver.send(.answer(ada.client, question: 0, text: try rightAnswer(driver, 0, for: ada.client)))
        driver.send(.disconnect(ada.client))
        driver.send(.teacher(.reveal))
        driver.send(.teacher(.pause))
        let again = driver.newClient()
        let back = ClassDriver.messages(
            to: again, in: driver.send(.join(again, code: driver.live.code, name: "Ada", token: ada.token)))
        #expect(back.map(\.type) == ["welcome", "reveal", "paused"])
        let reveal = try #require(back.compactMap(\.reveal).first)
        #expect(reveal.you.outcome == "right" && reveal.rank == 1 && reveal.students == 2)
        #expect(reveal.points == LiveScoring.points(credit: 1, left: 16, limit: 20))
        #expect(driver.messages(to: ben.client).compactMap(\.reveal).first?.rank == 2)
    }

    @Test func aRejoinWhileTheOldConnectionLivesClosesTheOldOne() throws {
        var (driver, ada, _) = started()
        let again = driver.newClient()
        let back = driver.send(.join(again, code: driver.live.code, name: "Ada", token: ada.token))
        #expect(ClassDriver.closed(ada.client, in: back))
        #expect(driver.live.roster.filter { $0.name == "Ada" }.count == 1)
        let old = driver.send(.answer(ada.client, question: 0, text: "a"))
        #expect(ClassDriver.errorCodes(to: ada.client, in: old) == [.notJoined])
    }

    @Test func aSecondAnswerIsRefusedAndTheFirstStands() throws {
        var (driver, ada, _) = started()
        let first = try rightAnswer(driver, 0, for: ada.client)
        driver.send(.answer(ada.client, question: 0, text: first))
        let second = driver.send(.answer(ada.client, question: 0, text: "c"))
        #expect(ClassDriver.errorCodes(to: ada.client, in: second) == [.alreadyAnswered])
        #expect(!second.contains { if case .store = $0 { true } else { false } })
        #expect(driver.records.count == 1 && driver.records[0].score == 1)
        // The teacher hears about it.
        #expect(second.contains { if case .teacher(.clientError(_, "Ada", _)) = $0 { true } else { false } })
    }

    @Test func aMalformedAnswerIsExplainedAndMayBeRetyped() throws {
        var (driver, ada, _) = started()
        let bad = driver.send(.answer(ada.client, question: 0, text: "the platform"))
        let error = try #require(ClassDriver.messages(to: ada.client, in: bad).compactMap(\.error).first)
        #expect(error.code == .malformedAnswer && error.message.contains("letter"))
        #expect(driver.records.isEmpty)
        // Control characters would reach other screens (the teacher's, a histogram): refused.
        for sly in ["b\u{1B}[2J", "a\nc", "b\u{202E}"] {
            let refused = driver.send(.answer(ada.client, question: 0, text: sly))
            #expect(
                ClassDriver.errorCodes(to: ada.client, in: refused) == [.malformedAnswer], "\(sly.debugDescription)")
        }
        #expect(driver.records.isEmpty)
        let good = driver.send(.answer(ada.client, question: 0, text: try rightAnswer(driver, 0, for: ada.client)))
        #expect(ClassDriver.messages(to: ada.client, in: good).compactMap(\.accepted).count == 1)
    }

    @Test func aLateAnswerNeverCounts() throws {
        var (driver, ada, ben) = started()
        let answer = try rightAnswer(driver, 0, for: ada.client)
        driver.advance(20)
        // Time is up though no tick has come yet: refused, and the question is revealed.
        let late = driver.send(.answer(ada.client, question: 0, text: answer))
        #expect(ClassDriver.errorCodes(to: ada.client, in: late) == [.late])
        #expect(driver.live.phase == .revealed(question: 0))
        let reveal = try #require(ClassDriver.messages(to: ada.client, in: late).compactMap(\.reveal).first)
        #expect(!reveal.you.answered && reveal.you.points == 0)
        // After the reveal, too.
        let later = driver.send(.answer(ben.client, question: 0, text: answer))
        #expect(ClassDriver.errorCodes(to: ben.client, in: later) == [.late])
        #expect(driver.records.allSatisfy { $0.skipped && $0.points == 0 })
        #expect(driver.live.leaderboard.allSatisfy { $0.points == 0 })
        // An answer to a question not yet open is refused as well.
        let ahead = driver.send(.answer(ben.client, question: 1, text: "a"))
        #expect(ClassDriver.errorCodes(to: ben.client, in: ahead) == [.notOpen])
    }

    @Test func aKickedStudentIsClosedOffTheBoardAndCannotRejoin() throws {
        var (driver, ada, ben) = started()
        driver.send(.answer(ben.client, question: 0, text: try rightAnswer(driver, 0, for: ben.client)))
        let unknown = driver.send(.teacher(.kick("Bem")))
        #expect(unknown == [.teacher(.refused("No student is called \"Bem\". Did you mean Ben?"))])

        let kick = driver.send(.teacher(.kick(" ben ")))
        #expect(ClassDriver.errorCodes(to: ben.client, in: kick) == [.kicked])
        #expect(ClassDriver.closed(ben.client, in: kick))
        #expect(driver.live.names == ["Ada"])
        // His answer stays stored; the class goes on with Ada.
        #expect(driver.records.map(\.learner) == ["Ben"])
        let back = driver.newClient()
        let rejoin = driver.send(.join(back, code: driver.live.code, name: "Ben", token: ben.token))
        #expect(ClassDriver.errorCodes(to: back, in: rejoin) == [.kicked] && ClassDriver.closed(back, in: rejoin))
        // Ada is now the only student: her answer reveals the question.
        driver.send(.answer(ada.client, question: 0, text: try rightAnswer(driver, 0, for: ada.client)))
        #expect(driver.live.phase == .revealed(question: 0))
        #expect(driver.live.leaderboard.map(\.name) == ["Ada"])
    }

    @Test func aPauseStopsTheClockAndTheAnswers() throws {
        var (driver, ada, ben) = started()
        driver.advance(5)
        let pause = driver.send(.teacher(.pause))
        #expect(
            ClassDriver.messages(to: ada.client, in: pause).contains {
                if case .paused(let paused) = $0 { paused.question == 0 } else { false }
            })
        #expect(driver.live.phase == .paused(question: 0))
        driver.advance(60)
        #expect(driver.send(.tick).isEmpty, "no reveal while paused")
        let refused = driver.send(.answer(ada.client, question: 0, text: try rightAnswer(driver, 0, for: ada.client)))
        #expect(ClassDriver.errorCodes(to: ada.client, in: refused) == [.paused])
        #expect(driver.send(.teacher(.pause)) == [.teacher(.refused("The class is paused already."))])

        let resume = driver.send(.teacher(.resume))
        let question = try #require(ClassDriver.messages(to: ben.client, in: resume).compactMap(\.question).first)
        #expect(question.secondsLeft == 15, "the 15 s left at the pause are still left")
        #expect(driver.live.progress(now: driver.now)?.secondsLeft == 15)
        driver.advance(14)
        driver.send(.tick)
        #expect(driver.live.phase == .open(question: 0))
        // An answer after 5 + 14 s of open time scores as such.
        driver.send(.answer(ada.client, question: 0, text: try rightAnswer(driver, 0, for: ada.client)))
        #expect(driver.records.last?.duration == 19)
        #expect(driver.records.last?.points == LiveScoring.points(credit: 1, left: 1, limit: 20))
        driver.advance(1)
        driver.send(.tick)
        #expect(driver.live.phase == .revealed(question: 0))
    }

    @Test func commandsThatNoLongerApplySaySoAndChangeNothing() throws {
        var driver = ClassDriver()
        #expect(driver.send(.teacher(.next)) == [.teacher(.refused("The class has not started: type start."))])
        #expect(driver.send(.teacher(.reveal)) == [.teacher(.refused("No question is open yet: type start."))])
        let ada = driver.join("Ada").client
        driver.send(.teacher(.start))
        #expect(driver.send(.teacher(.start)) == [.teacher(.refused("The class has started already."))])
        #expect(
            driver.send(.teacher(.next)) == [.teacher(.refused("Question 1 is still open: reveal it first."))])
        // Everyone (Ada) answered: the reveal was automatic, so the teacher's comes too late.
        driver.send(.answer(ada, question: 0, text: try rightAnswer(driver, 0, for: ada)))
        #expect(driver.live.phase == .revealed(question: 0))
        #expect(driver.send(.teacher(.reveal)) == [.teacher(.refused("Question 1 is revealed already."))])
        #expect(driver.send(.teacher(.resume)) == [.teacher(.refused("The class is not paused."))])
        let board = driver.send(.teacher(.board))
        #expect(ClassDriver.messages(to: ada, in: board).compactMap(\.board).first?.entries.map(\.name) == ["Ada"])
        driver.send(.teacher(.end))
        #expect(driver.send(.teacher(.start)) == [.teacher(.refused("The class is over."))])
        let late = driver.newClient()
        let join = driver.send(.join(late, code: driver.live.code, name: "Zed", token: nil))
        #expect(ClassDriver.errorCodes(to: late, in: join) == [.ended] && ClassDriver.closed(late, in: join))
    }

    @Test func theClassHoldsAtMostMaxStudents() {
        var driver = ClassDriver(ClassFixture.makeClass(ClassConfiguration(maxStudents: 2)))
        _ = driver.join("Ada")
        let ben = driver.join("Ben").client
        let third = driver.newClient()
        let effects = driver.send(.join(third, code: driver.live.code, name: "Cy", token: nil))
        #expect(ClassDriver.errorCodes(to: third, in: effects) == [.full] && ClassDriver.closed(third, in: effects))
        // A student who leaves frees the seat and the name.
        driver.send(.leave(ben))
        let fourth = driver.newClient()
        let joined = driver.send(.join(fourth, code: driver.live.code, name: "Ben", token: nil))
        #expect(ClassDriver.messages(to: fourth, in: joined).compactMap(\.welcome).first?.rejoined == false)
    }

    @Test func limitsThatWouldRefuseEveryoneAreRaised() throws {
        var driver = ClassDriver(ClassFixture.makeClass(ClassConfiguration(timeLimit: 0, maxStudents: 0)))
        #expect(driver.live.configuration.timeLimit == 1 && driver.live.configuration.maxStudents == 1)
        let ada = driver.join("Ada").client
        driver.send(.teacher(.start))
        let accepted = driver.send(.answer(ada, question: 0, text: try rightAnswer(driver, 0, for: ada)))
        #expect(ClassDriver.messages(to: ada, in: accepted).compactMap(\.accepted).count == 1)
    }

    @Test func repeatedAbuseClosesTheConnection() {
        var (driver, ada, ben) = started(ClassConfiguration(timeLimit: 20, maxStrikes: 3))
        let garbage = LiveError(.badJSON, "The frame is not a JSON object.")
        driver.send(.unreadable(ada.client, garbage))
        driver.send(.answer(ada.client, question: 5, text: "a"))
        #expect(!ClassDriver.closed(ada.client, in: driver.effects))
        let third = driver.send(.unreadable(ada.client, garbage))
        #expect(ClassDriver.errorCodes(to: ada.client, in: third) == [.badJSON, .tooManyErrors])
        #expect(ClassDriver.closed(ada.client, in: third))
        #expect(driver.live.roster.first { $0.name == "Ada" }?.connected == false)
        // Ben is untouched, and typos never count as abuse.
        for _ in 0..<5 { driver.send(.answer(ben.client, question: 0, text: "zz")) }
        #expect(!ClassDriver.closed(ben.client, in: driver.effects))
    }
}
