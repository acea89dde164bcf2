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
            deck: deck, tag: tag, skill: skill, shuffle: invocation.flags.contains("shuffle"),
            seed: try seed(invocation))
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
            switch DurationText.seconds(time) {
            case .success(let seconds): options.timeLimit = seconds
            case .failure(let failure):
                throw ShellError(DurationText.message(for: failure, option: "--time", text: time))
            }
        }
        if let count = invocation.value("count") {
            options.count = try number(count, option: "--count", within: 1...Self.maxExamCount)
        }
        let ids = SessionPlan.drillQueue(
            deck: deck, shuffle: invocation.flags.contains("shuffle"), seed: try seed(invocation))
        var plan = try plan(deck, ids, mode: .exam, invocation: invocation)
        plan.exam = options
        try begin([plan])
    }

    func plan(_ deck: Deck, _ ids: [String], mode: AnswerRecord.Mode, invocation: Invocation) throws(ShellError)
        -> SessionPlan
    {
        SessionPlan(
            deck: deck, itemIDs: ids, mode: mode, seed: try seed(invocation), startTime: now(),
            paragraphs: SourceParagraphs.load(for: deck), scripted: !configuration.interactive)
    }

    /// The most items an exam asks: far above any deck, and small enough to mean what it says.
    static let maxExamCount = 100_000

    /// `--seed N`, else the shell's `--seed`, else a fresh random seed; a seed that is not a
    /// whole number from 0 to 2^64−1 is an error, never silently replaced by a random one.
    func seed(_ invocation: Invocation) throws(ShellError) -> UInt64 {
        if let text = invocation.value("seed") { return try number(text, option: "--seed", within: 0...UInt64.max) }
        return configuration.seed ?? UInt64.random(in: 0...UInt64.max)
    }

    private func number<Number: FixedWidthInteger>(_ text: String, option: String, within range: ClosedRange<Number>)
        throws(ShellError) -> Number
    {
        switch WholeNumberText.parse(text, option: option, within: range) {
        case .success(let value): return value
        case .failure(let error): throw ShellError(error.description)
        }
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
            throw ShellError(reading: error, "cannot read progress")
        }
    }

    /// The sink for the current learner: the store, or memory when progress is not kept.
    func makeSink() throws(ShellError) -> ResultsSink {
        guard let store else { return CollectingSink() }
        do {
            return try PendingLearnerSink(store: store, learnerName: configuration.learner)
        } catch {
            throw ShellError("cannot open learner '\(configuration.learner)': \(error)")
        }
    }
}
