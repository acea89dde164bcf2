import Foundation
import LecternClass
import LecternLive

/// What the host shell prints for the class's notices. Open answers are shown without
/// their authors' names, since the teacher's screen is often the room's screen.
enum HostNotices {
    static func text(_ event: HostEvent, questions: [ClassQuestion]) -> String? {
        switch event {
        case .problem(let problem): return "PROBLEM: \(problem)"
        case .notice(let notice): return text(notice, questions: questions)
        case .revealStarted: return nil
        }
    }

    static func text(_ notice: TeacherNotice, questions: [ClassQuestion]) -> String? {
        let safe = LiveText.safe
        switch notice {
        case .joined(let name, let rejoined):
            return rejoined ? "\(safe(name)) is back." : "\(safe(name)) joined."
        case .left(let name): return "\(safe(name)) left the class."
        case .disconnected(let name): return "\(safe(name))'s connection dropped; the seat waits for a rejoin."
        case .kicked(let name): return "\(safe(name)) was removed from the class."
        case .opened(let question, let count):
            var out = "\nQuestion \(question + 1) of \(count) is open"
            if questions.indices.contains(question) {
                let asked = questions[question]
                out += " (\(asked.kind.rawValue)): \(LiveText.safe(asked.asked.prompt))"
            }
            return out
        case .progress(let answered, let of, let secondsLeft):
            return "\(answered) of \(of) answered, \(secondsLeft) s left"
        case .openAnswer(_, _, let text):
            return "open answer: \(safe(text))"
        case .revealed(let reveal):
            return revealed(reveal)
        case .paused: return "The class is paused."
        case .resumed: return "The class goes on."
        case .board(let entries): return "Leaderboard:\n" + LiveText.entries(entries)
        case .ended(let entries): return "The class is over. Final board:\n" + LiveText.entries(entries)
        case .refused(let sentence): return "Not now: \(sentence)"
        case .clientError(let client, let name, let error):
            let who = name.map { "\(safe($0)) (\(client))" } ?? "connection \(client)"
            return "refused from \(who): \(error.code.rawValue): \(safe(error.message))"
        }
    }

    static func revealed(_ reveal: TeacherReveal) -> String {
        var out = "\nQuestion \(reveal.question + 1) of \(reveal.count) revealed"
        out += reveal.automatic ? " (time up or everyone answered).\n" : ".\n"
        if let answer = reveal.answer { out += "Answer: \(LiveText.safe(answer))\n" }
        out += LiveText.histogram(reveal.histogram)
        if !reveal.openAnswers.isEmpty {
            out += "Open answers (names hidden):\n"
            for answer in reveal.openAnswers { out += "  - \(LiveText.safe(answer.text))\n" }
        }
        if reveal.question + 1 < reveal.count {
            out += "Type next for question \(reveal.question + 2), board for the leaderboard."
        } else {
            out += "That was the last question: type board or end."
        }
        return out
    }
}
