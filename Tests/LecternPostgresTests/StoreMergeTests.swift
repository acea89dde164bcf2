import Foundation
import LecternCore
import LecternStore
import LecternTestSupport
import Testing

@testable import LecternPostgres

/// `exportLog` and `merge`, the two halves of `db copy`, between every pair of databases.
@Suite("Merging one store's log into another")
struct StoreMergeTests {

    static let pairs: [(Backend, Backend)] = [
        (.sqlite, .postgres), (.postgres, .sqlite), (.sqlite, .sqlite), (.postgres, .postgres),
    ]

    /// What `db check` finds on the store; empty when clean.
    func problems(_ open: OpenStore) throws -> [String] {
        if let store = open.store as? PostgresStore { return try PostgresCheck.run(store).problems }
        return try DatabaseCheck.run(path: open.location).problems
    }

    func key(_ row: ResultRow) -> String {
        "\(row.learner) \(row.item) \(row.mode) \(row.answeredAt.timeIntervalSince1970) \(row.rating) \(row.answer)"
    }

    @Test(arguments: pairs)
    func mergingTwiceAddsEachAnswerOnceAndCardsFollowTheWholeLog(_ from: Backend, _ to: Backend) throws {
        let source = try from.makeStore()
        let target = try to.makeStore()
        let mei = try source.store.learner(named: "mei")
        try source.store.record(answer("q1", at: Clock.start, rating: .good, confidence: 2), for: mei)
        try source.store.record(answer("q1", at: Clock.at(minutes: 1), rating: .easy, changesRating: true), for: mei)
        try source.store.record(answer("q2", mode: .drill, at: Clock.at(minutes: 2), rating: .again), for: mei)
        _ = try source.store.learner(named: "quiet")
        // mei answered on the target's machine too, before the merge.
        let meiThere = try target.store.learner(named: "mei")
        try target.store.record(answer("q1", at: Clock.at(days: 1), rating: .hard), for: meiThere)

        let log = try source.store.exportLog()
        #expect(log.reviews.count == 2)
        #expect(log.reviews.first?.ratingChanges.map(\.rating) == [.easy])
        #expect(log.learners.map(\.name) == ["mei", "quiet"])
        let first = try target.store.merge(log, source: source.location)
        #expect(first.copied == 2 && first.alreadyThere == 0 && first.ratingChanges == 1 && first.newLearners == 1)
        let again = try target.store.merge(try source.store.exportLog(), source: source.location)
        #expect(again.copied == 0 && again.alreadyThere == 2 && again.ratingChanges == 0 && again.newLearners == 0)

        let rows = try target.store.results(deck: nil, learners: [], since: nil)
        #expect(rows.count == 3)
        #expect(rows.first { $0.answeredAt == Clock.start }?.rating == .easy)
        #expect(try target.store.learners().map(\.name) == ["mei", "quiet"])
        #expect(try problems(target) == [])
        // The card of q1 has both machines' study answers: reps 2.
        let timings = try target.store.cardTimings(learner: "mei", deckIDs: ["logic"])
        #expect(timings.count == 1)

        // A rating changed on the source after the first copy travels on the next one.
        try source.store.record(
            answer("q2", mode: .drill, at: Clock.at(minutes: 3), rating: .good, changesRating: true), for: mei)
        let later = try target.store.merge(try source.store.exportLog(), source: source.location)
        #expect(later.copied == 0 && later.ratingChanges == 1)
        #expect(try problems(target) == [])
        let sourceKeys = try source.store.results(deck: nil, learners: [], since: nil).map(key)
        let targetKeys = Set(try target.store.results(deck: nil, learners: [], since: nil).map(key))
        #expect(sourceKeys.allSatisfy(targetKeys.contains))
    }

    @Test(arguments: Backend.allCases)
    func aLogWithANameLecternWouldNotWriteIsRefusedWhole(_ backend: Backend) throws {
        let target = try backend.makeStore()
        let log = StoreLog(
            learners: [LoggedLearner(name: "ok", createdAt: 0), LoggedLearner(name: "bad\u{1B}[2J", createdAt: 0)],
            reviews: [])
        #expect(throws: ProgressStoreError.self) { try target.store.merge(log, source: "elsewhere") }
        #expect(try target.store.learners() == [])
    }
}
