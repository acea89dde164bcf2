import Foundation
import LecternClass
import LecternCore

/// What the student and host shells print for the class's messages. Every string that
/// came over the network is untrusted and passes through `TerminalText` before it is shown.
package enum LiveText {
    static func safe(_ text: String) -> String { TerminalText.safeLine(text) }

    package static func question(_ message: QuestionMessage) -> String {
        var out = "\nQuestion \(message.question + 1) of \(message.count) · \(safe(message.itemType))"
        out += " · \(message.secondsLeft) s to answer\n"
        if let scenario = message.scenario {
            let step = message.step.map { n in message.steps.map { " (step \(n) of \($0))" } ?? "" } ?? ""
            out += "Scenario\(step): \(TerminalText.safe(scenario))\n"
        }
        for line in message.lines { out += TerminalText.safe(line) + "\n" }
        return out
    }

    package static func accepted(_ message: Accepted) -> String {
        "Answer received: \(safe(message.answer)). Wait for the reveal."
    }

    package static func lobby(_ lobby: Lobby) -> String {
        let shown = lobby.names.map(safe).joined(separator: ", ")
        let more = lobby.count > lobby.names.count ? " and \(lobby.count - lobby.names.count) more" : ""
        return "In the lobby (\(lobby.count)): \(shown)\(more)"
    }

    package static func reveal(_ reveal: Reveal) -> String {
        var out = "\n"
        let you = reveal.you
        if !you.answered {
            out += "No answer in time: 0 points.\n"
        } else {
            switch you.outcome {
            case "right": out += "Right! +\(points(you.points)) points\n"
            case "partial": out += "Partly right (\(you.percent ?? 0)%): +\(points(you.points)) points\n"
            case "wrong": out += "Wrong: 0 points.\n"
            default: out += "Your answer was sent to the teacher (open questions are not scored).\n"
            }
        }
        for mistake in you.mistakes { out += "  - \(safe(mistake))\n" }
        if let answer = reveal.answer { out += "Answer: \(TerminalText.safe(answer))\n" }
        if let explanation = reveal.explanation { out += "Why: \(TerminalText.safe(explanation))\n" }
        out += histogram(reveal.histogram)
        out += "You: \(points(reveal.points)) points, rank \(reveal.rank) of \(reveal.students)\n"
        return out
    }

    /// One bar per option, the spread of numbers, or the most common words.
    package static func histogram(_ histogram: Histogram) -> String {
        var out = "How the class answered: \(histogram.answered) answered"
        if histogram.kind != .none {
            out += " (\(histogram.right) right, \(histogram.partial) partly, \(histogram.wrong) wrong)"
        }
        out += ", \(histogram.unanswered) without an answer\n"
        let most = max(1, histogram.bars.map(\.count).max() ?? 1)
        let labelWidth = histogram.bars.map { safe($0.label).count }.max() ?? 1
        for bar in histogram.bars {
            let label = safe(bar.label).padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let length = bar.count == 0 ? 0 : max(1, bar.count * 20 / most)
            let drawn = String(repeating: "█", count: length).padding(toLength: 20, withPad: " ", startingAt: 0)
            let text = bar.text.map { " " + safe($0) } ?? ""
            let mark = bar.right == true ? " ✓" : ""
            out += "  \(label) \(drawn) \(bar.count)\(text)\(mark)\n"
        }
        if let others = histogram.others, others > 0 { out += "  … and \(others) other answers\n" }
        if let spread = histogram.spread {
            out +=
                "  lowest \(number(spread.lowest)), median \(number(spread.median)), highest \(number(spread.highest))\n"
            let most = max(1, spread.bins.map(\.count).max() ?? 1)
            for bin in spread.bins {
                let length = bin.count == 0 ? 0 : max(1, bin.count * 20 / most)
                out +=
                    "  \(number(bin.low))–\(number(bin.high)) \(String(repeating: "█", count: length)) \(bin.count)\n"
            }
        }
        return out
    }

    package static func board(_ board: Board) -> String {
        var out = "Leaderboard after \(board.after) of \(board.count) (\(board.students) students):\n"
        out += entries(board.entries)
        return out
    }

    static func entries(_ entries: [BoardEntry]) -> String {
        entries.map { "  \($0.rank). \(safe($0.name))  \(points($0.points)) points, \($0.right) right\n" }.joined()
    }

    package static func end(_ end: End) -> String {
        var out = "\nThe class is over."
        if let rank = end.rank { out += " You finished \(rank) of \(end.students) with \(points(end.points)) points." }
        return out + "\nFinal board:\n" + entries(end.board)
    }

    package static func points(_ value: Int) -> String {
        String(value)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
