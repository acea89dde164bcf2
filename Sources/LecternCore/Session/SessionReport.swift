import Foundation

/// The closing lines of a session: the summary after study, the scored report after an exam.
enum SessionReport {
    /// Score, time, share right per skill and per tag, and the items worth another look.
    static func summary(_ results: [ItemResult], notReached: Int = 0, abandoned: Int = 0, elapsed: TimeInterval)
        -> [StyledLine]
    {
        var lines = [StyledLine("Session over", .heading)]
        lines += abandonedLine(abandoned)
        if notReached > 0 {
            lines.append(StyledLine("Not reached: \(notReached) question\(notReached == 1 ? "" : "s").", .dim))
        }
        guard !results.isEmpty else {
            return lines + [StyledLine("No questions answered."), StyledLine("Time: \(duration(elapsed))")]
        }
        lines += totals(results, elapsed: elapsed)
        let weak = results.filter { $0.grade.outcome != .right }
        if !weak.isEmpty {
            lines.append(StyledLine("Look again:", .heading))
            lines += weak.map { StyledLine("  \($0.item.id): \(excerpt(shownPrompt($0.item)))") }
        }
        return lines
    }

    /// Item by item: how it went, what was typed and the key; then the totals. Questions not
    /// reached are listed by number too and count in the score as 0, so a run that stopped
    /// early can never read as a full mark.
    static func examReport(
        _ results: [ItemResult], notReached: [Item] = [], abandoned: Int = 0, elapsed: TimeInterval
    ) -> [StyledLine] {
        var lines = [StyledLine("Exam report", .heading)]
        for (index, result) in results.enumerated() {
            let note = result.timedOut ? " (time ran out)" : result.skipped ? " (skipped)" : ""
            lines.append(
                StyledLine("\(index + 1). \(result.item.id): \(verdict(result.grade))\(note)", style(result.grade)))
            if !result.answer.isEmpty {
                lines.append(
                    StyledLine("   your answer: \(result.answer.replacingOccurrences(of: "\n", with: "; "))", .dim))
            }
            if result.grade.outcome != .right, let key = result.key {
                lines.append(StyledLine("   answer: \(key)", .dim))
            }
        }
        for (offset, item) in notReached.enumerated() {
            lines.append(StyledLine("\(results.count + offset + 1). \(item.id): not reached", .dim))
        }
        lines += abandonedLine(abandoned)
        guard !results.isEmpty else { return lines + [StyledLine("Time: \(duration(elapsed))")] }
        return lines + totals(results, outOf: results.count + notReached.count, elapsed: elapsed)
    }

    /// `2 h 5 min`, `3 min 20 s`, `45 s`.
    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds).rounded())
        let hours = total / 3600, minutes = total % 3600 / 60, rest = total % 60
        if hours > 0 { return minutes > 0 ? "\(hours) h \(minutes) min" : "\(hours) h" }
        if minutes > 0 { return rest > 0 ? "\(minutes) min \(rest) s" : "\(minutes) min" }
        return "\(rest) s"
    }

    private static func abandonedLine(_ count: Int) -> [StyledLine] {
        guard count > 0 else { return [] }
        return [StyledLine("Abandoned with Ctrl-C, not recorded: \(count) question\(count == 1 ? "" : "s").", .dim)]
    }

    private static func totals(_ results: [ItemResult], outOf total: Int? = nil, elapsed: TimeInterval)
        -> [StyledLine]
    {
        let sum = results.map(\.grade.score).reduce(0, +)
        let count = max(total ?? results.count, 1)
        var lines = [
            StyledLine("Score: \(points(sum)) of \(count) (\(Grade(score: sum / Double(count)).percentText))"),
            StyledLine("Time: \(duration(elapsed))"),
        ]
        let skills = Skill.allCases.compactMap { skill -> (String, [ItemResult])? in
            let matching = results.filter { $0.item.skill == skill }
            return matching.isEmpty ? nil : (skill.rawValue, matching)
        }
        if !skills.isEmpty {
            lines.append(StyledLine("By skill:", .heading))
            lines += skills.map(shareLine)
        }
        // Natural order, so T3 comes before T10.
        let tags = Set(results.flatMap(\.item.tags)).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        if !tags.isEmpty {
            lines.append(StyledLine("By tag:", .heading))
            lines += tags.map { tag in shareLine((tag, results.filter { $0.item.tags.contains(tag) })) }
        }
        return lines
    }

    private static func shareLine(_ group: (String, [ItemResult])) -> StyledLine {
        let (name, results) = group
        let share = Grade(score: results.map(\.grade.score).reduce(0, +) / Double(results.count))
        return StyledLine("  \(name): \(share.percentText) of \(results.count) item\(results.count == 1 ? "" : "s")")
    }

    /// A score sum with at most one decimal: `3`, `2.5`, `1.7`.
    private static func points(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return NumericAnswerGrader.format(tenths)
    }

    private static func verdict(_ grade: Grade) -> String {
        switch grade.outcome {
        case .right: "right"
        case .partial: "partly right, \(grade.percentText)"
        case .wrong: "wrong"
        }
    }

    private static func style(_ grade: Grade) -> StyledLine.Style {
        switch grade.outcome {
        case .right: .good
        case .partial: .partial
        case .wrong: .bad
        }
    }

    /// The prompt as the learner saw it: a cloze with its blanks, never its answers.
    private static func shownPrompt(_ item: Item) -> String {
        if case .cloze(let cloze) = item.body { return cloze.displayText }
        return item.prompt
    }

    /// The first line of a prompt, cut to fit a summary line.
    private static func excerpt(_ prompt: String) -> String {
        let first = prompt.split(separator: "\n").first.map(String.init) ?? ""
        return first.count > 60 ? String(first.prefix(59)) + "…" : first
    }
}
