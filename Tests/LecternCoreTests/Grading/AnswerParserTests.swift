import Testing
@testable import LecternCore

@Suite struct AnswerParserTests {
    @Test(arguments: [
        ("b", 1), ("B", 1), (" 2 ", 1), ("b)", 1), ("Ｃ", 2), ("4", 3), ("a", 0),
    ])
    func choiceAccepts(input: String, expected: Int) throws {
        #expect(try AnswerParser.choice(input, count: 4).get() == expected)
    }

    @Test(arguments: [
        ("e", "\"e\" is not an option: answer a–d or 1–4."),
        ("5", "\"5\" is not an option: answer a–d or 1–4."),
        ("0", "\"0\" is not an option: answer a–d or 1–4."),
        ("a b", "Pick one option only: a–d or 1–4."),
        ("", "Pick one option: a–d or 1–4."),
        ("b?", "\"b?\" is not an option: answer a–d or 1–4."),
        ("The platform", "\"the\" is not an option: type the option's letter (a–d) or number (1–4), not its words."),
    ])
    func choiceRejects(input: String, message: String) {
        #expect(AnswerParser.choice(input, count: 4) == .failure(MalformedAnswer(message)))
    }

    @Test(arguments: [
        ("a c", [0, 2]), ("a,c", [0, 2]), ("1 3", [0, 2]), ("ac", [0, 2]),
        ("A, C", [0, 2]), ("c a a", [2, 0]), ("1,3", [0, 2]), ("b", [1]), ("d b", [3, 1]),
    ])
    func multiAcceptsInTheOrderTyped(input: String, expected: [Int]) throws {
        #expect(try AnswerParser.multi(input, count: 4).get() == expected)
    }

    @Test(arguments: [
        ("a z", "\"z\" is not an option: answer a–d or 1–4."),
        ("  ", "Pick one or more options, e.g. \"a c\"."),
        ("1 x3", "\"x3\" is not an option: answer a–d or 1–4."),
    ])
    func multiRejects(input: String, message: String) {
        #expect(AnswerParser.multi(input, count: 4) == .failure(MalformedAnswer(message)))
    }

    @Test(arguments: [
        ("c a b", [2, 0, 1]), ("cab", [2, 0, 1]), ("3 1 2", [2, 0, 1]), ("C,A,B", [2, 0, 1]),
        ("c-a-b", [2, 0, 1]), ("c/a/b", [2, 0, 1]),
    ])
    func orderAccepts(input: String, expected: [Int]) throws {
        #expect(try AnswerParser.order(input, count: 3).get() == expected)
    }

    @Test(arguments: [
        ("c a", "Give all 3 entries in order, e.g. \"c b a\"."),
        ("c a a", "a appears twice; use each entry once."),
        ("c a d", "\"d\" is not an option: answer a–c or 1–3."),
    ])
    func orderRejects(input: String, message: String) {
        #expect(AnswerParser.order(input, count: 3) == .failure(MalformedAnswer(message)))
    }

    @Test(arguments: ["1b 2a 3c", "3c 1b 2a", "1b,2a,3c", "1b2a3c", "1-b 2-a 3-c", "1 b, 2 a, 3 c", "１Ｂ ２Ａ ３Ｃ"])
    func matchAccepts(input: String) throws {
        #expect(try AnswerParser.match(input, leftCount: 3, rightCount: 3).get() == [0: 1, 1: 0, 2: 2])
    }

    @Test(arguments: [
        ("1b 2a", "Pair every entry on the left; missing: 3."),
        ("1b 1a 3c", "1 is paired twice; pair each once."),
        ("1b 2a 4c", "There is no 4 on the left: use 1–3."),
        ("1b 2a 3d", "d is not on the right: use a–c."),
        ("b a c", "Pair each number with a letter, e.g. \"1b 2a\"."),
        ("1 2 3", "Pair each number with a letter, e.g. \"1b 2a\"."),
    ])
    func matchRejects(input: String, message: String) {
        #expect(AnswerParser.match(input, leftCount: 3, rightCount: 3) == .failure(MalformedAnswer(message)))
    }

    @Test(arguments: ["1p 2p 3c 4o", "4o 3c 2p 1p", "1p,2p,3c,4o", "p p c o", "ppco", "1P 2P 3C 4O"])
    func rolesAccept(input: String) throws {
        #expect(try AnswerParser.roles(input, count: 4).get() == [.premise, .premise, .conclusion, .objection])
    }

    @Test(arguments: [
        ("1p 2p 3c", "Label every sentence; missing: 4."),
        ("ppc", "Label all 4 sentences, e.g. \"1p 2c\" (c p a o x)."),
        ("1p 2p 3c 4z", "z is not a role: use c, p, a, o or x."),
        ("pzco", "z is not a role: use c, p, a, o or x."),
    ])
    func rolesReject(input: String, message: String) {
        #expect(AnswerParser.roles(input, count: 4) == .failure(MalformedAnswer(message)))
    }

    @Test(arguments: [
        ("t", true), ("TRUE", true), ("yes", true), ("y", true), ("对", true), ("是", true), ("True.", true),
        ("f", false), ("false", false), ("No", false), ("n", false), ("错", false), ("否", false),
    ])
    func trueFalseAccepts(input: String, expected: Bool) throws {
        #expect(try AnswerParser.trueFalse(input).get() == expected)
    }

    @Test(arguments: ["maybe", "", "tf"])
    func trueFalseRejects(input: String) {
        #expect(AnswerParser.trueFalse(input) == .failure(MalformedAnswer("Answer true or false (t/f, yes/no, 对/错).")))
    }

    @Test(arguments: [
        ("1 3", Set([0, 2])), ("all", Set([0, 1, 2])), ("ALL", Set([0, 1, 2])), ("none", Set<Int>()),
        ("3,1", Set([0, 2])), ("2 2", Set([1])),
    ])
    func ticksAccept(input: String, expected: Set<Int>) throws {
        #expect(try AnswerParser.ticks(input, count: 3).get() == expected)
    }

    @Test(arguments: [
        ("4", "There is no point 4: tick 1–3."),
        ("", "Tick the points you covered: numbers 1–3, \"all\" or \"none\"."),
        ("a", "Tick the points you covered: numbers 1–3, \"all\" or \"none\"."),
    ])
    func ticksReject(input: String, message: String) {
        #expect(AnswerParser.ticks(input, count: 3) == .failure(MalformedAnswer(message)))
    }
}

@Suite struct OptionClauseTests {
    @Test(arguments: [
        ("It is fashionable.", "It is fashionable"), ("平台。", "平台"), ("No stop", "No stop"), ("Ends... ", "Ends"),
    ])
    func clauseDropsTheClosingStop(text: String, expected: String) {
        #expect(OptionLabel.clause(text) == expected)
    }
}
