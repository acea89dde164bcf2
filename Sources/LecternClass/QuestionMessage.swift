import Foundation
import LecternCore

/// A question as sent to students while it is open.
///
/// It holds only what the student sees: the prompt, the displayed entries in their shown
/// order, and how to answer. The type has no field for the right answer, per-option
/// feedback or the explanation, and its initializer reads only displayed text, so no
/// question frame can carry them: they go out in the `reveal`.
package struct QuestionMessage: Sendable, Equatable, Codable {
    /// 0-based position in the class; answers name it.
    package var question: Int
    package var count: Int
    /// The type of the question asked, as spelled in decks (`choice`, `match`, …).
    package var itemType: String
    /// The prompt as shown; a cloze's blanks appear as `[1] ____`.
    package var prompt: String
    /// Displayed entries named by letters, in shown order: the options of choice and multi,
    /// the entries of order, the right-hand side of match.
    package var options: [String]
    /// Entries named by numbers: the left-hand side of match, the sentences of roles.
    package var numbered: [String]
    /// Cloze only: how many blanks to fill.
    package var blanks: Int?
    /// Numeric only: the unit, and whether the answer is a percentage.
    package var unit: String?
    package var percent: Bool?
    /// The question exactly as a study session shows it, one line each.
    package var lines: [String]
    /// A walkthrough's step: the scenario, and the step's place on the path.
    package var scenario: String?
    package var step: Int?
    package var steps: Int?
    /// Seconds the question stays open in all, and left when this frame was made (clocks
    /// differ between machines: count down from `secondsLeft`, not from `deadline`).
    package var timeLimit: Int
    package var secondsLeft: Int
    /// The deadline on the server's clock, seconds since 1970.
    package var deadline: Double

    init(_ asked: ClassQuestion, index: Int, count: Int, timeLimit: TimeInterval, deadline: Date, now: Date) {
        let item = asked.asked
        let layout = asked.layout
        question = index
        self.count = count
        itemType = item.kind.rawValue
        self.timeLimit = Int(timeLimit.rounded(.up))
        secondsLeft = max(0, Int(deadline.timeIntervalSince(now).rounded(.up)))
        self.deadline = deadline.timeIntervalSince1970
        lines = QuestionRenderer.lines(for: item, layout: layout).map(\.text)
        if item.kind == .open, !lines.isEmpty {
            // A study session takes an open answer over several lines; a class takes one.
            lines[lines.count - 1] = "Write your answer on one line."
        }
        scenario = asked.scenario
        step = asked.stepNumber
        steps = asked.stepCount
        prompt = item.prompt
        options = []
        numbered = []
        switch item.body {
        case .choice(let entries), .multi(let entries):
            options = layout.order.map { entries[$0].text }
        case .order(let entries):
            options = layout.order.map { entries[$0] }
        case .match(let pairs):
            numbered = pairs.map(\.left)
            options = layout.order.map { pairs[$0].right }
        case .roles(let sentences):
            numbered = sentences.map(\.text)
        case .cloze(let cloze):
            prompt = cloze.displayText
            blanks = cloze.blanks.count
        case .numeric(let key):
            unit = key.unit
            percent = key.percent
        case .truefalse, .short, .open, .walkthrough, .description:
            break
        }
    }
}
