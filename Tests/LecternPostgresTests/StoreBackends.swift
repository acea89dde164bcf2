import Foundation
import LecternCore
import LecternStore
import LecternPostgresServer
import LecternTestSupport
import Testing

@testable import LecternPostgres

/// The two databases a store can live in; the contract tests run on each.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind, and what keeps its file or database alive.
    func makeStore(clock: @escaping @Sendable () -> Date = { Clock.start }) throws -> OpenStore {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("lectern-pg-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try ProgressStore(path: folder.appendingPathComponent("progress.sqlite3").path, clock: clock)
            return OpenStore(store: store, location: store.path, folder: folder)
        case .postgres:
            let address = try PostgresServer.shared().makeDatabase()
            let store = try PostgresStore(address: try PostgresAddress.parse(address), environment: [:], clock: clock)
            return OpenStore(store: store, location: address, folder: nil)
        }
    }
}

/// A store opened for one test; its folder (SQLite) is removed when the test lets it go.
final class OpenStore {
    let store: any ProgressStorage
    /// The file path or the `postgres://` address.
    let location: String
    private let folder: URL?

    init(store: any ProgressStorage, location: String, folder: URL?) {
        self.store = store
        self.location = location
        self.folder = folder
    }

    deinit {
        try? store.close()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}

func answer(
    _ item: String, deck: String = "logic", mode: AnswerRecord.Mode = .study, at date: Date,
    rating: Rating = .good, text: String = "a", confidence: Int? = nil, duration: TimeInterval = 10,
    changesRating: Bool = false
) -> AnswerRecord {
    AnswerRecord(
        deckID: deck, itemID: item, mode: mode, answeredAt: date, answer: text,
        score: rating == .again ? 0 : 1, rating: rating, confidence: confidence, duration: duration,
        changesRating: changesRating)
}
