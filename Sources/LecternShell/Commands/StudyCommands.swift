import Foundation
import LecternCore
import LecternStore

extension Shell {
    /// `study DECK`: due items first, then new ones in deck order (all items when progress
    /// is not kept).
    func study(_ invocation: Invocation) throws(ShellError) {
        let deck = try deck(named: invocation.positional.first, command: "study")
        let ids = try queue(for: [deck]).map(\.itemID)
        guard !ids.isEmpty else {
            say("nothing new or due in '\(deck.id)' today; 'drill \(deck.id)' practises it anyway")
            return
        }
        try begin([plan(deck, ids, mode: .study, invocation: invocation)])
    }

    /// `review [DECK]`: what is due across decks (or in one), most overdue first.
    func review(_ invocation: Invocation) throws(ShellError) {
        let decks =
            try invocation.positional.first.map { id throws(ShellError) in [try deck(named: id, command: "review")] }
            ?? library.usableDecks
        // Only what is due: new items are met in 'study', one deck at a time.
        let queue = try queue(for: decks, newLimit: 0)
        guard !queue.isEmpty else {
            let scope = invocation.positional.first.map { " in '\($0)'" } ?? ""
            say("nothing is due for \(configuration.learner)\(scope); 'study DECK' brings new items")
            return
        }
        // Consecutive items of one deck form one session, keeping the overdue order.
        var plans: [SessionPlan] = []
        var run: (deck: Deck, ids: [String])?
        for ref in queue {
            if run?.deck.id == ref.deckID {
                run?.ids.append(ref.itemID)
                continue
            }
            if let run { plans.append(try plan(run.deck, run.ids, mode: .review, invocation: invocation)) }
            guard let deck = decks.first(where: { $0.id == ref.deckID }) else { continue }
            run = (deck, [ref.itemID])
        }
        if let run { plans.append(try plan(run.deck, run.ids, mode: .review, invocation: invocation)) }
        try begin(plans)
    }

    /// `drill DECK [--tag T] [--skill S] [--shuffle]`: practice that leaves the schedule alone.
    func drill(_ invocation: Invocation) throws(ShellError) {
        let deck = try deck(named: invocation.positional.first, command: "drill")
        var skill: Skill?
        if let name = invocation.value("skill") {
            guard let parsed = Skill(rawValue: name) else {
                throw ShellError(
                    "unknown skill '\(name)'; one of: " + Skill.allCases.map(\.rawValue).joined(separator: ", "))
            }
            skill = parsed
        }
        let tag = invocation.value("tag")
        let ids = SessionPlan.drillQueue(
            deck: deck, tag: tag, skill: skill, shuffle: invocation.flags.contains("shuffle"), seed: seed(invocation))
        guard !ids.isEmpty else {
            throw ShellError(
                "no items in '\(deck.id)' match" + (tag.map { " tag '\($0)'" } ?? "")
                    + (skill.map { " skill '\($0.rawValue)'" } ?? ""))
        }
        try begin([plan(deck, ids, mode: .drill, invocation: invocation)])
    }

    /// `exam DECK [--time 20m] [--count N] [--shuffle]`: no feedback until the end.
    func exam(_ invocation: Invocation) throws(ShellError) {
        let deck = try deck(named: invocation.positional.first, command: "exam")
        var options = SessionPlan.ExamOptions()
        if let time = invocation.value("time") {
            guard let seconds = DurationText.seconds(time) else {
                throw ShellError("cannot read time '\(time)'; write it like 20m, 90s or 1h30m")
            }
            options.timeLimit = seconds
        }
        if let count = invocation.value("count") {
            guard let number = Int(count), number > 0 else {
                throw ShellError("--count needs a positive whole number, got '\(count)'")
            }
            options.count = number
        }
        let ids = SessionPlan.drillQueue(
            deck: deck, shuffle: invocation.flags.contains("shuffle"), seed: seed(invocation))
        var plan = try plan(deck, ids, mode: .exam, invocation: invocation)
        plan.exam = options
        try begin([plan])
    }

    func plan(_ deck: Deck, _ ids: [String], mode: AnswerRecord.Mode, invocation: Invocation) throws(ShellError)
        -> SessionPlan
    {
        SessionPlan(
            deck: deck, itemIDs: ids, mode: mode, seed: seed(invocation), startTime: now(),
            paragraphs: SourceFile.paragraphs(for: deck), scripted: !configuration.interactive)
    }

    /// `--seed N`, else the shell's `--seed`, else a fresh random seed.
    func seed(_ invocation: Invocation) -> UInt64 {
        if let text = invocation.value("seed"), let value = UInt64(text) { return value }
        return configuration.seed ?? UInt64.random(in: 0...UInt64.max)
    }

    /// The learner's due and new items of `decks`; every item in order without a store.
    func queue(for decks: [Deck], newLimit: Int? = nil) throws(ShellError) -> [ItemRef] {
        guard let store else {
            guard newLimit != 0 else { return [] }
            return decks.flatMap { deck in deck.items.map { ItemRef(deckID: deck.id, itemID: $0.id) } }
        }
        do {
            return try store.dueQueue(
                learner: configuration.learner, decks: decks, now: now(),
                newLimit: newLimit ?? configuration.newItemsPerDay)
        } catch {
            throw ShellError("cannot read progress: \(error)")
        }
    }

    /// The sink for the current learner: the store, or memory when progress is not kept.
    func makeSink() throws(ShellError) -> ResultsSink {
        guard let store else { return CollectingSink() }
        do {
            return LearnerSink(store: store, learner: try store.learner(named: configuration.learner))
        } catch {
            throw ShellError("cannot open learner '\(configuration.learner)': \(error)")
        }
    }
}

/// Durations as people type them: `20m`, `90s`, `1h30m`, or a bare number of minutes.
enum DurationText {
    static func seconds(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let minutes = Double(trimmed), minutes > 0 { return minutes * 60 }
        var total: TimeInterval = 0
        var number = ""
        var sawUnit = false
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }
}

/// The paragraphs of a deck's `source.file`, when the user has that file: `:source` then
/// shows the real text instead of the deck's summaries.
enum SourceFile {
    /// Paragraphs are numbered `[¶N]` or `[N]` at the start of a line, or else counted as
    /// blank-line-separated blocks from 1.
    static func paragraphs(for deck: Deck) -> [Int: String] {
        guard let file = deck.source?.file else { return [:] }
        let path =
            file.hasPrefix("/")
            ? file : ((deck.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(file)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        return parse(text)
    }

    static func parse(_ text: String) -> [Int: String] {
        let blocks = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        var numbered: [Int: String] = [:]
        for block in blocks {
            guard block.hasPrefix("["), let close = block.firstIndex(of: "]") else { continue }
            let label = block[block.index(after: block.startIndex)..<close].replacingOccurrences(of: "¶", with: "")
            if let number = Int(label) {
                numbered[number] = block[block.index(after: close)...].trimmingCharacters(in: .whitespaces)
            }
        }
        if !numbered.isEmpty { return numbered }
        return Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($0.offset + 1, $0.element) })
    }
}
