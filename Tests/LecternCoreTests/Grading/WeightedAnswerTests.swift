import Foundation
import Testing

@testable import LecternCore

/// Short and numeric answers that each carry a credit and a feedback (GIFT's `=%50%word#…`):
/// loaded from a deck, graded to the best matching answer's credit, and explained to the
/// learner with that answer's feedback.
@Suite struct WeightedAnswerTests {
    static let deck = """
        lectern: 1
        id: weights
        title: Weights
        source:
          title: T
          passages:
            1: P.
        items:
          - id: capital
            type: short
            skill: recall
            source: [1]
            prompt: Which city is the capital of France?
            explain: Paris has been the capital for centuries.
            accept:
              - Paris
              - text: Lutetia
                credit: 50
                feedback: That was its Roman name; today it is Paris.
              - text: Lyon
                credit: 0
                feedback: Lyon is the second city.
              - text: Marseilles
                credit: -50
                feedback: A port, not the capital.
          - id: pi
            type: numeric
            skill: recall
            source: [1]
            prompt: What is pi to two places?
            explain: Pi is 3.14159…
            answers:
              - answer: 3.14
                tolerance: 0.005
                feedback: Right to two places.
              - answer: 3
                tolerance: 0.5
                credit: 50
                feedback: Close; give two places.
              - range: [0.1, 0.2]
                credit: 0
                feedback: That is only the part after the point.
            otherwise: Pi is a little more than three.
          - id: plain
            type: numeric
            skill: recall
            source: [1]
            prompt: How many sides has a hexagon?
            explain: Hexa- means six.
            answer: 6

        """

    static func loaded() throws -> Deck {
        let result = DeckLoader.load(text: deck, path: "weights.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        return try #require(result.usableDeck)
    }

    static func graded(_ answer: String, _ item: Item) throws -> (score: Double, lines: [String]) {
        let evaluation = try ItemEvaluator.evaluate(answer, item: item, layout: .none).get()
        let lines = FeedbackRenderer.mistakes(evaluation, item: item, layout: .none).map(\.text)
        return ((evaluation.grade.score * 1000).rounded() / 1000, lines)
    }

    @Test func aShortAnswerLoadsEachEntryWithItsCreditAndFeedback() throws {
        let deck = try Self.loaded()
        guard case .short(let key) = deck.items[0].body else { throw Unexpected() }
        #expect(key.accept == ["Paris"])
        #expect(key.answers.map(\.credit) == [100, 50, 0, -50])
        #expect(
            key.answers.map(\.feedback) == [
                nil, "That was its Roman name; today it is Paris.", "Lyon is the second city.",
                "A port, not the capital.",
            ])
        #expect(key.answers[1].location == SourceLocation(file: "weights.yaml", line: 17, column: 9))
        #expect(QuestionRenderer.answerText(for: deck.items[0], layout: .none) == "Paris")
    }

    @Test(arguments: [
        ("Paris", 1.0, [String]()), ("paris", 1, []), ("Pariss", 1, []),
        ("Lutetia", 0.5, ["That was its Roman name; today it is Paris."]),
        ("lutetia", 0.5, ["That was its Roman name; today it is Paris."]),
        ("Lyon", 0, ["Lyon is the second city."]),
        // A negative credit scores nothing, never less, but its feedback is shown.
        ("Marseilles", 0, ["A port, not the capital."]),
        ("Berlin", 0, []),
    ])
    func aShortAnswerEarnsTheCreditOfTheAnswerItMatches(answer: String, score: Double, lines: [String]) throws {
        let item = try Self.loaded().items[0]
        let graded = try Self.graded(answer, item)
        #expect(graded.score == score)
        #expect(graded.lines == lines)
    }

    /// A listed wrong answer typed exactly is that answer, even when it is one typo away from a
    /// right one: its feedback is shown and it earns nothing.
    @Test func anExactMatchWinsOverATypoMatch() throws {
        let key = ShortAnswerKey(answers: [
            WeightedAnswer("Slovenia"), WeightedAnswer("Slovenija", credit: 0, feedback: "Spell it in English."),
        ])
        let exact = try ShortAnswerGrader.grade("slovenija", key: key).get()
        #expect(exact == WeightedGrade(grade: .wrong, feedback: "Spell it in English."))
        #expect(try ShortAnswerGrader.grade("Slovenia", key: key).get().grade == .right)
        // Matched only by typo tolerance, the best credit among the near answers counts.
        #expect(try ShortAnswerGrader.grade("Slovenja", key: key).get().grade == .right)
    }

    /// An answer that joins alternatives earns the credit every one of them reaches.
    @Test func alternativesEarnTheLowestCreditOfTheirParts() throws {
        let key = ShortAnswerKey(answers: [
            WeightedAnswer("reputation"), WeightedAnswer("followers"), WeightedAnswer("visibility", credit: 50),
        ])
        #expect(try ShortAnswerGrader.grade("reputation and followers", key: key).get().grade == .right)
        #expect(try ShortAnswerGrader.grade("reputation and visibility", key: key).get().grade.score == 0.5)
        #expect(try ShortAnswerGrader.grade("reputation and luck", key: key).get().grade == .wrong)
    }

    /// A key of plain wordings grades exactly as it did before answers had credits.
    @Test(arguments: ["edge", "an edge over rivals", "no edge", "edg", "trust and edge", "advantage"])
    func aPlainKeyGradesAsBefore(answer: String) throws {
        let accept = ["edge", "trust", "/adv[a-z]+/"]
        let before = try ShortAnswerGrader.grade(answer, accept: accept).get()
        #expect(try ShortAnswerGrader.grade(answer, key: ShortAnswerKey(accept: accept)).get().grade == before)
    }

    @Test(arguments: [
        ("3.14", 1.0, ["Right to two places."]), ("3.142", 1, ["Right to two places."]),
        ("3", 0.5, ["Close; give two places."]), ("3.3", 0.5, ["Close; give two places."]),
        ("0.14", 0, ["That is only the part after the point."]), ("42", 0, ["Pi is a little more than three."]),
    ])
    func aNumberEarnsTheBestCreditOfTheAnswersItMeets(answer: String, score: Double, lines: [String]) throws {
        let item = try Self.loaded().items[1]
        let graded = try Self.graded(answer, item)
        #expect(graded.score == score)
        #expect(graded.lines == lines)
    }

    @Test func theSingleAnswerFormStaysAsItWas() throws {
        let deck = try Self.loaded()
        guard case .numeric(let several) = deck.items[1].body, case .numeric(let single) = deck.items[2].body else {
            throw Unexpected()
        }
        #expect(several.target == .value(3.14, tolerance: 0.005))
        #expect(several.answers.count == 3)
        #expect(several.otherwise == "Pi is a little more than three.")
        #expect(single == NumericAnswerKey(target: .value(6, tolerance: 0)))
        #expect(single.weighted.isEmpty)
        #expect(QuestionRenderer.answerText(for: deck.items[1], layout: .none) == "3.14 (± 0.005)")
        let six = try Self.graded("6", deck.items[2])
        #expect(six.score == 1 && six.lines.isEmpty)
    }

    @Test func answersBesideASingleAnswerAreRefused() {
        let text = Self.deck.replacingOccurrences(of: "    otherwise:", with: "    answer: 3\n    otherwise:")
        let result = DeckLoader.load(text: text, path: "weights.yaml")
        #expect(result.diagnostics.map(\.rule) == ["numeric-key"])
        #expect(result.diagnostics.first?.location.line == 43)
    }

    struct Unexpected: Error {}
}
