import LecternClass
import LecternCore
import Testing

@Suite("Live class: join codes and scoring")
struct JoinCodeAndScoringTests {
    @Test func codesAreEasyToReadAloud() {
        var random = SplitMix64(seed: 9)
        let confusable: Set<Character> = ["0", "O", "1", "I", "l", "L"]
        for length in 0...8 {
            for _ in 0..<200 {
                let code = JoinCode.generate(length: length, using: &random)
                #expect(code.count == min(max(length, 4), 6))
                #expect(code.allSatisfy { JoinCode.alphabet.contains($0) && !confusable.contains($0) }, "\(code)")
            }
        }
    }

    @Test func theSameSeedGivesTheSameCodeAndCodesVary() {
        var first = SplitMix64(seed: 1), second = SplitMix64(seed: 1)
        #expect(JoinCode.generate(using: &first) == JoinCode.generate(using: &second))
        var random = SplitMix64(seed: 2)
        let codes = Set((0..<100).map { _ in JoinCode.generate(length: 6, using: &random) })
        #expect(codes.count > 95)
        #expect(JoinCode.matches(" k7-qf ", code: "K7QF") && !JoinCode.matches("K7QG", code: "K7QF"))
    }

    @Test func rightAnswersComeFirstAndSpeedSecond() {
        let slowRight = LiveScoring.points(credit: 1, left: 0.5, limit: 30)
        let fastRight = LiveScoring.points(credit: 1, left: 29, limit: 30)
        let fastPartial = LiveScoring.points(credit: 0.99, left: 30, limit: 30)
        #expect(fastRight > slowRight)
        #expect(slowRight > fastPartial)
        #expect(LiveScoring.points(credit: 1, left: 30, limit: 30) == 1500)
        #expect(LiveScoring.points(credit: 1, left: 0, limit: 30) == 1000)
        #expect(LiveScoring.points(credit: 0.5, left: 10, limit: 30) == 500)
        #expect(LiveScoring.points(credit: 0, left: 30, limit: 30) == 0)
        #expect(LiveScoring.points(credit: .nan, left: 30, limit: 30) == 0)
    }
}
