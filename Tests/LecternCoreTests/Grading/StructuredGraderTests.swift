import Testing
@testable import LecternCore

@Suite struct StructuredGraderTests {
    static let here = SourceLocation(file: "test", line: 1, column: 1)
    static let options = [true, false, true, false].map { Option(text: "x", isCorrect: $0, location: here) }

    @Test(arguments: [(0, 1.0), (1, 0.0), (2, 0.0), (7, 0.0)])
    func choice(picked: Int, score: Double) {
        let options = [true, false, false].map { Option(text: "x", isCorrect: $0, location: Self.here) }
        #expect(StructuredGraders.choice(picked: picked, options: options).score == score)
    }

    @Test(arguments: [
        (Set([0, 2]), 1.0), (Set([0]), 0.5), (Set([0, 1]), 0.0), (Set([0, 1, 2]), 0.5),
        (Set([1, 3]), 0.0), (Set([0, 1, 2, 3]), 0.0), (Set<Int>(), 0.0),
    ])
    func multi(picked: Set<Int>, score: Double) {
        #expect(StructuredGraders.multi(picked: picked, options: Self.options).score == score)
    }

    @Test(arguments: [
        ([0, 1, 2, 3], 1.0), ([3, 2, 1, 0], 0.0), ([1, 2, 3, 0], 0.75), ([0, 1, 3, 2], 0.5),
        ([2, 3, 0, 1], 0.5), ([0, 2, 1, 3], 0.0), ([3, 0, 1, 2], 0.75),
    ])
    func order(given: [Int], score: Double) {
        #expect(StructuredGraders.order(given: given, count: 4).score == score)
    }

    @Test(arguments: [
        ([0: 0, 1: 1, 2: 2], 1.0), ([0: 1, 1: 0, 2: 2], 1.0 / 3), ([0: 1, 1: 2, 2: 0], 0.0),
    ])
    func match(pairs: [Int: Int], score: Double) {
        #expect(StructuredGraders.match(pairs: pairs, count: 3).score == score)
    }

    @Test(arguments: [
        ([ArgumentRole.premise, .premise, .conclusion, .objection], 1.0),
        ([ArgumentRole.premise, .conclusion, .premise, .objection], 0.5),
        ([ArgumentRole.besideThePoint, .assumption, .objection, .conclusion], 0.0),
    ])
    func roles(given: [ArgumentRole], score: Double) {
        let sentences = [ArgumentRole.premise, .premise, .conclusion, .objection].map {
            RoleSentence(text: "s", role: $0)
        }
        #expect(StructuredGraders.roles(given: given, sentences: sentences).score == score)
    }

    @Test(arguments: [(Set([0, 2]), 0.5), (Set([0, 1, 2, 3]), 1.0), (Set<Int>(), 0.0), (Set([3]), 0.25)])
    func rubric(ticked: Set<Int>, score: Double) {
        #expect(StructuredGraders.rubric(ticked: ticked, count: 4).score == score)
    }

    @Test(arguments: [(1.0, Grade.Outcome.right), (0.5, .partial), (0.0, .wrong), (1.5, .right), (-1, .wrong)])
    func outcome(score: Double, expected: Grade.Outcome) {
        #expect(Grade(score: score).outcome == expected)
    }

    @Test(
        arguments: [
            (1.0, 0, nil, Rating.good), (1.0, 1, nil, .hard), (1.0, 2, nil, .again), (1.0, 5, nil, .again),
            (0.5, 0, nil, .hard), (0.5, 1, nil, .again), (0.0, 0, nil, .again),
            (1.0, 0, .easy, .easy), (1.0, 1, .easy, .easy), (1.0, 0, .hard, .hard), (0.5, 0, .hard, .hard),
            (0.5, 0, .easy, .hard), (0.0, 0, .easy, .again), (0.0, 0, .hard, .again),
        ] as [(Double, Int, Rating?, Rating)])
    func rating(score: Double, hints: Int, override: Rating?, expected: Rating) {
        #expect(RatingRule.rating(for: Grade(score: score), hintsUsed: hints, override: override) == expected)
    }
}
