package import ArgumentParser
import Foundation
import LecternCore
import LecternStore

/// `study DECK`: due items first, then new ones in deck order (all items when progress is
/// not kept).
package struct StudyCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "study", abstract: "Study a deck: what is due, then new items.",
        discussion:
            "Asks the deck's due items, then new ones in deck order (at most the daily new limit), with feedback after each answer. Inside a question type the answer, or :hint, :skip, :source, :quit, :help. Every answer is saved before the next question appears."
    )
    package static let staysOpen = true
    package static let completes = ShellArgumentKind.deck
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "The deck id.") var deck: String
    @OptionGroup var seed: SeedOption
    package init() {}
    package var launchSeed: UInt64? { seed.seed }

    package func run(in shell: Shell) throws(ShellError) {
        let deck = try shell.deck(named: deck, command: "study")
        let ids = try shell.queue(for: [deck]).map(\.itemID)
        guard !ids.isEmpty else {
            shell.say("nothing new or due in '\(deck.id)' today; 'drill \(deck.id)' practises it anyway")
            return
        }
        try shell.begin([shell.plan(deck, ids, mode: .study, seed: seed.seed)])
    }
}

/// `review [DECK]`: what is due across decks (or in one), most overdue first.
package struct ReviewCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Review what is due across decks, most overdue first.",
        discussion:
            "Asks only what is due, most overdue first: without a deck across every deck (deck by deck), or in one deck. New items are met with 'study DECK'."
    )
    package static let staysOpen = true
    package static let completes = ShellArgumentKind.deck
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "Only this deck.") var deck: String?
    @OptionGroup var seed: SeedOption
    package init() {}
    package var launchSeed: UInt64? { seed.seed }

    package func run(in shell: Shell) throws(ShellError) {
        let decks =
            try deck.map { id throws(ShellError) in [try shell.deck(named: id, command: "review")] }
            ?? shell.library.usableDecks
        // Only what is due: new items are met in 'study', one deck at a time.
        let queue = try shell.queue(for: decks, newLimit: 0)
        guard !queue.isEmpty else {
            let scope = deck.map { " in '\($0)'" } ?? ""
            shell.say("nothing is due for \(shell.configuration.learner)\(scope); 'study DECK' brings new items")
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
            if let run { plans.append(shell.plan(run.deck, run.ids, mode: .review, seed: seed.seed)) }
            guard let deck = decks.first(where: { $0.id == ref.deckID }) else { continue }
            run = (deck, [ref.itemID])
        }
        if let run { plans.append(shell.plan(run.deck, run.ids, mode: .review, seed: seed.seed)) }
        try shell.begin(plans)
    }
}

/// `drill DECK [--tag T] [--skill S] [--shuffle]`: practice that leaves the schedule alone.
package struct DrillCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "drill", abstract: "Practise a deck without touching the review schedule.",
        discussion:
            "Asks every item of the deck (or those with the tag or skill), in deck order or shuffled. Answers are logged but do not move the review schedule."
    )
    package static let staysOpen = true
    package static let completes = ShellArgumentKind.deck
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "The deck id.") var deck: String
    @Option(help: "Only items with this tag.") var tag: String?
    @Option(help: "Only items training this skill.") var skill: String?
    @Flag(help: "Shuffle the items.") var shuffle = false
    @OptionGroup var seed: SeedOption
    package init() {}
    package var launchSeed: UInt64? { seed.seed }

    package func validate() throws {
        if let skill, Skill(rawValue: skill) == nil {
            throw ValidationError(
                "unknown skill '\(skill)'; one of: " + Skill.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    package func run(in shell: Shell) throws(ShellError) {
        let deck = try shell.deck(named: deck, command: "drill")
        let skill = skill.flatMap(Skill.init(rawValue:))
        let ids = SessionPlan.drillQueue(
            deck: deck, tag: tag, skill: skill, shuffle: shuffle, seed: shell.seed(seed.seed))
        guard !ids.isEmpty else {
            throw ShellError(
                "no items in '\(deck.id)' match" + (tag.map { " tag '\($0)'" } ?? "")
                    + (skill.map { " skill '\($0.rawValue)'" } ?? ""))
        }
        try shell.begin([shell.plan(deck, ids, mode: .drill, seed: seed.seed)])
    }
}

/// `exam DECK [--time 20m] [--count N] [--shuffle]`: no feedback until the end.
package struct ExamCommand: ShellRunnable {
    package static let configuration = CommandConfiguration(
        commandName: "exam", abstract: "A test without feedback until the end, optionally timed.",
        discussion:
            "Asks the deck's items without feedback, then reports the score item by item. With --time, items left when time is up count as wrong; --count asks only the first N."
    )
    package static let staysOpen = true
    package static let completes = ShellArgumentKind.deck
    @OptionGroup(visibility: .private) package var global: GlobalOptions
    @Argument(help: "The deck id.") var deck: String
    // Unconditional, so that `--time -5m` reaches the range check instead of reading as an option.
    @Option(parsing: .unconditional, help: "Time limit, e.g. 20m, 90s, 1h30m (1s to 24h).") var time: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Ask only this many items (1 to \(Self.countRange.upperBound)).", valueName: "n"))
    var count: String?
    @Flag(help: "Shuffle the items.") var shuffle = false
    @OptionGroup var seed: SeedOption
    package init() {}
    package var launchSeed: UInt64? { seed.seed }

    /// Far above any deck, and small enough to mean what it says.
    static let countRange = 1...100_000

    package func validate() throws {
        if let time, case .failure(let failure) = DurationText.seconds(time) {
            throw ValidationError(DurationText.message(for: failure, option: "--time", text: time))
        }
        if let count { _ = try checked(WholeNumberText.parse(count, option: "--count", within: Self.countRange)) }
    }

    package func run(in shell: Shell) throws(ShellError) {
        let deck = try shell.deck(named: deck, command: "exam")
        var options = SessionPlan.ExamOptions()
        options.timeLimit = time.flatMap { try? DurationText.seconds($0).get() }
        options.count = count.flatMap {
            try? WholeNumberText.parse($0, option: "--count", within: Self.countRange).get()
        }
        let ids = SessionPlan.drillQueue(deck: deck, shuffle: shuffle, seed: shell.seed(seed.seed))
        var plan = shell.plan(deck, ids, mode: .exam, seed: seed.seed)
        plan.exam = options
        try shell.begin([plan])
    }
}

extension Shell {
    /// Starts the sessions of `plans` with the current learner's sink.
    func begin(_ plans: [SessionPlan]) throws(ShellError) {
        sessions.begin(plans, sink: try makeSink())
    }

    func plan(_ deck: Deck, _ ids: [String], mode: AnswerRecord.Mode, seed: UInt64?) -> SessionPlan {
        SessionPlan(
            deck: deck, itemIDs: ids, mode: mode, seed: self.seed(seed), startTime: now(),
            paragraphs: deck.source?.paragraphs ?? [:], scripted: !configuration.interactive)
    }

    /// The command's `--seed`, else the shell's `--seed`, else a fresh random seed. (A seed
    /// that is not a whole number from 0 to 2^64−1 was refused by the parser.)
    func seed(_ given: UInt64?) -> UInt64 {
        given ?? configuration.seed ?? UInt64.random(in: 0...UInt64.max)
    }

    /// The learner's due and new items of `decks`; every item in order without a store.
    func queue(for decks: [Deck], newLimit: Int? = nil) throws(ShellError) -> [ItemRef] {
        guard let store else {
            guard newLimit != 0 else { return [] }
            return decks.flatMap { deck in deck.questions.map { ItemRef(deckID: deck.id, itemID: $0.id) } }
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
    func makeSink() throws(ShellError) -> any ResultsSink {
        guard let store else { return CollectingSink() }
        do {
            return try PendingLearnerSink(store: store, learnerName: configuration.learner)
        } catch {
            throw ShellError("cannot open learner '\(configuration.learner)': \(error)")
        }
    }
}
