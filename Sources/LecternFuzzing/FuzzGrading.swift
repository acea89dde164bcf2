import Foundation
import LecternCore

/// Grades one typed line against one item through the public parsers and graders, the way
/// the session does with the options shown in deck order, and checks what comes back.
///
/// A fuzzer only sees crashes, so every property a silent wrong answer would break is a
/// `precondition` here: picks name real entries, an order is a permutation, a match pairs
/// every left entry once, a score is a finite share.
enum FuzzGrading {
    /// Returns the grade, or nil when the answer was malformed (which is fine: asked again).
    @discardableResult
    static func grade(_ line: String, item: Item) -> Grade? {
        let answer = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let grade: Grade?
        switch item.body {
        case .choice, .multi, .truefalse: grade = gradePick(answer, item.body)
        case .short, .numeric, .cloze: grade = gradeTyped(answer, item.body)
        case .order, .match, .roles, .open: grade = gradeArranged(answer, item.body)
        case .description: grade = nil
        case .walkthrough(let walkthrough):
            // Each step is graded as its own question; the walkthrough's own grade is their mean.
            let steps = walkthrough.steps.compactMap { step -> Grade? in
                if case .walkthrough = step.body { return nil }
                return Self.grade(line, item: step)
            }
            grade = steps.isEmpty ? nil : Grade(score: steps.map(\.score).reduce(0, +) / Double(steps.count))
        }
        if let grade {
            precondition(grade.score.isFinite && (0...1).contains(grade.score), "score \(grade.score) out of 0…1")
            _ = RatingRule.rating(for: grade, hintsUsed: 1)
        }
        return grade
    }

    /// Items answered by picking options: one, several, or true/false.
    private static func gradePick(_ answer: String, _ body: ItemBody) -> Grade? {
        switch body {
        case .choice(let options):
            return value(AnswerParser.choice(answer, count: options.count)).map { picked in
                precondition(options.indices.contains(picked), "choice picked \(picked) of \(options.count)")
                return StructuredGraders.choice(picked: picked, options: options)
            }
        case .multi(let options):
            return value(AnswerParser.multi(answer, count: options.count)).map { picked in
                precondition(!picked.isEmpty && picked.allSatisfy(options.indices.contains), "multi picked \(picked)")
                precondition(Set(picked).count == picked.count, "multi names an option twice: \(picked)")
                return StructuredGraders.multi(picked: Set(picked), options: options)
            }
        case .truefalse(let key):
            return value(AnswerParser.trueFalse(answer)).map { StructuredGraders.trueFalse(given: $0, answer: key) }
        default: return nil
        }
    }

    /// Items answered by typing words or a number.
    private static func gradeTyped(_ answer: String, _ body: ItemBody) -> Grade? {
        switch body {
        case .short(let key):
            return value(ShortAnswerGrader.grade(answer, accept: key.accept, exact: key.exact))
        case .numeric(let key):
            if let number = value(NumericAnswerGrader.parse(answer, percent: key.percent)) {
                precondition(!number.isNaN, "numeric parse gave NaN for \(answer.debugDescription)")
            }
            return value(NumericAnswerGrader.grade(answer, key: key))
        case .cloze(let cloze):
            return value(ClozeGrader.grade(answer, cloze: cloze)).map { result in
                precondition(result.answers.count == cloze.blanks.count, "cloze answers do not match blanks")
                precondition(result.blanksRight.count == cloze.blanks.count, "cloze marks do not match blanks")
                return result.grade
            }
        default: return nil
        }
    }

    /// Items answered by arranging entries: an order, pairs, roles, or rubric ticks.
    private static func gradeArranged(_ answer: String, _ body: ItemBody) -> Grade? {
        switch body {
        case .order(let entries):
            return value(AnswerParser.order(answer, count: entries.count)).map { given in
                precondition(given.sorted() == Array(entries.indices), "order is not a permutation: \(given)")
                return StructuredGraders.order(given: given, count: entries.count)
            }
        case .match(let pairs):
            return value(AnswerParser.match(answer, leftCount: pairs.count, rightCount: pairs.count)).map { given in
                precondition(Set(given.keys) == Set(pairs.indices), "match leaves a left entry unpaired: \(given)")
                precondition(given.values.allSatisfy(pairs.indices.contains), "match names a missing right: \(given)")
                return StructuredGraders.match(pairs: given, count: pairs.count)
            }
        case .roles(let sentences):
            return value(AnswerParser.roles(answer, count: sentences.count)).map { given in
                precondition(given.count == sentences.count, "roles gave \(given.count) of \(sentences.count)")
                return StructuredGraders.roles(given: given, sentences: sentences)
            }
        case .open(let key):
            return value(AnswerParser.ticks(answer, count: key.rubric.count)).map { ticked in
                precondition(ticked.allSatisfy(key.rubric.indices.contains), "ticked a missing point: \(ticked)")
                return StructuredGraders.rubric(ticked: ticked, count: key.rubric.count)
            }
        default: return nil
        }
    }

    /// The success value, after checking that a failure still says something to the learner.
    private static func value<Success>(_ result: Result<Success, MalformedAnswer>) -> Success? {
        switch result {
        case .success(let success): return success
        case .failure(let error):
            precondition(!error.message.isEmpty, "a malformed answer with no message")
            return nil
        }
    }
}
