package import Foundation

/// Everything a study session needs to run, chosen by the caller.
///
/// The caller builds the queue (new items in deck order, due items from the scheduler,
/// a drill filter); the session only asks, grades and reports, so it can be tested with
/// nothing but a deck and a clock.
package struct SessionPlan: Sendable {
    /// Limits that apply in exams.
    package struct ExamOptions: Sendable, Equatable {
        /// Seconds from the start; when `now` passes it, unanswered items count as wrong.
        package var timeLimit: TimeInterval?
        /// At most this many items are asked (the first ones of the queue).
        package var count: Int?

        package init(timeLimit: TimeInterval? = nil, count: Int? = nil) {
            self.timeLimit = timeLimit
            self.count = count
        }
    }

    package var deck: Deck
    /// Item ids to ask, in order; ids the deck does not have are left out.
    package var itemIDs: [String]
    package var mode: AnswerRecord.Mode
    /// Used only when `mode` is `.exam`.
    package var exam: ExamOptions
    /// Seeds the shuffles of options, order entries and match right sides.
    package var seed: UInt64
    /// Whether choice and multi options are shown shuffled (order and match always are).
    package var shuffleOptions: Bool
    package var startTime: Date
    /// Full paragraphs of the deck's `source.file`, when the shell has them; `:source`
    /// shows these instead of the deck's summaries.
    package var paragraphs: [Int: String]
    /// Lines come from a script (an answers file), not a person at a terminal: an item that
    /// asks for confidence takes it only on the answer's own line (`b | 3`), so a file needs
    /// exactly one line per answer.
    package var scripted: Bool

    package init(
        deck: Deck, itemIDs: [String], mode: AnswerRecord.Mode = .study,
        exam: ExamOptions = ExamOptions(), seed: UInt64 = 0, shuffleOptions: Bool = true,
        startTime: Date, paragraphs: [Int: String] = [:], scripted: Bool = false
    ) {
        self.deck = deck
        self.itemIDs = itemIDs
        self.mode = mode
        self.exam = exam
        self.seed = seed
        self.shuffleOptions = shuffleOptions
        self.startTime = startTime
        self.paragraphs = paragraphs
        self.scripted = scripted
    }

    /// The items the session will ask, in order, after dropping unknown ids and descriptions
    /// (shown above the question they introduce, never asked) and applying the exam count.
    var items: [Item] {
        let known = itemIDs.compactMap(deck.item(withID:)).filter(\.isQuestion)
        guard mode == .exam, let count = exam.count else { return known }
        return Array(known.prefix(max(0, count)))
    }

    /// Item ids for a drill: the deck's items with `tag` and `skill` (either may be nil
    /// for any), in deck order or shuffled by `seed`.
    package static func drillQueue(
        deck: Deck, tag: String? = nil, skill: Skill? = nil, shuffle: Bool = false, seed: UInt64 = 0
    ) -> [String] {
        let ids = deck.questions
            .filter { item in tag.map { item.tags.contains($0) } ?? true }
            .filter { item in skill.map { item.skill == $0 } ?? true }
            .map(\.id)
        guard shuffle else { return ids }
        var generator = SplitMix64(seed: seed)
        return generator.shuffled(ids)
    }
}
