package import Foundation

/// One logged answer, reduced to what statistics need.
package struct StatsAnswer: Sendable {
    package var ref: ItemRef
    package var mode: AnswerRecord.Mode
    /// Microseconds since 1970 (``Microseconds``).
    package var answeredAt: Int64
    package var rating: Rating
    package var confidence: Int?

    package init(ref: ItemRef, mode: AnswerRecord.Mode, answeredAt: Int64, rating: Rating, confidence: Int?) {
        self.ref = ref
        self.mode = mode
        self.answeredAt = answeredAt
        self.rating = rating
        self.confidence = confidence
    }
}

/// Computes ``Stats`` from answers (oldest first), cards and the deck model: no database,
/// no clock, so tests can feed it directly. What counts as right (``isRight(_:)``) and which
/// answers count towards retention (repeat answers in a mode that moves the schedule) are
/// decided here.
package enum StatsCalculator {
    package static let activityDays = 30

    /// Right means rated good or easy: a hard rating (a hint, or partial credit) is not yet right.
    package static func isRight(_ rating: Rating) -> Bool { rating >= .good }

    package static func compute(
        learner: String, deckID: String?, decks: [Deck], answers: [StatsAnswer],
        cards: [CardTiming], now: Date, calendar: Calendar
    ) -> Stats {
        let decks = QueuePlanner.distinct(decks).filter { deckID == nil || $0.id == deckID }
        let todayStart = calendar.startOfDay(for: now)
        let day = { (offset: Int) in
            Microseconds.since1970(calendar.date(byAdding: .day, value: offset, to: todayStart) ?? todayStart)
        }
        let (weekStart, tomorrow, weekEnd) = (day(-6), day(1), day(7))
        let currentCards = self.currentCards(decks: decks, cards: cards)
        let scan = AnswerScan(answers, calendar: calendar, today: todayStart)
        let (skills, tags) = mastery(decks: decks, byItem: scan.byItem)
        return Stats(
            learner: learner, deckID: deckID, items: decks.reduce(0) { $0 + $1.questions.count },
            seen: currentCards.count, answers: answers.count,
            today: Stats.Period(
                answered: scan.answeredToday.count,
                started: cards.count { $0.firstSeenAt >= day(0) },
                due: currentCards.count { $0.due < tomorrow }),
            week: Stats.Period(
                answered: scan.answeredWeek.count,
                started: cards.count { $0.firstSeenAt >= weekStart },
                due: currentCards.count { $0.due < weekEnd }),
            retention: scan.retention, skills: skills, tags: tags, calibration: scan.calibration,
            streak: scan.streak,
            activity: (0..<activityDays).reversed().map { scan.dayOffsets[$0] ?? 0 })
    }

    /// The cards of items still in their deck: each deck is walked once, looking items up in
    /// the (much smaller) set of its cards.
    static func currentCards(decks: [Deck], cards: [CardTiming]) -> [CardTiming] {
        let cardsByDeck = Dictionary(grouping: cards, by: \.ref.deckID)
        var currentCards: [CardTiming] = []
        for deck in decks {
            guard let deckCards = cardsByDeck[deck.id] else { continue }
            let byItem = Dictionary(
                deckCards.map { ($0.ref.itemID, $0) }, uniquingKeysWith: { a, _ in a })
            for item in deck.items {
                if let card = byItem[item.id] { currentCards.append(card) }
            }
        }
        return currentCards
    }

    /// Share right per skill (in declaration order) and per tag (by name), from the current
    /// deck model: only skills and tags with answers.
    static func mastery(decks: [Deck], byItem: [ItemRef: ItemTally]) -> (skills: [Stats.Mastery], tags: [Stats.Mastery])
    {
        var skills: [Skill: Stats.Share] = [:]
        var tags: [String: Stats.Share] = [:]
        let answeredByDeck = Dictionary(grouping: byItem.keys, by: \.deckID)
        for deck in decks {
            guard let answered = answeredByDeck[deck.id] else { continue }
            let ids = Set(answered.map(\.itemID))
            for item in deck.items where ids.contains(item.id) {
                guard let share = byItem[ItemRef(deckID: deck.id, itemID: item.id)]?.share else { continue }
                if let skill = item.skill {
                    skills[skill, default: .init(right: 0, total: 0)].merge(share)
                }
                for tag in Set(item.tags) {
                    tags[tag, default: .init(right: 0, total: 0)].merge(share)
                }
            }
        }
        return (
            Skill.allCases.compactMap { skill in skills[skill].map { Stats.Mastery(name: skill.rawValue, share: $0) } },
            tags.keys.sorted().compactMap { tag in tags[tag].map { Stats.Mastery(name: tag, share: $0) } }
        )
    }
}

/// One pass over the answers, oldest first: per-day counts, the items answered today and this
/// week, retention, calibration and each item's tally.
struct AnswerScan {
    var dayOffsets: [Int: Int] = [:]
    var answeredToday = Set<ItemRef>()
    var answeredWeek = Set<ItemRef>()
    var retention = Stats.Share(right: 0, total: 0)
    var calibration = Array(repeating: Stats.Share(right: 0, total: 0), count: 4)
    var byItem: [ItemRef: ItemTally] = [:]

    init(_ answers: [StatsAnswer], calendar: Calendar, today: Date) {
        var bucket = DayBucket(calendar: calendar, today: today)
        for answer in answers {
            let right = StatsCalculator.isRight(answer.rating)
            let offset = bucket.offset(of: answer.answeredAt)
            dayOffsets[offset, default: 0] += 1
            if offset == 0 { answeredToday.insert(answer.ref) }
            if (0...6).contains(offset) { answeredWeek.insert(answer.ref) }
            if let level = answer.confidence, (1...4).contains(level) {
                calibration[level - 1].add(right)
            }
            // One hash lookup per answer: the tally says whether this is a repeat study.
            if byItem[answer.ref, default: ItemTally()].add(right, scheduled: answer.mode.movesSchedule) {
                retention.add(right)
            }
        }
    }

    /// Consecutive days with an answer, ending today (or yesterday, when today has none yet).
    var streak: Int {
        var streak = 0
        var offset = dayOffsets[0] != nil ? 0 : 1
        while dayOffsets[offset] != nil {
            streak += 1
            offset += 1
        }
        return streak
    }
}

/// What one item's answers add up to while the answers are scanned.
struct ItemTally {
    var share = Stats.Share(right: 0, total: 0)
    var studied = false

    /// Counts an answer; true when it is a study or review of an item studied before.
    mutating func add(_ right: Bool, scheduled: Bool) -> Bool {
        share.add(right)
        guard scheduled else { return false }
        defer { studied = true }
        return studied
    }
}

extension Stats.Share {
    mutating func add(_ right: Bool) {
        total += 1
        if right { self.right += 1 }
    }

    mutating func merge(_ other: Stats.Share) {
        right += other.right
        total += other.total
    }
}

/// Finds how many local days before today an instant falls, asking the calendar only when
/// the instant leaves the day last asked about (answers come in time order).
private struct DayBucket {
    let calendar: Calendar
    let today: Date
    var start: Int64 = .max
    var end: Int64 = .min
    var offset = 0

    init(calendar: Calendar, today: Date) {
        self.calendar = calendar
        self.today = today
    }

    mutating func offset(of micros: Int64) -> Int {
        if micros >= start && micros < end { return offset }
        let dayStart = calendar.startOfDay(for: Microseconds.date(micros))
        let next = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart
        start = Microseconds.since1970(dayStart)
        end = Microseconds.since1970(next)
        offset = calendar.dateComponents([.day], from: dayStart, to: today).day ?? 0
        return offset
    }
}
