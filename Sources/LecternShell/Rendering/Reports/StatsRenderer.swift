import LecternCore

/// Writes ``Stats`` as the text of the `stats` command.
///
/// With `unicode: false` only ASCII is used (for logs, old terminals, `LANG=C`).
package enum StatsRenderer {
    package static func render(_ stats: Stats, unicode: Bool) -> String {
        let percent = { (share: Stats.Share) in percentText(share, unicode: unicode) }
        var lines = [
            "Stats for \(TerminalText.safeLine(stats.learner)) in "
                + (stats.deckID.map { "deck \(TerminalText.safeLine($0))" } ?? "all decks"),
            "",
        ]
        lines += facts(stats, unicode: unicode).map { pad($0.label, 14) + $0.value }
        // Skill and tag names come from decks: shown in their safe form, and padded by it.
        lines += section("Skill", stats.skills.map { (TerminalText.safeLine($0.name), $0.share) }, percent)
        lines += section("Tag", stats.tags.map { (TerminalText.safeLine($0.name), $0.share) }, percent)
        lines += section(
            "Confidence", stats.calibration.enumerated().map { ("\($0.offset + 1)", $0.element) }, percent)
        lines.append("")
        lines.append("Right means rated good or easy: correct, with no hint and full credit.")
        return lines.map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    /// `67%`, or a dash when there is nothing to divide.
    private static func percentText(_ share: Stats.Share, unicode: Bool) -> String {
        share.fraction.map { "\(Int(($0 * 100).rounded()))%" } ?? (unicode ? "–" : "-")
    }

    /// The labelled lines at the top: counts, retention, streak and the activity bar.
    private static func facts(_ stats: Stats, unicode: Bool) -> [(label: String, value: String)] {
        let days = stats.streak == 1 ? "1 day" : "\(stats.streak) days"
        let most = stats.activity.max() ?? 0
        return [
            ("Items", "\(stats.items): \(stats.seen) studied, \(stats.unseen) never studied"),
            ("Answers", "\(stats.answers)"),
            ("Today", "\(stats.today.answered) answered, \(stats.today.started) started, \(stats.today.due) due"),
            (
                "This week",
                "\(stats.week.answered) answered, \(stats.week.started) started in the last 7 days; "
                    + "\(stats.week.due) due in the next 7"
            ),
            (
                "Retention",
                "\(percentText(stats.retention, unicode: unicode)) right on \(stats.retention.total) repeat reviews"
            ),
            ("Streak", days),
            ("Last 30 days", activityBar(stats.activity, unicode: unicode) + "  (most \(most) a day)"),
        ]
    }

    /// A table of answers and share right per name, after a blank line; nothing when no row
    /// has answers.
    private static func section(
        _ title: String, _ rows: [(String, Stats.Share)], _ percent: (Stats.Share) -> String
    ) -> [String] {
        guard rows.contains(where: { $0.1.total > 0 }) else { return [] }
        let width = max(14, (rows.map { TerminalWidth.of($0.0) }.max() ?? 0) + 2)
        return ["", pad(title, width) + "answers  right"]
            + rows.map { name, share in
                pad(name, width) + padLeft("\(share.total)", 7) + "  " + padLeft(percent(share), 5)
            }
    }

    /// One symbol per day, from the lowest (no answers) to the highest (the busiest day).
    package static func activityBar(_ counts: [Int], unicode: Bool) -> String {
        let symbols = Array(unicode ? "▁▂▃▄▅▆▇█" : ".:-=+*#@")
        let top = symbols.count - 1
        let most = counts.max() ?? 0
        return String(
            counts.map { count -> Character in
                guard count > 0, most > 0 else { return symbols[0] }
                let level = Int((Double(count) / Double(most) * Double(top)).rounded(.up))
                return symbols[min(top, max(1, level))]
            })
    }

    /// A label and the gap after it: at least one space, so a long name never runs into its value.
    private static func pad(_ text: String, _ width: Int) -> String {
        TextColumns.padRight(text, width, minimumGap: 1)
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        TextColumns.padLeft(text, width)
    }
}
