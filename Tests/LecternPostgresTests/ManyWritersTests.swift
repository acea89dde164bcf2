import Foundation
import LecternCore
import LecternStore
import LecternPostgresServer
import LecternTestSupport
import Testing

@testable import LecternPostgres

/// Many writers at once on one database, and a server that goes away mid-session.
@Suite("PostgreSQL writers")
struct ManyWritersTests {
    /// 50 stores (as 50 shells or class hosts would have), each on its own thread, each
    /// committing 200 answers one by one; ten learners are shared, so writers meet on the
    /// same learners' rows. Afterwards every answer is there exactly once, and every card
    /// has as many repetitions as its learner's study answers to it.
    @Test func fiftyWritersTimesTwoHundredAnswersAreAllThereOnce() throws {
        let address = try PostgresAddress.parse(try PostgresServer.shared().makeDatabase())
        _ = try PostgresStore(address: address, environment: [:])
        let writers = 50
        let answersEach = 200
        let failures = Failures()
        let done = DispatchGroup()
        for writer in 0..<writers {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                do {
                    let store = try PostgresStore(address: address, environment: [:], mode: .whenNeeded)
                    defer { try? store.close() }
                    let learner = try store.learner(named: "learner-\(writer % 10)")
                    for index in 0..<answersEach {
                        try store.record(
                            answer(
                                "w\(writer)-q\(index % 20)", at: Clock.at(minutes: Double(index)),
                                text: "writer \(writer) answer \(index)"),
                            for: learner)
                    }
                } catch {
                    failures.add("writer \(writer): \(error)")
                }
            }
            thread.start()
        }
        done.wait()
        #expect(failures.all == [])
        let reader = try PostgresStore(address: address, environment: [:], mode: .whenNeeded)
        let rows = try reader.results(deck: nil, learners: [], since: nil)
        #expect(rows.count == writers * answersEach)
        let texts = rows.map(\.answer)
        #expect(Set(texts).count == writers * answersEach)
        for writer in [0, 17, 49] {
            #expect(texts.filter { $0.hasPrefix("writer \(writer) answer ") }.count == answersEach)
        }
        let learners = try reader.learners()
        #expect(learners.count == 10)
        #expect(learners.allSatisfy { $0.answers == writers / 10 * answersEach })
        let cards = try reader.counts(
            learner: "learner-3", decks: [deck("logic", ids: (0..<20).map { "w3-q\($0)" })], now: Clock.start)
        #expect(cards["logic"]?.new == 0)
    }

    /// The server stops (as if it crashed) between two answers and starts again: the
    /// answer given while it is down is refused with a clear error, nothing already
    /// committed is lost, and the same store carries on once it is back.
    @Test func aServerRestartMidSessionLosesNothing() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let address = try PostgresAddress.parse(try server.makeDatabase())
        let store = try PostgresStore(address: address, environment: [:])
        let mei = try store.learner(named: "mei")
        try store.record(answer("q1", at: Clock.start), for: mei)
        try server.stopServer()
        #expect {
            try store.record(answer("q2", at: Clock.at(minutes: 1)), for: mei)
        } throws: { error in
            guard case ProgressStoreError.server = error else { return false }
            return "\(error)".contains("nothing was saved")
        }
        try server.startServer()
        try store.record(answer("q2", at: Clock.at(minutes: 2)), for: mei)
        let rows = try store.results(deck: nil, learners: [], since: nil)
        #expect(rows.map(\.item) == ["q1", "q2"])
        #expect(rows.map(\.answeredAt) == [Clock.start, Clock.at(minutes: 2)])
    }

    /// A restart while a writer is between retries is not even noticed: the retry reaches
    /// the server once it is back, and the answer is logged once.
    @Test func anAnswerGivenDuringAShortRestartIsSavedOnce() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        let address = try PostgresAddress.parse(try server.makeDatabase())
        let store = try PostgresStore(address: address, environment: [:])
        let mei = try store.learner(named: "mei")
        try store.record(answer("q1", at: Clock.start), for: mei)
        try server.stopServer()
        let restarted = DispatchSemaphore(value: 0)
        Thread {
            Thread.sleep(forTimeInterval: 0.3)
            try? server.startServer()
            restarted.signal()
        }.start()
        try store.record(answer("q2", at: Clock.at(minutes: 1)), for: mei)
        restarted.wait()
        #expect(try store.results(deck: nil, learners: [], since: nil).map(\.item) == ["q1", "q2"])
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ failure: String) { lock.withLock { list.append(failure) } }
    var all: [String] { lock.withLock { list } }
}
