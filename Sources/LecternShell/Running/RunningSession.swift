import Foundation
import LecternCore

/// A study session in progress in the shell, with the decks still to come when `review`
/// spans several decks (each deck runs as its own session, most overdue deck first).
struct RunningSession {
    var session: StudySession
    var upcoming: [SessionPlan]
    var last: SessionOutput
    /// Where this session's answers go (the learner is fixed for the session).
    let sink: ResultsSink

    var prompt: String { last.prompt.isEmpty ? "answer> " : last.prompt }
    var completions: [String] { last.completions }
}

extension Shell {
    /// Starts the plans in order; the first runs now.
    func begin(_ plans: [SessionPlan]) throws(ShellError) {
        guard let first = plans.first else { return }
        var running = RunningSession(
            session: StudySession(plan: first), upcoming: Array(plans.dropFirst()), last: SessionOutput(),
            sink: try makeSink())
        let output = running.session.start(now: now())
        session = running
        if deliver(output) == .failed { return }
        advanceIfFinished(output)
    }

    func sessionStep(line: String) -> Outcome {
        guard var running = session else { return .proceed }
        // In a script the Enter after feedback is optional: an answer typed at `next> `
        // goes on first, then answers the next question (or, once the session is over,
        // runs as a command), so an answers file needs one line per answer and nothing else.
        // `:hint` and `:skip` mean nothing after feedback, so they go on too and act on the
        // next question.
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let word = trimmed.split(separator: " ").first.map { $0.lowercased() } ?? ""
        let forNextQuestion = !trimmed.hasPrefix(":") || word == ":hint" || word == ":skip"
        if !configuration.interactive, running.last.awaitsContinue, !trimmed.isEmpty, forNextQuestion {
            let outcome = sessionStep(line: "")
            guard outcome == .proceed else { return outcome }
            return session == nil ? handle(line: line) : sessionStep(line: line)
        }
        let output = running.session.handle(line: line, now: now())
        session = running
        if let rejection = output.rejection, !configuration.interactive {
            return stopScript(rejecting: line, rejection)
        }
        return deliverAndAdvance(output)
    }

    /// A script gave a line the session cannot take. Going on would feed every later line to
    /// the wrong question, so the run stops: the error names the input line and the question,
    /// the session closes with its report (nothing after the line is graded), status 1.
    private func stopScript(rejecting line: String, _ rejection: SessionOutput.Rejection) -> Outcome {
        let position = inputPosition.map { "\($0): " } ?? ""
        let step = rejection.stepID.map { ", step \($0)" } ?? ""
        var reason = rejection.message
        if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
        output.writeError(
            position + styler.apply(.bad, "error:")
                + " question \(rejection.question) (\(rejection.itemID)\(step)): got '\(TerminalText.safeLine(line))': "
                + TerminalText.safe(reason) + "\n")
        closeSession()
        return .failed
    }

    /// Ends the running session as `:quit` does, so its report shows and what was graded is kept.
    func closeSession() {
        guard var running = session else { return }
        let output = running.session.handle(line: ":quit", now: now())
        session = running
        _ = deliver(output)
        session = nil
    }

    func sessionInterrupt() -> Outcome {
        guard var running = session else { return .proceed }
        let output = running.session.interrupt(now: now())
        session = running
        return deliverAndAdvance(output)
    }

    private func deliverAndAdvance(_ output: SessionOutput) -> Outcome {
        if deliver(output) == .failed { return .failed }
        advanceIfFinished(output)
        return .proceed
    }

    /// Hands the step's answers to the sink, then prints its lines: an answer is saved
    /// before anything after it is shown. A sink that fails ends the session.
    private func deliver(_ output: SessionOutput) -> Outcome {
        guard var running = session else { return .proceed }
        for record in output.records {
            do {
                try running.sink.record(record)
            } catch {
                session = nil
                return fail(
                    ShellError(
                        "could not save the answer to '\(record.itemID)': \(error); the session is stopped so nothing more is lost"
                    ))
            }
        }
        for line in output.lines { show(line) }
        running.last = output
        session = running
        return .proceed
    }

    /// Moves to the next deck of a review, or back to the home prompt.
    private func advanceIfFinished(_ output: SessionOutput) {
        var output = output
        while output.isFinished {
            guard var running = session, !running.upcoming.isEmpty else {
                session = nil
                return
            }
            running.session = StudySession(plan: running.upcoming.removeFirst())
            output = running.session.start(now: now())
            session = running
            if deliver(output) == .failed { return }
        }
    }

    private func show(_ line: StyledLine) {
        let leading = String(line.text.prefix { $0 == " " })
        let body = String(line.text.dropFirst(leading.count))
        let style: Style
        switch line.style {
        case .plain: style = .plain
        case .heading: style = .heading
        case .prompt: style = .bold
        case .good: style = .good
        case .bad: style = .bad
        case .partial: style = .partial
        case .hint: style = .accent
        case .dim, .source: style = .dim
        }
        if body.isEmpty {
            output.write("\n")
        } else {
            say(body, style: style, indent: leading)
        }
    }
}
