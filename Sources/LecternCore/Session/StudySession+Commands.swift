import Foundation

/// The colon commands, and the feedback they can bring back.
extension StudySession {
    /// A command typed while a question waits for its answer.
    mutating func questionCommand(_ text: String, now: Date) -> SessionOutput {
        let exam = plan.mode == .exam
        let answering = phase == .answering || phase == .writing
        switch commandWord(text) {
        case ":hint":
            if exam { return note("No hints in an exam.") }
            guard answering else { return note("Hints are for the question itself.") }
            return hint()
        case ":skip":
            guard answering else {
                return note(
                    phase == .ticking
                        ? "Tick the points you covered, or \"none\"." : "Give your confidence first: 1 to 4.")
            }
            return skip(now: now)
        case ":source":
            if exam { return note("No sources in an exam.") }
            return output(sourceLines(full: true))
        case ":explain":
            return note(exam ? "No explanations until the exam is over." : "The explanation comes after you answer.")
        case ":easy", ":hard":
            return note(exam ? "Exam answers are not rated." : "Answer first; then :easy or :hard rates your answer.")
        case ":quit":
            return quit(now: now)
        case ":help":
            return output(helpLines())
        default:
            return reject("Unknown command \(commandWord(text)): :help lists the commands.")
        }
    }

    /// A line typed at `next> `, after the feedback.
    mutating func reviewCommand(_ text: String, now: Date) -> SessionOutput {
        switch commandWord(text) {
        case ":explain":
            return output(explanationLines())
        case ":source":
            return output(sourceLines(full: true))
        case ":easy", ":hard":
            guard var attempt else { return output() }
            let rating: Rating = commandWord(text) == ":easy" ? .easy : .hard
            if let refusal = RatingRule.overrideRefusal(rating, for: attempt.grade) { return note(refusal) }
            attempt.override = rating
            self.attempt = attempt
            let scope = attempt.walkthrough == nil ? "" : " (for the whole walkthrough)"
            var change = makeRecord(now: now)
            change.changesRating = true
            self.attempt?.record = change
            var out = note("Rated \(rating.name)\(scope).")
            out.records = [change]
            return out
        case ":hint", ":skip":
            return note("Already answered: Enter goes on.")
        case ":quit":
            return quit(now: now)
        case ":help":
            return output(helpLines())
        case let word where word.hasPrefix(":"):
            return reject("Unknown command \(word): :help lists the commands.")
        default:
            return note("Press Enter to go on (or :easy, :hard, :explain, :source).")
        }
    }

    /// The next rung of the hint ladder for the question on screen.
    private mutating func hint() -> SessionOutput {
        guard var attempt else { return output() }
        let hints = attempt.asked.hints
        guard !hints.isEmpty else { return note("This question has no hints.") }
        guard attempt.hintsShown < hints.count else { return note("No hints left.") }
        let text = hints[attempt.hintsShown]
        attempt.hintsShown += 1
        attempt.totalHints += 1
        self.attempt = attempt
        return output([StyledLine("Hint \(attempt.hintsShown) of \(hints.count): \(text)", .hint)])
    }

    /// What follows an answer outside exams: verdict, mistakes, key, explanation, sources.
    func feedbackLines() -> [StyledLine] {
        guard let attempt, let evaluation = attempt.evaluation else { return [] }
        let asked = attempt.asked
        var lines = [FeedbackRenderer.verdict(evaluation, hintsUsed: attempt.hintsShown)]
        lines += FeedbackRenderer.mistakes(evaluation, item: asked, layout: attempt.layout)
        if evaluation.grade.outcome != .right, let key = QuestionRenderer.answerText(for: asked, layout: attempt.layout)
        {
            lines.append(StyledLine("Answer: \(key)"))
        }
        if case .open(let key) = asked.body, evaluation.skipped {
            lines.append(StyledLine("Model answer:", .heading))
            lines += QuestionRenderer.paragraphLines(key.model, .plain)
        }
        lines += explanationLines(sayWhenMissing: false)
        lines += sourceLines(full: false)
        if attempt.walkthrough != nil, attempt.nextStepID != nil {
            lines.append(StyledLine("Enter for the next step.", .dim))
            return lines
        }
        if attempt.walkthrough != nil {
            let count = attempt.steps.count
            lines.append(
                StyledLine(
                    "Walkthrough: \(attempt.grade.percentText) over \(count) step\(count == 1 ? "" : "s").", .heading))
        }
        lines.append(StyledLine("Enter to go on; :easy or :hard to rate it yourself.", .dim))
        return lines
    }

    /// The explanation of the question on screen; at a walkthrough's end, its own too.
    func explanationLines(sayWhenMissing: Bool = true) -> [StyledLine] {
        guard let attempt else { return [] }
        var texts = [attempt.asked.explain].compactMap { $0 }
        if attempt.walkthrough != nil, attempt.evaluation != nil, attempt.nextStepID == nil,
            let own = attempt.item.explain
        {
            texts.append(own)
        }
        guard !texts.isEmpty else {
            return sayWhenMissing ? [StyledLine("No explanation for this question.", .dim)] : []
        }
        return texts.flatMap { QuestionRenderer.paragraphLines($0, .plain) }
    }

    /// The cited paragraphs: summaries, or the full text the shell passed when `full`.
    func sourceLines(full: Bool) -> [StyledLine] {
        guard let attempt else { return [] }
        let cited = attempt.citedParagraphs
        guard !cited.isEmpty else { return full ? [StyledLine("This question cites no paragraph.", .dim)] : [] }
        return FeedbackRenderer.sourceLines(cited, deck: plan.deck, full: full ? plan.paragraphs : [:])
    }

    func helpLines() -> [StyledLine] {
        var entries: [(String, String)]
        switch phase {
        case .reviewing:
            entries = [
                ("Enter", "go on"), (":explain", "the explanation again"), (":source", "the cited paragraphs"),
                (":easy", "rate it easy (right answers)"), (":hard", "rate it hard (right or partly right answers)"),
            ]
        case .ticking:
            entries = [("1 3", "tick rubric points 1 and 3"), ("all / none", "tick every point or none")]
        case .confidence:
            entries = [("1 … 4", "a guess … certain")]
        default:
            entries =
                plan.mode == .exam
                ? []
                : [
                    (":hint", "the next hint (each one lowers the rating)"), (":source", "the cited paragraphs"),
                ]
            entries.append((":skip", "skip this question (counts as wrong)"))
        }
        entries.append((":quit", "end the session and see the summary"))
        let width = entries.map(\.0.count).max() ?? 0
        return [StyledLine("Commands", .heading)]
            + entries.map { name, meaning in
                StyledLine("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(meaning)")
            }
    }

    private func commandWord(_ text: String) -> String {
        String(text.split(separator: " ").first ?? "").lowercased()
    }

    private func note(_ text: String) -> SessionOutput {
        output([StyledLine(text, .dim)])
    }
}
