import Foundation
import LecternCore

/// The room's screen: a projector page joins as a watcher, not as a student.
///
/// A watcher has no seat: it is not counted, not on the board, and cannot answer. It is
/// sent what the whole room may see: the lobby, each question (which never holds its key),
/// how many have answered, a class-level `summary` at each reveal (the split, the right
/// answer, the explanation and the top of the board, with no student's own result), the
/// board, and the final podium.
extension LiveClass {
    /// Projector pages one class serves at once: enough for a few screens and the teacher's
    /// laptop, few enough that watchers cannot stand in for a flood.
    package static let maxWatchers = 16

    /// A `watch`: a wrong code closes the connection like a wrong join; a right one gets
    /// `watching`, then the class as the room sees it now.
    mutating func watch(_ client: ClientID, code typed: String, now: Date) -> [LiveEffect] {
        if let refusal = admission(client, code: typed) { return refusal }
        guard watchers.count < Self.maxWatchers else {
            let error = LiveError(.full, "This class has \(Self.maxWatchers) projector pages open already.")
            return [
                .send(client, .error(ErrorMessage(error))), .teacher(.clientError(client, name: nil, error)),
                .close(client),
            ]
        }
        watchers.append(client)
        let watching = Watching(
            version: LiveProtocol.version, deck: deck.title, count: questions.count, code: code)
        return [.send(client, .watching(watching))] + catchUpWatcher(client, now: now)
    }

    /// Everyone who sees the class's shared messages: connected students, then watchers.
    var audience: [ClientID] { connectedClients + watchers }

    /// The current phase as the room sees it, for a watcher that has just arrived or after `resume`.
    func catchUpWatcher(_ client: ClientID, now: Date) -> [LiveEffect] {
        var effects: [LiveEffect] = []
        switch stage {
        case .lobby:
            effects.append(.send(client, .lobby(lobbySnapshot)))
        case .open(let open):
            effects.append(.send(client, .question(questionMessage(open, now: now))))
            effects.append(.send(client, .progress(progressMessage(open))))
        case .revealed(let question):
            effects.append(.send(client, .summary(summary(question))))
        }
        if pausedSince != nil {
            effects.append(.send(client, .paused(Paused(question: openQuestion?.index))))
        }
        return effects
    }

    /// How many connected students have answered the open question.
    func progressMessage(_ open: OpenQuestion) -> AnswerProgress {
        let connected = seats.filter { $0.status == .connected }
        return AnswerProgress(
            question: open.index, answered: connected.filter { $0.answers[open.index] != nil }.count,
            students: connected.count)
    }

    /// The progress to the watchers, when an answer or a student's coming and going changed
    /// it since the last tick (one frame per tick, however many answers arrived).
    mutating func flushProgress() -> [LiveEffect] {
        guard progressChanged else { return [] }
        progressChanged = false
        guard !ended, let open = openQuestion, !watchers.isEmpty else { return [] }
        return [.broadcast(.progress(progressMessage(open)), to: watchers)]
    }

    /// A revealed question as the room may see it: no student's own answer or result.
    func summary(_ question: Int) -> Summary {
        let asked = questions[question]
        return Summary(
            question: question, count: questions.count, itemType: asked.kind.rawValue, answer: asked.answerText,
            explanation: asked.explanation,
            histogram: histograms[question] ?? Histogram(question: asked, entries: [], unanswered: 0),
            board: Array(leaderboard.prefix(Self.boardRows)), students: seats.filter(\.holdsName).count)
    }

    /// Forgets a watcher whose connection dropped or left; true when it was one.
    mutating func forgetWatcher(_ client: ClientID) -> Bool {
        guard let index = watchers.firstIndex(of: client) else { return false }
        watchers.remove(at: index)
        strikes[client] = nil
        return true
    }
}
