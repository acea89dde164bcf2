import Foundation
import LecternCore

/// Runs study sessions in the shell: it owns the session on screen, the decks still to come
/// when `review` spans several (each deck runs as its own session, most overdue first), and
/// the sink that keeps every answer. The shell hands it lines while a session runs.
final class SessionRunner {
    /// A session in progress, with the output of its last step.
    struct Running {
        var session: StudySession
        var upcoming: [SessionPlan]
        var last: SessionOutput
        /// Where this session's answers go (the learner is fixed for the session).
        let sink: any ResultsSink
    }

    /// What became of a line given to the runner.
    enum Step: Equatable {
        case done(Shell.Outcome)
        /// The session ended on the line before; this line is a command for the shell.
        case forShell
    }

    let printer: Printer
    let interactive: Bool
    let now: () -> Date
    private(set) var running: Running?

    init(printer: Printer, interactive: Bool, now: @escaping () -> Date) {
        self.printer = printer
        self.interactive = interactive
        self.now = now
    }

    var isActive: Bool { running != nil }
    var prompt: String? { running.map { $0.last.prompt.isEmpty ? "answer> " : $0.last.prompt } }
    var completions: [String] { running?.last.completions ?? [] }

    /// Starts the plans in order; the first runs now.
    func begin(_ plans: [SessionPlan], sink: any ResultsSink) {
        guard let first = plans.first else { return }
        var session = StudySession(plan: first)
        let output = session.start(now: now())
        running = Running(session: session, upcoming: Array(plans.dropFirst()), last: SessionOutput(), sink: sink)
        if deliver(output) == .failed { return }
        advanceIfFinished(output)
    }

    /// One line of input to the session; `position` (`stdin:3`) names it in a script's errors.
    func step(line: String, position: String?) -> Step {
        guard var current = running else { return .forShell }
        // In a script the Enter after feedback is optional: an answer typed at `next> `
        // goes on first, then answers the next question (or, once the session is over,
        // runs as a command), so an answers file needs one line per answer and nothing else.
        // `:hint` and `:skip` mean nothing after feedback, so they go on too and act on the
        // next question.
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let word = trimmed.split(separator: " ").first.map { $0.lowercased() } ?? ""
        let forNextQuestion = !trimmed.hasPrefix(":") || word == ":hint" || word == ":skip"
        if !interactive, current.last.awaitsContinue, !trimmed.isEmpty, forNextQuestion {
            let outcome = step(line: "", position: position)
            guard outcome == .done(.proceed) else { return outcome }
            return running == nil ? .forShell : step(line: line, position: position)
        }
        let output = current.session.handle(line: line, now: now())
        running = current
        if let rejection = output.rejection, !interactive {
            return .done(stopScript(rejecting: line, rejection, position: position))
        }
        return .done(deliverAndAdvance(output))
    }

    /// The end of input. A running session is closed as `:quit` would close it, so its
    /// summary is shown and nothing answered is lost.
    ///
    /// A script that ends inside a session has not answered every question: the report
    /// lists them as not reached and the status is 1, so a short answers file is noticed.
    /// Ending after the last answer's feedback (where Enter would close the session) is clean.
    func endOfInput(position: String?) -> Shell.Outcome {
        guard let current = running else { return .exit }
        var probe = current.session
        if current.last.awaitsContinue, current.upcoming.isEmpty, probe.handle(line: "", now: now()).isFinished {
            let outcome = step(line: "", position: position)
            running = nil
            return outcome == .done(.failed) ? .failed : .exit
        }
        let file = position.map { "\($0.split(separator: ":").first ?? "stdin"): " } ?? ""
        var place = ""
        if let question = current.session.currentQuestion {
            place = " at question \(question.number) of \(current.session.itemCount) (\(question.itemID))"
        }
        printer.error(
            "input ended inside the session\(place); the report counts the rest as not reached", position: file)
        close()
        return .failed
    }

    /// Ctrl-C: the question on screen is abandoned (a second Ctrl-C offers to leave).
    func interrupt() -> Shell.Outcome {
        guard var current = running else { return .proceed }
        let output = current.session.interrupt(now: now())
        running = current
        return deliverAndAdvance(output)
    }

    /// Ends the running session as `:quit` does, so its report shows and what was graded is kept.
    func close() {
        guard var current = running else { return }
        let output = current.session.handle(line: ":quit", now: now())
        running = current
        _ = deliver(output)
        running = nil
    }

    /// A script gave a line the session cannot take. Going on would feed every later line to
    /// the wrong question, so the run stops: the error names the input line and the question,
    /// the session closes with its report (nothing after the line is graded), status 1.
    private func stopScript(rejecting line: String, _ rejection: SessionOutput.Rejection, position: String?)
        -> Shell.Outcome
    {
        let step = rejection.stepID.map { ", step \($0)" } ?? ""
        var reason = rejection.message
        if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
        printer.error(
            "question \(rejection.question) (\(rejection.itemID)\(step)): got '\(TerminalText.safeLine(line))': "
                + reason, position: position.map { "\($0): " } ?? "")
        close()
        return .failed
    }

    private func deliverAndAdvance(_ output: SessionOutput) -> Shell.Outcome {
        if deliver(output) == .failed { return .failed }
        advanceIfFinished(output)
        return .proceed
    }

    /// Hands the step's answers to the sink, then prints its lines: an answer is saved
    /// before anything after it is shown. A sink that fails ends the session.
    private func deliver(_ output: SessionOutput) -> Shell.Outcome {
        guard var current = running else { return .proceed }
        for record in output.records {
            do {
                try current.sink.record(record)
            } catch {
                running = nil
                printer.error(
                    "could not save the answer to '\(record.itemID)': \(error); the session is stopped so nothing more is lost"
                )
                return .failed
            }
        }
        for line in output.lines { printer.show(line) }
        current.last = output
        running = current
        return .proceed
    }

    /// Moves to the next deck of a review, or back to the home prompt.
    private func advanceIfFinished(_ output: SessionOutput) {
        var output = output
        while output.isFinished {
            guard var current = running, !current.upcoming.isEmpty else {
                running = nil
                return
            }
            current.session = StudySession(plan: current.upcoming.removeFirst())
            output = current.session.start(now: now())
            running = current
            if deliver(output) == .failed { return }
        }
    }
}
