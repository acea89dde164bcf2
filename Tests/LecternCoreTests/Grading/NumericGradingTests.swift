import Testing
@testable import LecternCore

@Suite struct NumericGradingTests {
    @Test(arguments: [
        ("1000", false, 1000.0), ("1,000", false, 1000), ("1 000", false, 1000), ("1e3", false, 1000),
        ("-2.5", false, -2.5), ("−2.5", false, -2.5), ("12 km", false, 12), ("5元", false, 5),
        ("50%", true, 50), ("50", true, 50), ("50 %", true, 50), ("50%", false, 0.5),
        ("1,234,567.5", false, 1_234_567.5), ("2,5", false, 2.5), ("１２", false, 12), ("+3", false, 3),
        (".5", false, 0.5), ("2.5e-1", false, 0.25), ("5 euros", false, 5),
    ])
    func parses(input: String, percent: Bool, expected: Double) throws {
        #expect(try NumericAnswerGrader.parse(input, percent: percent).get() == expected)
    }

    @Test(arguments: ["abc", "1,00,0", "12 3", "1.2.3", "km", "1 2 km", "5 km 3"])
    func rejects(input: String) {
        let message = "\"\(input)\" is not a number: type digits like 1200, 1,200 or 1.2e3."
        #expect(NumericAnswerGrader.parse(input, percent: false) == .failure(MalformedAnswer(message)))
    }

    /// Scale words multiply: a learner who types `153 thousand` means 153000, and reading it
    /// as 153 would grade a right answer 0.
    @Test(arguments: [
        ("153k", 153_000.0), ("153K", 153_000), ("153 thousand", 153_000), ("153 Thousand", 153_000),
        ("1.5万", 15_000), ("15.3万", 153_000), ("2 亿", 200_000_000), ("1.2 million", 1_200_000),
        ("3 bn", 3e9), ("20 000", 20_000), ("20\u{2009}000", 20_000), ("20\u{202F}000", 20_000),
        ("5 kg", 5), ("12 km", 12), ("2 hundred", 200), ("1.5万元", 15_000),
    ])
    func scaleWords(input: String, expected: Double) throws {
        #expect(try NumericAnswerGrader.parse(input, percent: false).get() == expected)
    }

    /// A percentage is never counted in thousands: the form is asked again, never graded.
    @Test(arguments: ["20 thousand", "20k", "20 thousand %", "2万"])
    func scaleWordsOnAPercentageAreAskedAgain(input: String) {
        let key = NumericAnswerKey(target: .value(20, tolerance: 0), percent: true)
        guard case .failure(let malformed) = NumericAnswerGrader.grade(input, key: key) else {
            Issue.record("\(input) was graded")
            return
        }
        #expect(malformed.message.contains("a percentage takes no scale word"))
    }

    /// The item's own unit is a unit, even when it starts like a scale word.
    @Test func theItemsUnitIsNotAScale() throws {
        let key = NumericAnswerKey(target: .value(5, tolerance: 0), unit: "k-units")
        #expect(try NumericAnswerGrader.grade("5 k-units", key: key).get() == .right)
    }

    @Test func emptyIsMalformed() {
        #expect(NumericAnswerGrader.parse(" ", percent: false) == .failure(MalformedAnswer("Type a number, or :skip.")))
    }

    @Test(arguments: [
        ("42", true), ("42.5", true), ("41.5", true), ("42.6", false), ("41", false),
    ])
    func tolerance(input: String, right: Bool) throws {
        let key = NumericAnswerKey(target: .value(42, tolerance: 0.5))
        #expect(try NumericAnswerGrader.grade(input, key: key).get() == (right ? .right : .wrong))
    }

    @Test(arguments: [("10", true), ("20%", true), ("15", true), ("9.99", false), ("21", false)])
    func percentRange(input: String, right: Bool) throws {
        let key = NumericAnswerKey(target: .range(10, 20), percent: true)
        #expect(try NumericAnswerGrader.grade(input, key: key).get() == (right ? .right : .wrong))
    }

    /// On an item not marked percent, `2%` may be a figure in percentage points or a share.
    @Test(arguments: [("2%", 2.0, true), ("2 %", 2.0, true), ("50%", 0.5, true), ("3%", 2.0, false), ("2", 2.0, true)])
    func percentSignOnAPlainItem(input: String, target: Double, right: Bool) throws {
        let key = NumericAnswerKey(target: .value(target, tolerance: 0.01), unit: "percentage points")
        #expect(try NumericAnswerGrader.grade(input, key: key).get() == (right ? .right : .wrong))
    }

    @Test func floatingPointSlack() throws {
        let key = NumericAnswerKey(target: .value(0.3, tolerance: 0))
        #expect(try NumericAnswerGrader.grade("0.30000000000000004", key: key).get() == .right)
        #expect(
            try NumericAnswerGrader.grade("0.1e1", key: NumericAnswerKey(target: .value(1, tolerance: 0))).get()
                == .right)
    }

    @Test(arguments: [
        (NumericAnswerKey(target: .value(42, tolerance: 0.5), unit: "km"), "42 km (± 0.5)"),
        (NumericAnswerKey(target: .value(1000, tolerance: 0)), "1000"),
        (NumericAnswerKey(target: .range(10, 20), percent: true), "10 to 20%"),
        (NumericAnswerKey(target: .value(2.5, tolerance: 0), unit: "yuan"), "2.5 yuan"),
    ])
    func display(key: NumericAnswerKey, expected: String) {
        #expect(NumericAnswerGrader.displayAnswer(key) == expected)
    }
}
