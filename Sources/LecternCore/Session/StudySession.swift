import Foundation

/// A study session as a pure state machine: lines in, styled lines and answer records out.
///
/// The shell calls `start(now:)` once, then `handle(line:now:)` for each line read with
/// the returned prompt, and `interrupt(now:)` on Ctrl-C (after clearing any half-typed
/// line itself; Ctrl-D should be passed as the line `:quit`). The session never prints,
/// never reads the clock and never touches storage: time comes in as `now`, and graded
/// answers leave as `SessionOutput.records`, which the shell must hand to its sink before
/// printing the output's lines.
///
/// When records are emitted: outside exams an answer is followed by feedback and a
/// `next> ` prompt, where `:easy`/`:hard` may still change the rating; the record is
/// emitted with the final rating when the learner goes on (Enter, Ctrl-C or `:quit`),
/// in the same output that shows the next question — so it is saved before that question
/// appears. In exams there is no feedback step and the record is emitted at once.
/// A walkthrough yields one record, when its last step is done.
///
/// Ctrl-C: the first abandons the question on screen (nothing is recorded for it, not
/// even the steps of a walkthrough already answered) and shows the next one; a second
/// Ctrl-C right after, at the fresh answer prompt, asks `leave the session? (y/n)`.
/// At the `next> ` prompt Ctrl-C goes on as Enter does, since that answer is already graded.
///
/// Exams show no feedback and no hints, sources or explanations until the report; an
/// `open` item still shows its model answer and rubric for ticking, since the learner's
/// ticks are its grade.
package struct StudySession: Sendable {
    enum Phase: Sendable, Equatable {
        case notStarted
        /// Waiting for the answer line (the first line of an open answer too).
        case answering
        /// More lines of an open answer, until an empty one.
        case writing
        /// Ticking rubric points of an open answer.
        case ticking
        case confidence
        /// Feedback shown; `next> ` waits.
        case reviewing
        case confirmingLeave
        case finished
    }

    package let plan: SessionPlan
    let items: [Item]
    var phase: Phase = .notStarted
    /// Where `confirmingLeave` returns on `n`.
    var resumePhase: Phase = .answering
    /// How many items of `items` have been shown.
    var shownCount = 0
    var attempt: Attempt?
    var results: [ItemResult] = []
    /// Questions left with Ctrl-C: not recorded, but the report says how many.
    var abandonedCount = 0
    /// The last event was a Ctrl-C and no line came since.
    var interruptedLast = false

    package init(plan: SessionPlan) {
        self.plan = plan
        self.items = plan.items
    }

    package var isFinished: Bool { phase == .finished }

    /// The number of items the session will ask.
    package var itemCount: Int { items.count }

    /// The question on screen: its number ("Question 3 of 5") and item id.
    package var currentQuestion: (number: Int, itemID: String)? {
        attempt.map { (shownCount, $0.item.id) }
    }

    /// Opens the session: a heading and the first question.
    package mutating func start(now: Date) -> SessionOutput {
        guard phase == .notStarted else { return output() }
        var lines = [StyledLine("\(modeTitle): \(plan.deck.title)", .heading)]
        lines.append(StyledLine(introduction, .dim))
        phase = .answering
        if let expired = expireIfOutOfTime(now: now) { return expired }
        lines += showNextItem(now: now)
        return output(lines)
    }

    /// Takes one line typed at the last prompt.
    package mutating func handle(line: String, now: Date) -> SessionOutput {
        interruptedLast = false
        if phase == .notStarted { return start(now: now) }
        if phase == .finished { return output() }
        if let expired = expireIfOutOfTime(now: now) { return expired }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        switch phase {
        case .confirmingLeave:
            return confirmLeave(trimmed, now: now)
        case .reviewing:
            return trimmed.isEmpty ? goOn(now: now) : reviewCommand(trimmed, now: now)
        case .writing:
            if trimmed.hasPrefix(":") { return questionCommand(trimmed, now: now) }
            if trimmed.isEmpty { return finishOpenAnswer(now: now) }
            attempt?.openLines.append(line.trimmingCharacters(in: .newlines))
            return output()
        default:
            if trimmed.hasPrefix(":") { return questionCommand(trimmed, now: now) }
            return answer(trimmed, now: now)
        }
    }

    /// Ctrl-C: abandons the question on screen; a second one right after asks to leave.
    package mutating func interrupt(now: Date) -> SessionOutput {
        if phase == .notStarted { return start(now: now) }
        if phase == .finished { return output() }
        if let expired = expireIfOutOfTime(now: now) { return expired }
        let repeated = interruptedLast
        interruptedLast = true
        switch phase {
        case .confirmingLeave:
            return quit(now: now)
        case .reviewing:
            return goOn(now: now)
        case .answering where repeated && (attempt?.openLines.isEmpty ?? true):
            resumePhase = phase
            phase = .confirmingLeave
            return output()
        default:
            attempt = nil
            abandonedCount += 1
            var lines = [StyledLine("Question abandoned; nothing recorded.", .dim)]
            lines += showNextItem(now: now)
            return output(lines)
        }
    }

    // MARK: - Output

    var prompt: String {
        switch phase {
        case .notStarted, .finished: ""
        case .answering: "answer> "
        case .writing: "…> "
        case .ticking: "tick> "
        case .confidence: "confidence 1-4> "
        case .reviewing: "next> "
        case .confirmingLeave: "leave the session? (y/n) "
        }
    }

    var completions: [String] {
        let exam = plan.mode == .exam
        switch phase {
        case .notStarted, .finished: return []
        case .answering, .writing:
            let commands = exam ? [":skip", ":quit", ":help"] : [":hint", ":skip", ":source", ":quit", ":help"]
            let letters =
                phase == .answering ? attempt.map { QuestionRenderer.completionLetters(for: $0.asked) } ?? [] : []
            return letters + commands
        case .ticking: return ["all", "none", ":quit", ":help"]
        case .confidence: return ["1", "2", "3", "4", ":quit", ":help"]
        case .reviewing: return [":explain", ":source", ":easy", ":hard", ":quit", ":help"]
        case .confirmingLeave: return ["y", "n"]
        }
    }

    /// Call it only after the state changes of the step are done: it reads the phase.
    func output(_ lines: [StyledLine] = [], records: [AnswerRecord] = []) -> SessionOutput {
        SessionOutput(
            lines: lines, prompt: prompt, completions: completions, records: records, isFinished: isFinished,
            awaitsContinue: phase == .reviewing)
    }

    /// Refuses the line just typed: the message is shown and the same question waits, and
    /// the output says which question the line was meant for, so a script can stop there.
    func reject(_ message: String) -> SessionOutput {
        var out = output([StyledLine(message, .bad)])
        out.rejection = SessionOutput.Rejection(
            message: message, question: shownCount, itemID: attempt?.item.id ?? "", stepID: attempt?.stepID)
        return out
    }

    private var modeTitle: String {
        switch plan.mode {
        case .study: "Study"
        case .review: "Review"
        case .drill: "Drill"
        case .exam: "Exam"
        case .class: "Class"
        }
    }

    private var introduction: String {
        let count = items.count == 1 ? "1 question" : "\(items.count) questions"
        guard plan.mode == .exam else { return "\(count) · :help lists the commands" }
        let limit = plan.exam.timeLimit.map { " · \(SessionReport.duration($0))" } ?? ""
        return "\(count)\(limit) · results at the end"
    }
}
