import Foundation
import LecternCore
import LecternStore
import LecternTestSupport
import Testing

/// What the rest of Lectern relies on, run on the SQLite file and on a PostgreSQL server
/// alike: the same answers in give the same queue, counts, statistics, results, summary
/// and learners out.
@Suite("Store contract")
struct StoreContractTests {
    let decks = [deck("logic", ids: ["q1", "q2", "q3", "q4"]), deck("ethics", ids: ["x", "y"])]

    /// Two learners' history: study, a rating changed with `:easy`, drill, exam and class.
    func fill(_ store: any ProgressStorage) throws {
        let mei = try store.learner(named: "  mei ")
        let ben = try store.learner(named: "ben")
        try store.record(answer("q1", at: Clock.start, rating: .good, confidence: 3), for: mei)
        try store.record(answer("q1", at: Clock.at(minutes: 1), rating: .easy, changesRating: true), for: mei)
        try store.record(answer("q2", at: Clock.at(minutes: 2), rating: .again, text: "=1+1"), for: mei)
        try store.record(
            contentsOf: [
                answer("q3", mode: .drill, at: Clock.at(minutes: 3)),
                answer("x", deck: "ethics", mode: .exam, at: Clock.at(minutes: 4), rating: .hard),
            ], for: mei)
        try store.record(
            batch: [
                (answer("q1", mode: .class, at: Clock.at(minutes: 5), duration: 4.5), ben),
                (answer("q2", at: Clock.at(days: 1), rating: .good, text: "ünïcode"), ben),
                (answer("q2", at: Clock.at(days: 2), rating: .hard), mei),
            ])
    }

    @Test(arguments: Backend.allCases)
    func answersReadBackAsResultsAndSummary(_ backend: Backend) throws {
        let open = try backend.makeStore()
        try fill(open.store)
        let rows = try open.store.results(deck: nil, learners: [], since: nil)
        #expect(rows.map(\.learner) == ["ben", "ben", "mei", "mei", "mei", "mei", "mei"])
        let mei = rows.filter { $0.learner == "mei" }
        #expect(mei.map(\.item) == ["q1", "q2", "q3", "x", "q2"])
        #expect(mei.first?.rating == .easy)
        #expect(mei.first?.confidence == 3)
        #expect(mei[1].answer == "=1+1")
        #expect(rows.first { $0.mode == .class }?.duration == 4.5)
        #expect(try open.store.results(deck: "ethics", learners: ["mei"], since: nil).map(\.item) == ["x"])
        #expect(try open.store.results(deck: nil, learners: ["ben"], since: Clock.at(hours: 1)).map(\.item) == ["q2"])
        let summary = try open.store.summary(deck: "logic", learners: [], since: nil)
        #expect(summary.map(\.learner) == ["ben", "mei"])
        #expect(summary.map(\.answers) == [2, 4])
        #expect(summary.last?.meanScore == 0.75)
        let nobody = try open.store.summary(deck: "none", learners: ["mei"], since: nil)
        #expect(nobody == [LearnerTotals(learner: "mei", answers: 0, meanScore: nil, totalTime: 0)])
    }

    @Test(arguments: Backend.allCases)
    func learnersAreListedByName(_ backend: Backend) throws {
        let open = try backend.makeStore()
        #expect(try open.store.learners() == [])
        try fill(open.store)
        let learners = try open.store.learners()
        #expect(learners.map(\.name) == ["ben", "mei"])
        #expect(learners.map(\.answers) == [2, 5])
        #expect(learners.last?.lastActivity == Clock.at(days: 2))
        #expect(throws: ProgressStoreError.self) { try open.store.learner(named: "bad\u{7}name") }
    }

    /// The SQLite file is the reference: the server's queue, counts and statistics must be
    /// exactly the file's for the same history.
    @Test func queueCountsAndStatsAreTheSameOnBothDatabases() throws {
        let file = try Backend.sqlite.makeStore()
        let server = try Backend.postgres.makeStore()
        try fill(file.store)
        try fill(server.store)
        for day in [0.0, 1, 3, 30] {
            let now = Clock.at(days: day, hours: 1)
            for learner in ["mei", "ben", "nobody"] {
                #expect(
                    try server.store.dueQueue(
                        learner: learner, decks: decks, now: now, newLimit: 2, calendar: Clock.utc)
                        == file.store.dueQueue(
                            learner: learner, decks: decks, now: now, newLimit: 2, calendar: Clock.utc))
                #expect(
                    try server.store.counts(learner: learner, decks: decks, now: now)
                        == file.store.counts(learner: learner, decks: decks, now: now))
                for deckID in [nil, "logic"] {
                    #expect(
                        try server.store.stats(
                            learner: learner, decks: decks, deck: deckID, now: now, calendar: Clock.utc)
                            == file.store.stats(
                                learner: learner, decks: decks, deck: deckID, now: now, calendar: Clock.utc))
                }
            }
        }
        #expect(
            try server.store.results(deck: nil, learners: [], since: nil)
                == file.store.results(deck: nil, learners: [], since: nil))
        let meiQueue = try server.store.dueQueue(learner: "mei", decks: decks, now: Clock.at(days: 30))
        #expect(meiQueue.first == ItemRef(deckID: "logic", itemID: "q2"))
    }

    @Test(arguments: Backend.allCases)
    func theSameMigrationsAreRecordedInOrder(_ backend: Backend) throws {
        let open = try backend.makeStore()
        #expect(try open.store.appliedMigrations() == StoreMigrations.identifiers)
    }

    @Test(arguments: Backend.allCases)
    func aClosedStoreRefusesWork(_ backend: Backend) throws {
        let open = try backend.makeStore()
        try open.store.close()
        #expect(throws: ProgressStoreError.self) { try open.store.learner(named: "mei") }
    }
}
