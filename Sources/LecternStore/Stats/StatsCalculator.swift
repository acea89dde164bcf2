import Foundation
import LecternCore

/// One logged answer, reduced to what statistics need.
struct StatsAnswer: Sendable {
    var ref: ItemRef
    var mode: AnswerRecord.Mode
    /// Microseconds since 1970.
    var answeredAt: Int64
    var rating: Rating
    var confidence: Int?
}

/// Computes ``Stats`` from answers (oldest first), cards and the deck model: no database,
/// no clock, so tests can feed it directly.
enum StatsCalculator {
    static let activityDays = 30

    static func isRight(_ rating: Rating) -> Bool { rating >= .good }

    static func compute(
        learner: String, deckID: String?, decks: [Deck], answers: [StatsAnswer],
        cards: [CardTiming], now: Date, calendar: Calendar
    ) -> Stats {
        let decks = QueuePlanner.distinct(decks).filter { deckID == nil || $0.id == deckID }
        let todayStart = calendar.startOfDay(for: now)
        let day = { (offset: Int) in
            StoredTime.micros(calendar.date(byAdding: .day, value: offset, to: todayStart)!)
        }
        let (weekStart, tomorrow, weekEnd) = (day(-6), day(1), day(7))

        // Which cards belong to items still in their deck: walk each deck once, looking
        // items up in the (much smaller) set of its cards.
        let items = decks.reduce(0) { $0 + $1.items.count }
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

        // One pass over the answers, oldest first.
        var dayOffsets: [Int: Int] = [:]
        var bucket = DayBucket(calendar: calendar, today: todayStart)
        var answeredToday = Set<ItemRef>()
        var answeredWeek = Set<ItemRef>()
        var retention = Stats.Share(right: 0, total: 0)
        var calibration = Array(repeating: Stats.Share(right: 0, total: 0), count: 4)
        var byItem: [ItemRef: ItemTally] = [:]
        for answer in answers {
            let right = isRight(answer.rating)
            let offset = bucket.offset(of: answer.answeredAt)
            dayOffsets[offset, default: 0] += 1
            if offset == 0 { answeredToday.insert(answer.ref) }
            if (0...6).contains(offset) { answeredWeek.insert(answer.ref) }
            if let level = answer.confidence, (1...4).contains(level) {
                calibration[level - 1].add(right)
            }
            let scheduled = ProgressStore.movesSchedule(answer.mode)
            // One hash lookup per answer: the tally says whether this is a repeat study.
            if byItem[answer.ref, default: ItemTally()].add(right, scheduled: scheduled) {
                retention.add(right)
            }
        }

        // Skills and tags come from the current deck model.
        var skills: [Skill: Stats.Share] = [:]
        var tags: [String: Stats.Share] = [:]
        let answeredByDeck = Dictionary(grouping: byItem.keys, by: \.deckID)
        for deck in decks {
            guard let answered = answeredByDeck[deck.id] else { continue }
            let ids = Set(answered.map(\.itemID))
            for item in deck.items where ids.contains(item.id) {
                let share = byItem[ItemRef(deckID: deck.id, itemID: item.id)]!.share
                if let skill = item.skill {
                    skills[skill, default: .init(right: 0, total: 0)].merge(share)
                }
                for tag in Set(item.tags) {
                    tags[tag, default: .init(right: 0, total: 0)].merge(share)
                }
            }
        }

        var streak = 0
        var offset = dayOffsets[0] != nil ? 0 : 1
        while dayOffsets[offset] != nil {
            streak += 1
            offset += 1
        }

        return Stats(
            learner: learner, deckID: deckID, items: items, seen: currentCards.count,
            answers: answers.count,
            today: Stats.Period(
                answered: answeredToday.count,
                started: cards.count { $0.firstSeenAt >= day(0) },
                due: currentCards.count { $0.due < tomorrow }),
            week: Stats.Period(
                answered: answeredWeek.count,
                started: cards.count { $0.firstSeenAt >= weekStart },
                due: currentCards.count { $0.due < weekEnd }),
            retention: retention,
            skills: Skill.allCases.compactMap { skill in
                skills[skill].map { Stats.Mastery(name: skill.rawValue, share: $0) }
            },
            tags: tags.keys.sorted().map { Stats.Mastery(name: $0, share: tags[$0]!) },
            calibration: calibration,
            streak: streak,
            activity: (0..<activityDays).reversed().map { dayOffsets[$0] ?? 0 })
    }
}

/// What one item's answers add up to while the answers are scanned.
private struct ItemTally {
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
        let dayStart = calendar.startOfDay(for: StoredTime.date(micros))
        let next = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart
        start = StoredTime.micros(dayStart)
        end = StoredTime.micros(next)
        offset = calendar.dateComponents([.day], from: dayStart, to: today).day ?? 0
        return offset
    }
}
