import Foundation
import LecternCore

extension LiveClass {
    /// Reveals the open question when every connected student has answered it.
    mutating func revealIfAllAnswered(now: Date) -> [LiveEffect] {
        guard !ended, pausedSince == nil, let open = openQuestion else { return [] }
        let connected = seats.filter { $0.status == .connected }
        guard !connected.isEmpty, connected.allSatisfy({ $0.answers[open.index] != nil }) else { return [] }
        return reveal(automatic: true, now: now)
    }

    /// Closes the open question: points go on the board, seats without an answer get a
    /// skipped record, and each connected student gets their own reveal.
    mutating func reveal(automatic: Bool, now: Date) -> [LiveEffect] {
        guard let open = openQuestion else { return [] }
        let question = questions[open.index]
        stage = .revealed(open.index)
        var effects: [LiveEffect] = []
        var entries: [Histogram.Entry] = []
        var unanswered = 0
        var openAnswers: [OpenAnswer] = []
        for index in seats.indices {
            if let given = seats[index].answers[open.index] {
                entries.append(Histogram.Entry(text: given.text, evaluation: given.evaluation))
                if question.kind == .open { openAnswers.append(OpenAnswer(name: seats[index].name, text: given.text)) }
                guard seats[index].holdsName else { continue }
                seats[index].points += given.points
                if given.evaluation?.grade.outcome == .right {
                    seats[index].rightCount += 1
                    seats[index].rightTime += given.duration
                }
            } else if seats[index].holdsName {
                unanswered += 1
                effects.append(
                    .store(
                        LiveAnswerRecord(
                            deckID: deck.id, itemID: question.item.id, stepID: question.stepID,
                            learner: seats[index].name, question: open.index, answer: "",
                            score: question.kind == .open ? nil : 0, points: 0, answeredAt: now,
                            duration: configuration.timeLimit, skipped: true)))
            }
        }
        let histogram = Histogram(question: question, entries: entries, unanswered: unanswered)
        histograms[open.index] = histogram
        let ranks = rankBySeat
        for index in seats.indices where seats[index].status == .connected {
            guard let client = seats[index].client else { continue }
            effects.append(.send(client, .reveal(reveal(for: index, question: open.index, ranks: ranks))))
        }
        if !watchers.isEmpty { effects.append(.broadcast(.summary(summary(open.index)), to: watchers)) }
        effects.append(
            .teacher(
                .revealed(
                    TeacherReveal(
                        question: open.index, count: questions.count, automatic: automatic,
                        answer: question.answerText, histogram: histogram, openAnswers: openAnswers))))
        return effects
    }

    /// One student's reveal of a revealed question (also sent again on a rejoin).
    func reveal(for index: Int, question: Int, ranks: [Int: Int]) -> Reveal {
        let asked = questions[question]
        let seat = seats[index]
        let given = seat.answers[question]
        var mistakes: [String] = []
        if let evaluation = given?.evaluation {
            mistakes = FeedbackRenderer.mistakes(evaluation, item: asked.asked, layout: asked.layout).map(\.text)
        }
        let result = Reveal.Result(
            answered: given != nil, answer: given?.recorded, outcome: given?.evaluation?.grade.outcome.rawValue,
            percent: given?.evaluation.map { Int(($0.grade.score * 100).rounded()) }, points: given?.points ?? 0,
            mistakes: mistakes)
        let histogram =
            histograms[question]
            ?? Histogram(question: asked, entries: [], unanswered: 0)
        return Reveal(
            question: question, count: questions.count, itemType: asked.kind.rawValue, answer: asked.answerText,
            explanation: asked.explanation, histogram: histogram, you: result, points: seat.points,
            rank: ranks[index] ?? 0, students: ranks.count)
    }
}
