import Foundation
import LecternClass
import LecternCore
import Testing
import LecternTestSupport

/// The projector page watches the class: it sees what the room may see, has no seat, and
/// never gets a right answer or one student's result.
@Suite("Live class: watchers (the projector page)")
struct WatcherTests {
    /// A class with Ada and Ben joined and a watcher on the projector.
    private func classWithWatcher() -> (ClassDriver, watcher: ClientID, ada: ClientID, ben: ClientID) {
        var driver = ClassDriver()
        let ada = driver.join("Ada").client
        let ben = driver.join("Ben").client
        let watcher = driver.newClient()
        driver.send(.watch(watcher, code: driver.live.code.lowercased()))
        return (driver, watcher, ada, ben)
    }

    @Test func watchIsAClientMessageOfItsOwn() {
        let message = ClientMessage.watch(code: "K7QF")
        #expect(ClientMessage.decode(message.encoded()) == .success(message))
        #expect(ClientMessage.decode(#"{"type":"watch"}"#).failureCode == .badMessage)
        #expect(ClientMessage.decode(#"{"type":"watch","code":7}"#).failureCode == .badMessage)
    }

    @Test func aWatcherSeesTheLobbyButIsNotInIt() throws {
        var (driver, watcher, _, _) = classWithWatcher()
        let first = driver.messages(to: watcher)
        let watching = try #require(first.first?.watching)
        #expect(watching.code == driver.live.code && watching.count == driver.live.questions.count)
        #expect(watching.deck == ClassFixture.deck.title && watching.version == LiveProtocol.version)
        #expect(first.compactMap(\.lobby).last?.names == ["Ada", "Ben"])
        #expect(driver.live.names == ["Ada", "Ben"] && driver.live.roster.count == 2)
        _ = driver.join("Cy")
        let tick = driver.send(.tick)
        #expect(ClassDriver.messages(to: watcher, in: tick).compactMap(\.lobby).last?.names == ["Ada", "Ben", "Cy"])
    }

    @Test func aWatcherFollowsAQuestionWithoutItsKeyThenGetsTheClassReveal() throws {
        var (driver, watcher, ada, ben) = classWithWatcher()
        let opened = driver.send(.teacher(.start))
        let question = try #require(ClassDriver.messages(to: watcher, in: opened).compactMap(\.question).first)
        #expect(question == ClassDriver.messages(to: ada, in: opened).compactMap(\.question).first)
        #expect(
            ClassDriver.messages(to: watcher, in: opened).compactMap(\.progress) == [
                AnswerProgress(question: 0, answered: 0, students: 2)
            ])
        let asked = driver.live.questions[0].asked
        driver.send(.answer(ada, question: 0, text: TypedAnswers.right(asked, shown: question)))
        // Answers are counted for the room at the next tick, one frame however many arrived.
        let tick = driver.send(.tick)
        #expect(
            ClassDriver.messages(to: watcher, in: tick).compactMap(\.progress) == [
                AnswerProgress(question: 0, answered: 1, students: 2)
            ])
        #expect(driver.send(.tick).isEmpty, "nothing changed since")
        // Before the reveal: no key, no feedback, no explanation, no student's answer.
        let seen = driver.messages(to: watcher)
        #expect(Set(seen.map(\.type)) == ["watching", "lobby", "question", "progress"])
        let text = seen.map { $0.encoded() }.joined(separator: "\n")
        for key in ["Because of", "Early entry", "Viewers get choice", "\"right\"", "explanation"] {
            #expect(!text.contains(key), "\(key) reached the projector before the reveal")
        }
        // Ben's answer reveals: everyone seated has answered, the watcher is not waited for.
        let revealed = driver.send(.answer(ben, question: 0, text: "c"))
        let summary = try #require(ClassDriver.messages(to: watcher, in: revealed).compactMap(\.summary).first)
        #expect(ClassDriver.messages(to: watcher, in: revealed).compactMap(\.reveal).isEmpty)
        #expect(summary.answer == "a) The platform" && summary.explanation == "Because of ¶4.")
        #expect(summary.histogram.bars.map(\.count) == [1, 0, 1])
        #expect(summary.histogram.bars.map(\.right) == [true, false, false])
        #expect(summary.board.map(\.name) == ["Ada", "Ben"] && summary.students == 2)
        let frame = ServerMessage.summary(summary).encoded()
        #expect(!frame.contains("\"you\"") && !frame.contains("mistakes") && !frame.contains("The viewers:"))
    }

    @Test func aWatcherGetsTheBoardAndThePodiumWithoutAPlaceOfItsOwn() throws {
        var (driver, watcher, ada, _) = classWithWatcher()
        driver.send(.teacher(.start))
        driver.send(.answer(ada, question: 0, text: "a"))
        driver.send(.teacher(.reveal))
        let board = driver.send(.teacher(.board))
        #expect(ClassDriver.messages(to: watcher, in: board).compactMap(\.board).first?.students == 2)
        let end = driver.send(.teacher(.end))
        let podium = try #require(ClassDriver.messages(to: watcher, in: end).compactMap(\.end).first)
        #expect(podium.rank == nil && podium.board.first?.name == "Ada")
        #expect(ClassDriver.closed(watcher, in: end))
    }

    @Test func aWatcherThatArrivesLateCatchesUpWithTheRoom() throws {
        var driver = ClassDriver()
        let ada = driver.join("Ada").client
        _ = driver.join("Ben")
        driver.send(.teacher(.start))
        driver.send(.answer(ada, question: 0, text: "a"))
        let watcher = driver.newClient()
        let during = driver.send(.watch(watcher, code: driver.live.code))
        let messages = ClassDriver.messages(to: watcher, in: during)
        #expect(messages.map(\.type) == ["watching", "question", "progress"])
        #expect(messages.compactMap(\.progress).first == AnswerProgress(question: 0, answered: 1, students: 2))
        driver.send(.teacher(.pause))
        let resumed = driver.send(.teacher(.resume))
        #expect(ClassDriver.messages(to: watcher, in: resumed).map(\.type) == ["question", "progress"])
        driver.send(.teacher(.reveal))
        let late = driver.newClient()
        let after = driver.send(.watch(late, code: driver.live.code))
        #expect(ClassDriver.messages(to: late, in: after).map(\.type) == ["watching", "summary"])
    }

    @Test func aWatcherIsRefusedWhatOnlyStudentsDo() {
        var (driver, watcher, _, _) = classWithWatcher()
        driver.send(.teacher(.start))
        let answer = driver.send(.answer(watcher, question: 0, text: "a"))
        #expect(ClassDriver.errorCodes(to: watcher, in: answer) == [.notJoined])
        #expect(driver.live.progress(now: driver.now)?.of == 2, "the watcher is not counted")
        let join = driver.send(.join(watcher, code: driver.live.code, name: "Eve", token: nil))
        #expect(ClassDriver.errorCodes(to: watcher, in: join) == [.alreadyJoined])
        let again = driver.send(.watch(watcher, code: driver.live.code))
        #expect(ClassDriver.errorCodes(to: watcher, in: again) == [.alreadyJoined])
        #expect(!driver.live.names.contains("Eve"))
        // A dropped watcher is forgotten: nothing more is sent to it.
        driver.send(.disconnect(watcher))
        let reveal = driver.send(.teacher(.reveal))
        #expect(ClassDriver.messages(to: watcher, in: reveal).isEmpty)
    }

    @Test func aWrongCodeClosesAWatcherAndTheRoomHasFewScreens() {
        var driver = ClassDriver()
        let stranger = driver.newClient()
        let wrong = driver.send(.watch(stranger, code: "ZZZZZZ"))
        #expect(ClassDriver.errorCodes(to: stranger, in: wrong) == [.wrongCode])
        #expect(ClassDriver.closed(stranger, in: wrong))
        for _ in 0..<LiveClass.maxWatchers {
            let screen = driver.newClient()
            #expect(
                ClassDriver.messages(to: screen, in: driver.send(.watch(screen, code: driver.live.code))).first?.type
                    == "watching")
        }
        let extra = driver.newClient()
        let full = driver.send(.watch(extra, code: driver.live.code))
        #expect(ClassDriver.errorCodes(to: extra, in: full) == [.full] && ClassDriver.closed(extra, in: full))
    }
}

extension ServerMessage {
    var watching: Watching? { if case .watching(let value) = self { value } else { nil } }
    var progress: AnswerProgress? { if case .progress(let value) = self { value } else { nil } }
    var summary: Summary? { if case .summary(let value) = self { value } else { nil } }
}

extension Result where Failure == LiveError {
    var failureCode: LiveError.Code? { if case .failure(let error) = self { error.code } else { nil } }
}
