package import Foundation

/// The path of one item: shown, answered, confirmed, revealed, recorded.
extension StudySession {
    /// Shows the next item of the queue, or the closing report when there is none.
    mutating func showNextItem(now: Date) -> [StyledLine] {
        guard shownCount < items.count else { return finish(now: now) }
        let item = items[shownCount]
        shownCount += 1
        var attempt = Attempt(item: item, shownAt: now, layout: .none)
        var lines = [StyledLine(questionHeading(number: shownCount, now: now), .heading)]
        for description in plan.deck.introduction(to: item.id) {
            lines += QuestionRenderer.paragraphLines(description.prompt, .dim)
        }
        if let walkthrough = attempt.walkthrough {
            lines += QuestionRenderer.paragraphLines(walkthrough.scenario, .plain)
            if !item.prompt.isEmpty { lines += QuestionRenderer.paragraphLines(item.prompt, .plain) }
            attempt.stepID = walkthrough.steps.first?.id
            attempt.paths = WalkthroughPaths(walkthrough)
        }
        attempt.layout = layout(for: attempt)
        self.attempt = attempt
        phase = .answering
        if attempt.walkthrough != nil, attempt.stepID == nil {
            // A walkthrough without steps cannot be asked; the linter reports it.
            self.attempt = nil
            return lines + [StyledLine("This walkthrough has no steps; skipped.", .dim)] + showNextItem(now: now)
        }
        return lines + askedLines()
    }

    /// The question or step on screen, with `step N of M` for walkthroughs, where M is the
    /// steps done plus the longest path from the step on screen (`Attempt.stepTotal`).
    func askedLines() -> [StyledLine] {
        guard let attempt else { return [] }
        var lines: [StyledLine] = []
        if attempt.walkthrough != nil, attempt.stepID != nil {
            lines.append(StyledLine("step \(attempt.stepNumber) of \(attempt.stepTotal)", .heading))
        }
        return lines + QuestionRenderer.lines(for: attempt.asked, layout: attempt.layout)
    }

    func layout(for attempt: Attempt) -> ItemLayout {
        let key = attempt.stepID.map { "\(attempt.item.id)/\($0)" } ?? attempt.item.id
        return ItemLayout.make(for: attempt.asked, key: key, seed: plan.seed, shuffleOptions: plan.shuffleOptions)
    }

    private func questionHeading(number: Int, now: Date) -> String {
        var heading = "Question \(number) of \(items.count)"
        if plan.mode == .exam, let limit = plan.exam.timeLimit {
            let left = max(0, limit - now.timeIntervalSince(plan.startTime))
            heading += " · \(SessionReport.duration(left)) left"
        }
        return heading
    }

    // MARK: - Answering

    /// A bare line at `answer> `, `tick> ` or `confidence 1-4> `.
    mutating func answer(_ text: String, now: Date) -> SessionOutput {
        guard var attempt else { return output() }
        switch phase {
        case .ticking: return tick(text, now: now)
        case .confidence: return confide(text, now: now)
        default: break
        }
        guard !text.isEmpty else { return reject("Type an answer, or :skip (:help lists the commands).") }
        let (text, givenConfidence) = ConfidenceSuffix.split(text)
        if case .open = attempt.asked.body {
            attempt.openLines.append(text)
            self.attempt = attempt
            // A script gives an open answer on one line; the next line ticks the rubric.
            if plan.scripted { return finishOpenAnswer(now: now) }
            phase = .writing
            return output()
        }
        switch ItemEvaluator.evaluate(text, item: attempt.asked, layout: attempt.layout) {
        case .failure(let malformed):
            return reject(malformed.message)
        case .success(let evaluation):
            attempt.evaluation = evaluation
            attempt.answeredAt = now
            self.attempt = attempt
            return afterAnswer(now: now, givenConfidence: givenConfidence)
        }
    }

    /// The empty line that ends an open answer.
    mutating func finishOpenAnswer(now: Date) -> SessionOutput {
        guard var attempt else { return output() }
        attempt.evaluation = Evaluation(grade: .wrong, answer: attempt.openLines.joined(separator: "\n"))
        attempt.answeredAt = now
        self.attempt = attempt
        return afterAnswer(now: now)
    }

    /// Asks for confidence when the item wants it and the answer's line did not give it
    /// (a script never gets asked: a line without it records none), else reveals.
    private mutating func afterAnswer(now: Date, givenConfidence: Int? = nil) -> SessionOutput {
        guard let attempt else { return output() }
        if attempt.asked.confidence, let givenConfidence {
            self.attempt?.confidences.append(givenConfidence)
            return revealOrTick(now: now)
        }
        if attempt.asked.confidence, !plan.scripted {
            phase = .confidence
            return output([StyledLine("How sure are you? 1 a guess · 2 unsure · 3 fairly sure · 4 certain", .dim)])
        }
        return revealOrTick(now: now)
    }

    private mutating func confide(_ text: String, now: Date) -> SessionOutput {
        guard let level = Int(text), (1...4).contains(level) else {
            return reject("Type 1 (a guess), 2, 3 or 4 (certain).")
        }
        attempt?.confidences.append(level)
        return revealOrTick(now: now)
    }

    /// Open answers go on to the model answer and rubric; others are revealed.
    private mutating func revealOrTick(now: Date) -> SessionOutput {
        guard let attempt else { return output() }
        guard case .open(let key) = attempt.asked.body, attempt.evaluation?.skipped == false else {
            return reveal(now: now)
        }
        phase = .ticking
        var lines = [StyledLine("Model answer:", .heading)]
        lines += QuestionRenderer.paragraphLines(key.model, .plain)
        lines.append(StyledLine("Rubric:", .heading))
        lines += key.rubric.enumerated().map { StyledLine("  \($0.offset + 1). \($0.element)") }
        lines.append(StyledLine("Tick the points your answer covered, e.g. \"1 3\", \"all\" or \"none\".", .dim))
        return output(lines)
    }

    private mutating func tick(_ text: String, now: Date) -> SessionOutput {
        guard var attempt, case .open(let key) = attempt.asked.body else { return output() }
        switch ItemEvaluator.evaluateTicks(text, written: attempt.evaluation?.answer ?? "", key: key) {
        case .failure(let malformed):
            return reject(malformed.message)
        case .success(let evaluation):
            attempt.evaluation = evaluation
            self.attempt = attempt
            return reveal(now: now)
        }
    }

    /// `:skip`: the question counts as wrong and skipped; feedback still shows the answer.
    mutating func skip(now: Date) -> SessionOutput {
        guard var attempt else { return output() }
        attempt.evaluation = .skip()
        attempt.answeredAt = now
        self.attempt = attempt
        return reveal(now: now)
    }

    // MARK: - Revealing and moving on

    /// Grades what was typed into the attempt; shows feedback, or in exams moves straight on.
    private mutating func reveal(now: Date) -> SessionOutput {
        guard var attempt, let evaluation = attempt.evaluation else { return output() }
        if attempt.walkthrough != nil, let stepID = attempt.stepID {
            attempt.steps.append(
                Attempt.StepOutcome(
                    stepID: stepID, answer: evaluation.recorded(for: attempt.asked), score: evaluation.grade.score,
                    skipped: evaluation.skipped))
            attempt.nextStepID = attempt.followingStepID(after: evaluation)
        }
        self.attempt = attempt
        if plan.mode == .exam { return goOn(now: now) }
        phase = .reviewing
        // The item is fully answered (a walkthrough at its last step): save it now, with
        // the feedback, rather than when the learner presses Enter.
        guard attempt.walkthrough == nil || attempt.nextStepID == nil else { return output(feedbackLines()) }
        let record = makeRecord(now: now)
        self.attempt?.record = record
        return output(feedbackLines(), records: [record])
    }

    /// Enter at `next> `: the next step of a walkthrough, or the record and the next item.
    mutating func goOn(now: Date) -> SessionOutput {
        guard var attempt else {
            let lines = showNextItem(now: now)
            return output(lines)
        }
        if attempt.walkthrough != nil, let next = attempt.nextStepID {
            attempt.stepID = next
            attempt.stepNumber += 1
            attempt.hintsShown = 0
            attempt.evaluation = nil
            attempt.nextStepID = nil
            attempt.openLines = []
            attempt.layout = layout(for: attempt)
            self.attempt = attempt
            phase = .answering
            return output(askedLines())
        }
        let record = completeAttempt(now: now)
        let lines = showNextItem(now: now)
        return output(lines, records: record.map { [$0] } ?? [])
    }

    /// The record of the attempt as it stands: grade, rating (with any override), timing.
    func makeRecord(now: Date) -> AnswerRecord {
        guard let attempt else { preconditionFailure("no attempt to record") }
        let grade = attempt.grade
        let answeredAt = attempt.answeredAt ?? now
        return AnswerRecord(
            deckID: plan.deck.id, itemID: attempt.item.id, mode: plan.mode, answeredAt: answeredAt,
            answer: attempt.recordedAnswer, score: grade.score,
            rating: RatingRule.rating(for: grade, hintsUsed: attempt.totalHints, override: attempt.override),
            hintsUsed: attempt.totalHints, confidence: attempt.recordedConfidence,
            duration: answeredAt.timeIntervalSince(attempt.shownAt), skipped: attempt.isSkipped)
    }

    /// Closes the attempt: its line in the report, and its record unless it was already
    /// handed out with the feedback.
    mutating func completeAttempt(now: Date) -> AnswerRecord? {
        guard let attempt else { preconditionFailure("no attempt to complete") }
        let record = makeRecord(now: now)
        results.append(
            ItemResult(
                item: attempt.item, grade: attempt.grade, skipped: record.skipped, timedOut: false,
                answer: record.answer,
                key: QuestionRenderer.answerText(
                    for: attempt.item, layout: attempt.walkthrough == nil ? attempt.layout : .none)))
        self.attempt = nil
        return attempt.record == nil ? record : nil
    }

    // MARK: - Ending

    /// `:quit`: keeps what was answered (a graded answer awaiting Enter, a walkthrough's
    /// answered steps) and shows the report. The question on screen is not recorded.
    mutating func quit(now: Date) -> SessionOutput {
        var records: [AnswerRecord] = []
        if let attempt, phase == .reviewing || !attempt.steps.isEmpty, let record = completeAttempt(now: now) {
            records.append(record)
        }
        // Still set only when the question on screen had no answer: the report lists it.
        let unanswered = attempt?.item
        attempt = nil
        let lines = finish(now: now, unanswered: unanswered)
        return output(lines, records: records)
    }

    /// The closing report. Every question of the session appears in it: answered ones with
    /// their result, the one on screen and those never shown as not reached.
    mutating func finish(now: Date, unanswered: Item? = nil) -> [StyledLine] {
        phase = .finished
        let elapsed = now.timeIntervalSince(plan.startTime)
        let notReached = (unanswered.map { [$0] } ?? []) + items[min(shownCount, items.count)...]
        if plan.mode == .exam {
            return SessionReport.examReport(
                results, notReached: Array(notReached), abandoned: abandonedCount, elapsed: elapsed)
        }
        return SessionReport.summary(
            results, notReached: notReached.count, abandoned: abandonedCount, elapsed: elapsed)
    }

    /// In a timed exam past its limit: the item on screen and every one not yet shown are
    /// recorded as skipped with score 0, and the report closes the session; nil while time
    /// is left (or outside timed exams).
    ///
    /// Every call into the session checks this first, so a line typed after the limit is
    /// not graded. A shell that wants the report to appear the moment time runs out, without
    /// waiting for a line, may call this from a timer.
    package mutating func expireIfOutOfTime(now: Date) -> SessionOutput? {
        guard plan.mode == .exam, let limit = plan.exam.timeLimit, phase != .finished, phase != .notStarted,
            now.timeIntervalSince(plan.startTime) >= limit
        else { return nil }
        var records: [AnswerRecord] = []
        if let attempt {
            records.append(timedOut(attempt.item, shownAt: attempt.shownAt, now: now))
            self.attempt = nil
        }
        while shownCount < items.count {
            records.append(timedOut(items[shownCount], shownAt: now, now: now))
            shownCount += 1
        }
        let lines = [StyledLine("Time is up: unanswered questions count as wrong.", .bad)] + finish(now: now)
        return output(lines, records: records)
    }

    private mutating func timedOut(_ item: Item, shownAt: Date, now: Date) -> AnswerRecord {
        results.append(ItemResult(item: item, grade: .wrong, skipped: true, timedOut: true, answer: "", key: nil))
        return AnswerRecord(
            deckID: plan.deck.id, itemID: item.id, mode: plan.mode, answeredAt: now, answer: "", score: 0,
            rating: .again, duration: now.timeIntervalSince(shownAt), skipped: true)
    }

    mutating func confirmLeave(_ text: String, now: Date) -> SessionOutput {
        switch text.lowercased() {
        case "y", "yes", "是", ":quit":
            return quit(now: now)
        case "n", "no", "否":
            phase = resumePhase
            return output([StyledLine("Carrying on.", .dim)])
        default:
            return reject("Answer y or n.")
        }
    }
}
