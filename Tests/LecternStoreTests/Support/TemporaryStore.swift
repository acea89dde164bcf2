import Foundation
import LecternCore
import Testing

@testable import LecternStore

/// A fresh folder per test, removed when the test ends, so every test gets its own file.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String = "progress.sqlite3") -> String {
        url.appendingPathComponent(name).path
    }
}

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

func answer(
    _ item: String, deck: String = "logic", mode: AnswerRecord.Mode = .study, at date: Date,
    rating: Rating = .good, score: Double? = nil, text: String = "a", hints: Int = 0,
    confidence: Int? = nil, duration: TimeInterval = 10, skipped: Bool = false
) -> AnswerRecord {
    AnswerRecord(
        deckID: deck, itemID: item, mode: mode, answeredAt: date, answer: text,
        score: score ?? (rating == .again ? 0 : 1), rating: rating, hintsUsed: hints,
        confidence: confidence, duration: duration, skipped: skipped)
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

func deck(_ id: String, ids: [String]) -> Deck {
    deck(id, items: ids.map { (id: $0, skill: nil, tags: []) })
}
