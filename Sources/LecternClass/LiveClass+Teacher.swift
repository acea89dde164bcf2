import Foundation
import LecternCore

extension LiveClass {
    /// A teacher's command. One that does not apply now (`reveal` after an automatic
    /// reveal, `next` after the last question) is refused with a sentence and changes nothing.
    mutating func teacher(_ command: TeacherCommand, now: Date) -> [LiveEffect] {
        if ended, command != .board { return refused("The class is over.") }
        switch command {
        case .start:
            guard case .lobby = stage else { return refused("The class has started already.") }
            guard pausedSince == nil else { return refused("The class is paused: type resume first.") }
            guard !questions.isEmpty else { return refused("This deck has no question to ask.") }
            return open(0, now: now)
        case .next:
            guard pausedSince == nil else { return refused("The class is paused: type resume first.") }
            switch stage {
            case .lobby: return refused("The class has not started: type start.")
            case .open(let open): return refused("Question \(open.index + 1) is still open: reveal it first.")
            case .revealed(let index):
                guard index + 1 < questions.count else {
                    return refused("That was the last question: type board or end.")
                }
                return open(index + 1, now: now)
            }
        case .reveal:
            guard pausedSince == nil else { return refused("The class is paused: type resume first.") }
            switch stage {
            case .lobby: return refused("No question is open yet: type start.")
            case .revealed(let index): return refused("Question \(index + 1) is revealed already.")
            case .open: return reveal(automatic: false, now: now)
            }
        case .pause:
            guard pausedSince == nil else { return refused("The class is paused already.") }
            pausedSince = now
            return [
                .broadcast(.paused(Paused(question: openQuestion?.index)), to: audience), .teacher(.paused),
            ]
        case .resume:
            guard let since = pausedSince else { return refused("The class is not paused.") }
            pausedSince = nil
            if case .open(var open) = stage {
                open.deadline += now.timeIntervalSince(since)
                stage = .open(open)
            }
            var effects: [LiveEffect] = [.teacher(.resumed)]
            let ranks = rankBySeat
            for index in seats.indices where seats[index].status == .connected {
                effects += catchUp(index, now: now, ranks: ranks)
            }
            for watcher in watchers { effects += catchUpWatcher(watcher, now: now) }
            lobbyChanged = false
            return effects
        case .board:
            guard revealedCount > 0 || ended else { return refused("No question has been revealed yet.") }
            return [.broadcast(.board(board()), to: audience), .teacher(.board(leaderboard))]
        case .kick(let name):
            return kick(name, now: now)
        case .end:
            // Ending while paused or with a question open still reveals it, so answers given count.
            var effects: [LiveEffect] = []
            pausedSince = nil
            if case .open = stage { effects += reveal(automatic: false, now: now) }
            ended = true
            let ranks = rankBySeat
            let top = Array(leaderboard.prefix(Self.boardRows))
            let students = ranks.count
            for index in seats.indices where seats[index].status == .connected {
                guard let client = seats[index].client else { continue }
                let end = End(board: top, rank: ranks[index], points: seats[index].points, students: students)
                effects += [.send(client, .end(end)), .close(client)]
                seatOfClient[client] = nil
                seats[index].client = nil
                seats[index].status = .disconnected
            }
            // The room's screen gets the podium without a place of its own.
            for watcher in watchers {
                effects += [
                    .send(watcher, .end(End(board: top, rank: nil, points: 0, students: students))), .close(watcher),
                ]
            }
            watchers = []
            return effects + [.teacher(.ended(leaderboard))]
        }
    }

    /// The clock: the lobby goes out if it changed, and a question whose time is up is revealed.
    mutating func tick(now: Date) -> [LiveEffect] {
        let lobby = flushLobby() + flushProgress()
        guard !ended, pausedSince == nil, let open = openQuestion, now >= open.deadline else { return lobby }
        return lobby + reveal(automatic: true, now: now)
    }

    private func refused(_ sentence: String) -> [LiveEffect] {
        [.teacher(.refused(sentence))]
    }

    private mutating func open(_ index: Int, now: Date) -> [LiveEffect] {
        let open = OpenQuestion(index: index, openedAt: now, deadline: now.addingTimeInterval(configuration.timeLimit))
        stage = .open(open)
        let connected = seats.filter { $0.status == .connected }.count
        progressChanged = false
        let progress: [LiveEffect] =
            watchers.isEmpty ? [] : [.broadcast(.progress(progressMessage(open)), to: watchers)]
        return [
            .broadcast(.question(questionMessage(open, now: now)), to: audience)
        ] + progress + [
            .teacher(.opened(question: index, count: questions.count)),
            .teacher(.progress(answered: 0, of: connected, secondsLeft: secondsLeft(open, now: now))),
        ]
    }

    /// Removes a student: the connection is closed, the seat leaves the board, and its
    /// token can no longer join. Answers already stored stay stored.
    private mutating func kick(_ typed: String, now: Date) -> [LiveEffect] {
        let folded = SeatName.folded(typed.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        guard
            let index = seats.indices.first(where: { seats[$0].holdsName && SeatName.folded(seats[$0].name) == folded })
        else {
            let hint = Suggestion.closest(to: typed, among: names).map { " Did you mean \($0)?" } ?? ""
            return refused("No student is called \"\(typed)\".\(hint)")
        }
        var effects: [LiveEffect] = []
        if let client = seats[index].client {
            let error = LiveError(.kicked, "The teacher removed you from this class.")
            effects += [.send(client, .error(ErrorMessage(error))), .close(client)]
            seatOfClient[client] = nil
            strikes[client] = nil
        }
        seats[index].client = nil
        seats[index].status = .gone
        kickedTokens.insert(seats[index].token)
        seatOfToken[seats[index].token] = nil
        effects.append(.teacher(.kicked(name: seats[index].name)))
        noteRosterChange()
        return effects + revealIfAllAnswered(now: now)
    }
}
