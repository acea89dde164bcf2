import Foundation

/// The item on screen and everything gathered about it until its record is emitted.
///
/// For a walkthrough the attempt spans all its steps: `stepID` names the step being
/// asked, and each answered step leaves a `StepOutcome`.
struct Attempt: Sendable {
    struct StepOutcome: Sendable {
        var stepID: String
        var answer: String
        var score: Double
        var skipped: Bool
    }

    let item: Item
    let shownAt: Date
    var stepID: String?
    var stepNumber = 1
    var steps: [StepOutcome] = []
    var layout: ItemLayout
    /// Hints shown for the question or step on screen.
    var hintsShown = 0
    /// Hints shown over all steps: what lowers the rating.
    var totalHints = 0
    /// Lines of an open answer typed so far.
    var openLines: [String] = []
    /// The answer on screen, once graded (or written, for open items, before ticking).
    var evaluation: Evaluation?
    var answeredAt: Date?
    var confidences: [Int] = []
    var override: Rating?
    /// The record already handed out for this attempt (outside exams it is emitted with the
    /// feedback, so a killed process loses nothing the learner has seen graded).
    var record: AnswerRecord?
    /// Where a walkthrough goes after the step on screen; nil when it ends there.
    var nextStepID: String?
    /// The walkthrough's paths, worked out once when it is shown; nil for other items.
    var paths: WalkthroughPaths?

    /// The question being asked: the current step of a walkthrough, else the item itself.
    var asked: Item {
        if case .walkthrough(let walkthrough) = item.body, let stepID {
            if let position = paths?.index[stepID] { return walkthrough.steps[position] }
            if let step = walkthrough.step(withID: stepID) { return step }
        }
        return item
    }

    var walkthrough: Walkthrough? {
        if case .walkthrough(let walkthrough) = item.body { return walkthrough }
        return nil
    }

    /// The paragraphs the question on screen cites (a step inherits its walkthrough's).
    var citedParagraphs: [Int] {
        asked.source.isEmpty ? item.source : asked.source
    }

    /// The grade of the whole item: a walkthrough's is the mean of its answered steps.
    var grade: Grade {
        if walkthrough != nil {
            guard !steps.isEmpty else { return .wrong }
            return Grade(score: steps.map(\.score).reduce(0, +) / Double(steps.count))
        }
        return evaluation?.grade ?? .wrong
    }

    var isSkipped: Bool {
        if walkthrough != nil { return !steps.isEmpty && steps.allSatisfy(\.skipped) }
        return evaluation?.skipped ?? true
    }

    /// What goes in the record's `answer`: the typed text, or `step-id: answer` lines.
    var recordedAnswer: String {
        if walkthrough != nil { return steps.map { "\($0.stepID): \($0.answer)" }.joined(separator: "\n") }
        return evaluation?.recorded(for: item) ?? ""
    }

    /// The confidence kept in the record; for a walkthrough, the rounded mean of its steps'.
    var recordedConfidence: Int? {
        guard !confidences.isEmpty else { return nil }
        return Int((Double(confidences.reduce(0, +)) / Double(confidences.count)).rounded())
    }

    /// The step after the one on screen: the chosen option's `next`, else the step's own
    /// `next`, else the following step in the list; nil at the end (or for a `next` that
    /// names no step, which the linter reports).
    func followingStepID(after evaluation: Evaluation) -> String? {
        guard let walkthrough, let paths, let stepID, let position = paths.index[stepID] else { return nil }
        let step = walkthrough.steps[position]
        let chosen =
            evaluation.chosenOptions.count == 1 && step.kind == .choice
                && step.options.indices.contains(evaluation.chosenOptions[0])
            ? step.options[evaluation.chosenOptions[0]] : nil
        return WalkthroughPaths.following(position, chosen: chosen, in: walkthrough, index: paths.index)
            .map { walkthrough.steps[$0].id }
    }

    /// The `M` of "step N of M": the steps already answered plus the longest path from the
    /// step on screen. On a branch that skips steps it shrinks, so the last step always reads
    /// "step N of N".
    var stepTotal: Int {
        guard let paths, let stepID, let position = paths.index[stepID] else { return stepNumber }
        return stepNumber - 1 + paths.longest[position]
    }
}
