import Testing
@testable import LecternCore

@Suite struct TextGradingTests {
    @Test(arguments: [
        ("  The   Platform. ", "platform"),
        ("ＡＢＣ", "abc"),
        ("barrier-to-entry", "barrier to entry"),
        ("An apple!", "apple"),
        ("the", "the"),
        ("平台 经济", "平台经济"),
        ("「平台」", "平台"),
        ("Entry   barrier", "entry barrier"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("platform", "paltform", 1),
        ("ca", "abc", 3), ("平台", "台平", 1), ("threshold", "treshold", 1), ("abc", "abc", 0),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(TypoDistance.optimalStringAlignment(a, b) == expected)
    }

    @Test(arguments: [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (30, 2)])
    func allowedTypos(length: Int, expected: Int) {
        #expect(TypoDistance.allowedTypos(forLength: length) == expected)
    }

    struct ShortCase: Sendable, CustomTestStringConvertible {
        var answer: String
        var accept: [String]
        var exact = false
        var right: Bool
        var testDescription: String { "\(answer) vs \(accept)" }
    }

    @Test(arguments: [
        ShortCase(answer: "the platform", accept: ["platform"], right: true),
        ShortCase(answer: "PLATFORM!", accept: ["platform"], right: true),
        ShortCase(answer: "paltform", accept: ["platform"], right: true),
        ShortCase(answer: "paltfrom", accept: ["platform"], right: false),
        ShortCase(answer: "paltform", accept: ["platform"], exact: true, right: false),
        ShortCase(answer: "cat", accept: ["cats"], right: false),
        ShortCase(answer: "barier to entyr", accept: ["barrier to entry"], right: true),
        ShortCase(answer: "entry barrier", accept: ["barrier to entry", "entry barrier"], right: true),
        ShortCase(answer: "thresholds", accept: ["/thresholds?/"], right: true),
        ShortCase(answer: "Threshold", accept: ["/thresholds?/"], right: true),
        ShortCase(answer: "the threshold", accept: ["/thresholds?/"], right: false),
        ShortCase(answer: "平台 经济", accept: ["平台经济"], right: true),
        ShortCase(answer: "平台", accept: ["平台经济"], right: false),
        ShortCase(answer: "ＰＬＡＴＦＯＲＭ", accept: ["platform"], exact: true, right: true),
        ShortCase(answer: "anything", accept: ["/[/"], right: false),
    ])
    func shortAnswers(_ example: ShortCase) throws {
        let grade = try ShortAnswerGrader.grade(example.answer, accept: example.accept, exact: example.exact).get()
        #expect(grade == (example.right ? .right : .wrong))
    }

    @Test func emptyShortAnswerIsMalformed() {
        #expect(ShortAnswerGrader.grade("   ", accept: ["x"]) == .failure(MalformedAnswer("Type an answer, or :skip.")))
    }

    @Test(arguments: [
        ("platform; sellers", [true, true], 1.0),
        ("platform, buyers", [true, false], 0.5),
        ("platform | sellers", [true, true], 1.0),
        ("Platform；sellerss", [true, true], 1.0),
        ("x; y", [false, false], 0.0),
    ])
    func cloze(line: String, blanks: [Bool], score: Double) throws {
        let cloze = Cloze(parsing: "The {{platform}} gains, the {{sellers|seller}} lose.")
        let result = try ClozeGrader.grade(line, cloze: cloze).get()
        #expect(result.blanksRight == blanks)
        #expect(result.grade.score == score)
    }

    @Test(arguments: ["platform", "platform; ", "a; b; c"])
    func clozeNeedsEveryBlank(line: String) {
        let cloze = Cloze(parsing: "The {{platform}} gains, the {{sellers}} lose.")
        #expect(
            ClozeGrader.grade(line, cloze: cloze)
                == .failure(MalformedAnswer("Give 2 answers separated by \";\", one per blank.")))
    }

    @Test func singleBlankTakesTheWholeLine() throws {
        let cloze = Cloze(parsing: "Costs rise to {{1,000|one thousand}} yuan.")
        #expect(try ClozeGrader.grade("1,000", cloze: cloze).get().grade == .right)
    }
}
