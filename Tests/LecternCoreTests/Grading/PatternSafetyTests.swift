import Testing
@testable import LecternCore

/// Answer patterns from decks run only in shapes whose matching time cannot explode.
@Suite struct PatternSafetyTests {
    @Test(arguments: [
        "barriers? to entry", "(the )?platform", "entry (cost|barrier)s?", "[a-z]+ing", "colou?r",
        "(very ){0,3}hard", #"\d{1,3}(,\d{3})*"#, "a[(+)]*b",
    ])
    func ordinaryPatternsAreSafe(pattern: String) {
        #expect(PatternSafety.problem(in: pattern) == nil)
    }

    @Test(arguments: [
        "(a+)+b", "(a*)*", "(a|aa)*c", "((ab)+)+", "(x+y?){2,}", #"(\w+\s?)*$"#, #"(a)\1"#, "(a|b){1,100}",
    ])
    func explosiveShapesAreRefused(pattern: String) {
        #expect(PatternSafety.problem(in: pattern) != nil)
    }

    /// The grader never runs a refused pattern (a deck with one does not pass lint, and the
    /// grader refuses it again), so a hostile answer comes back at once as wrong.
    @Test func theGraderNeverRunsARefusedPattern() throws {
        let answer = String(repeating: "a", count: 40) + "c"
        let grade = try ShortAnswerGrader.grade(answer, accept: ["/(a+)+b/"], exact: false).get()
        #expect(grade == .wrong)
    }

    @Test func longAnswersAreNotMatchedAgainstPatterns() throws {
        let answer = String(repeating: "a", count: PatternSafety.maximumSubjectLength + 1)
        #expect(try ShortAnswerGrader.grade(answer, accept: ["/a+/"], exact: false).get() == .wrong)
        #expect(try ShortAnswerGrader.grade("aaa", accept: ["/a+/"], exact: false).get() == .right)
    }
}
