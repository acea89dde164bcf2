import Foundation
import LecternCore

/// Fixed instants and a UTC calendar, so day boundaries do not depend on the machine.
enum Clock {
    /// 2026-03-02 09:00:00 UTC, a Monday.
    static let start = Date(timeIntervalSince1970: 1_772_442_000)

    static func at(days: Double = 0, hours: Double = 0, minutes: Double = 0) -> Date {
        start.addingTimeInterval(days * 86_400 + hours * 3_600 + minutes * 60)
    }

    static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }
}

/// A deck of `truefalse` items with the given ids, skills and tags.
func deck(
    _ id: String, items: [(id: String, skill: Skill?, tags: [String])]
) -> Deck {
    let here = SourceLocation(file: "\(id).yaml", line: 1, column: 1)
    return Deck(
        id: id, title: id,
        items: items.map {
            Item(
                id: $0.id, skill: $0.skill, tags: $0.tags, prompt: "?",
                body: .truefalse(answer: true), location: here)
        },
        path: "\(id).yaml", location: here)
}
