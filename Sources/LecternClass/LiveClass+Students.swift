import Foundation
import LecternCore

extension LiveClass {
    /// What a `join` and a `watch` both check first: the class is not over, the code is
    /// this class's (a wrong one closes the connection), and the connection has not joined
    /// or watched already. Nil when the connection may go on.
    mutating func admission(_ client: ClientID, code typed: String) -> [LiveEffect]? {
        guard !ended else {
            return [.send(client, .error(ErrorMessage(LiveError(.ended, "This class is over.")))), .close(client)]
        }
        guard JoinCode.matches(typed, code: code) else {
            let error = LiveError(.wrongCode, "That is not this class's code: check the code the teacher shows.")
            strikes[client] = nil
            return [
                .send(client, .error(ErrorMessage(error))), .teacher(.clientError(client, name: nil, error)),
                .close(client),
            ]
        }
        guard seatOfClient[client] == nil, !watchers.contains(client) else {
            return refuse(client, LiveError(.alreadyJoined, "This connection has joined already."))
        }
        return nil
    }

    /// A join: a wrong code closes the connection; a token of a seat in the class gives
    /// that seat back (name, points and the open question); otherwise a new seat, if the
    /// name is free and the class has room.
    mutating func join(_ client: ClientID, code typed: String, name rawName: String, token: String?, now: Date)
        -> [LiveEffect]
    {
        if let refusal = admission(client, code: typed) { return refusal }
        if let token, kickedTokens.contains(token) {
            let error = LiveError(.kicked, "The teacher removed you from this class.")
            return [.send(client, .error(ErrorMessage(error))), .close(client)]
        }
        if let token, let index = seatOfToken[token], seats[index].holdsName {
            return rejoin(client, seat: index, now: now)
        }
        let name: String
        switch SeatName.cleaned(rawName) {
        case .failure(let error): return refuse(client, error)
        case .success(let cleaned): name = cleaned
        }
        let taken = Set(seats.filter(\.holdsName).map { SeatName.folded($0.name) })
        guard !taken.contains(SeatName.folded(name)) else {
            let suggestion = SeatName.suggestion(for: name, taken: taken)
            return refuse(
                client, LiveError(.nameTaken, "The name \"\(name)\" is taken in this class; try \"\(suggestion)\"."))
        }
        guard seats.filter(\.holdsName).count < configuration.maxStudents else {
            let error = LiveError(.full, "This class is full (\(configuration.maxStudents) students).")
            return [
                .send(client, .error(ErrorMessage(error))), .teacher(.clientError(client, name: name, error)),
                .close(client),
            ]
        }
        let token = newToken()
        seats.append(Seat(name: name, token: token, client: client, status: .connected))
        let index = seats.count - 1
        seatOfClient[client] = index
        seatOfToken[token] = index
        noteRosterChange()
        return welcome(index, rejoined: false, now: now) + [.teacher(.joined(name: name, rejoined: false))]
    }

    /// The seat goes to the new connection; an old connection still holding it is closed.
    private mutating func rejoin(_ client: ClientID, seat index: Int, now: Date) -> [LiveEffect] {
        var effects: [LiveEffect] = []
        if let old = seats[index].client, old != client {
            seatOfClient[old] = nil
            strikes[old] = nil
            effects.append(.close(old))
        }
        seats[index].client = client
        seats[index].status = .connected
        seatOfClient[client] = index
        effects += welcome(index, rejoined: true, now: now)
        effects.append(.teacher(.joined(name: seats[index].name, rejoined: true)))
        noteRosterChange()
        return effects
    }

    /// The welcome, then whatever the student needs to be where the class is.
    private func welcome(_ index: Int, rejoined: Bool, now: Date) -> [LiveEffect] {
        let seat = seats[index]
        guard let client = seat.client else { return [] }
        let welcome = Welcome(
            version: LiveProtocol.version, name: seat.name, token: seat.token, deck: deck.title,
            count: questions.count, rejoined: rejoined, points: seat.points)
        return [.send(client, .welcome(welcome))] + catchUp(index, now: now)
    }

    /// The messages of the current phase for one seat: the lobby, the open question (and
    /// `accepted` if answered), or its own reveal; then `paused` when the class is paused.
    func catchUp(_ index: Int, now: Date, ranks: [Int: Int]? = nil) -> [LiveEffect] {
        guard let client = seats[index].client else { return [] }
        var effects: [LiveEffect] = []
        switch stage {
        case .lobby:
            effects.append(.send(client, .lobby(lobbySnapshot)))
        case .open(let open):
            effects.append(.send(client, .question(questionMessage(open, now: now))))
            if let given = seats[index].answers[open.index] {
                effects.append(.send(client, .accepted(Accepted(question: open.index, answer: given.recorded))))
            }
        case .revealed(let question):
            effects.append(.send(client, .reveal(reveal(for: index, question: question, ranks: ranks ?? rankBySeat))))
        }
        if pausedSince != nil {
            effects.append(.send(client, .paused(Paused(question: openQuestion?.index))))
        }
        return effects
    }

    func questionMessage(_ open: OpenQuestion, now: Date) -> QuestionMessage {
        QuestionMessage(
            questions[open.index], index: open.index, count: questions.count, timeLimit: configuration.timeLimit,
            deadline: open.deadline, now: pausedSince ?? now)
    }

    /// An answer: only to the open question, only once, only in time; graded at once and
    /// handed out to be stored, but scored on the board only at the reveal.
    mutating func answer(_ client: ClientID, question: Int, text: String, now: Date) -> [LiveEffect] {
        guard let index = seatOfClient[client] else {
            return refuse(client, LiveError(.notJoined, "Join the class before answering."))
        }
        guard !ended else { return refuse(client, LiveError(.ended, "This class is over.")) }
        guard pausedSince == nil else {
            return refuse(client, LiveError(.paused, "The class is paused: wait for the teacher to resume."))
        }
        guard let open = openQuestion, open.index == question else {
            if case .revealed(let revealed) = stage, revealed == question {
                return refuse(
                    client, LiveError(.late, "Time was up for question \(question + 1): this answer does not count."))
            }
            return refuse(client, LiveError(.notOpen, "Question \(question + 1) is not open."))
        }
        guard now < open.deadline else {
            return refuse(
                client, LiveError(.late, "Time was up for question \(question + 1): this answer does not count."))
                + reveal(automatic: true, now: now)
        }
        guard seats[index].answers[question] == nil else {
            return refuse(client, LiveError(.alreadyAnswered, "You have answered question \(question + 1) already."))
        }
        guard text.count <= configuration.maxAnswerLength else {
            return refuse(
                client, LiveError(.tooLong, "Answers have at most \(configuration.maxAnswerLength) characters."))
        }
        let asked = questions[question]
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !UntrustedText.hasControlCharacters(trimmed) else {
            return refuse(
                client, LiveError(.malformedAnswer, "An answer is one line of text, without control characters."))
        }
        var evaluation: Evaluation?
        var recorded = trimmed
        var effects: [LiveEffect] = []
        if asked.kind == .open {
            guard !trimmed.isEmpty else {
                return refuse(client, LiveError(.malformedAnswer, "Write your answer on one line."))
            }
            effects.append(.teacher(.openAnswer(question: question, name: seats[index].name, text: trimmed)))
        } else {
            switch ItemEvaluator.evaluate(text, item: asked.asked, layout: asked.layout) {
            case .failure(let malformed): return refuse(client, LiveError(.malformedAnswer, malformed.message))
            case .success(let graded):
                evaluation = graded
                recorded = graded.recorded(for: asked.asked)
            }
        }
        let left = open.deadline.timeIntervalSince(now)
        let duration = max(0, configuration.timeLimit - left)
        let points =
            evaluation.map {
                LiveScoring.points(credit: $0.grade.score, left: left, limit: configuration.timeLimit)
            } ?? 0
        seats[index].answers[question] = SeatAnswer(
            text: trimmed, recorded: recorded, evaluation: evaluation, points: points, duration: duration)
        let record = LiveAnswerRecord(
            deckID: deck.id, itemID: asked.item.id, stepID: asked.stepID, learner: seats[index].name,
            question: question, answer: recorded, score: evaluation?.grade.score, points: points, answeredAt: now,
            duration: duration, skipped: false)
        effects.insert(.store(record), at: 0)
        effects.append(.send(client, .accepted(Accepted(question: question, answer: recorded))))
        progressChanged = true
        if let progress = progress(now: now) {
            effects.append(
                .teacher(.progress(answered: progress.answered, of: progress.of, secondsLeft: progress.secondsLeft)))
        }
        return effects + revealIfAllAnswered(now: now)
    }

    /// Leaving on purpose gives up the seat: off the board, name free.
    mutating func leave(_ client: ClientID, now: Date) -> [LiveEffect] {
        strikes[client] = nil
        if forgetWatcher(client) { return [.close(client)] }
        guard let index = seatOfClient.removeValue(forKey: client) else { return [.close(client)] }
        seats[index].client = nil
        seats[index].status = .gone
        seatOfToken[seats[index].token] = nil
        noteRosterChange()
        return [.close(client), .teacher(.left(name: seats[index].name))]
            + revealIfAllAnswered(now: now)
    }

    /// A dropped connection keeps its seat for a rejoin.
    mutating func disconnect(_ client: ClientID, now: Date) -> [LiveEffect] {
        drop(client, closing: false) + revealIfAllAnswered(now: now)
    }
}
