import Foundation
import LecternCore
import LecternTestSupport
import Testing

@testable import LecternStore

@Suite struct ResultsQueryTests {
    func filledStore(_ folder: TemporaryFolder) throws -> ProgressStore {
        let store = try ProgressStore(path: folder.path())
        let mei = try store.sink(for: "mei")
        let sam = try store.sink(for: "sam")
        _ = try store.learner(named: "zoe")
        try mei.record(answer("q1", deck: "logic", at: Clock.at(hours: 1), score: 1, duration: 10))
        try mei.record(
            answer(
                "q2", deck: "logic", mode: .exam, at: Clock.at(days: 1), rating: .hard, score: 0.5,
                duration: 20))
        try mei.record(
            answer("e1", deck: "ethics", at: Clock.at(days: 2), rating: .again, duration: 5))
        try sam.record(
            answer("q1", deck: "logic", mode: .drill, at: Clock.at(hours: 2), duration: 30))
        return store
    }

    @Test(
        arguments: [
            (nil, [], nil, ["mei logic/q1", "mei logic/q2", "mei ethics/e1", "sam logic/q1"]),
            ("logic", [], nil, ["mei logic/q1", "mei logic/q2", "sam logic/q1"]),
            (nil, ["sam", "zoe"], nil, ["sam logic/q1"]),
            (nil, [], 1.0, ["mei logic/q2", "mei ethics/e1"]),
            ("logic", ["mei"], 0.5, ["mei logic/q2"]),
        ] as [(String?, [String], Double?, [String])])
    func resultsFilters(deck: String?, learners: [String], sinceDays: Double?, expected: [String])
        throws
    {
        let folder = try TemporaryFolder()
        let store = try filledStore(folder)
        let rows = try store.results(
            deck: deck, learners: learners, since: sinceDays.map { Clock.at(days: $0) })
        #expect(rows.map { "\($0.learner) \($0.deck)/\($0.item)" } == expected)
    }

    @Test func summaryListsEveryLearnerEvenWithoutAnswers() throws {
        let folder = try TemporaryFolder()
        let store = try filledStore(folder)
        #expect(
            try store.summary(deck: nil, learners: [], since: nil) == [
                LearnerTotals(learner: "mei", answers: 3, meanScore: 0.5, totalTime: 35),
                LearnerTotals(learner: "sam", answers: 1, meanScore: 1, totalTime: 30),
                LearnerTotals(learner: "zoe", answers: 0, meanScore: nil, totalTime: 0),
            ])
        #expect(
            try store.summary(deck: "logic", learners: ["mei", "zoe"], since: Clock.at(hours: 1))
                == [
                    LearnerTotals(learner: "mei", answers: 2, meanScore: 0.75, totalTime: 30),
                    LearnerTotals(learner: "zoe", answers: 0, meanScore: nil, totalTime: 0),
                ])
    }
}
