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
