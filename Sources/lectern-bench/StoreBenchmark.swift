import Foundation
import LecternCore
import LecternStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Times the progress store at classroom-library scale: 100,000 items in 20 decks and a
/// year of daily study by one learner, then the three things a learner waits for.
struct StoreBenchmark {
    var itemCount = 100_000
    var deckCount = 20
    var days = 365
    var runs = 15
    var newPerDay = 20
    var reviewsPerDay = 150

    func run() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ProgressStore(path: folder.appendingPathComponent("bench.sqlite3").path)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let decks = makeDecks()
        let start = Date(timeIntervalSince1970: 1_735_722_000)  // 2025-01-01 09:00 UTC
        let sink = try store.sink(for: "bench")

        let fillStarted = ContinuousClock.now
        var random = SplitMix64(seed: 2026)
        var answered = 0
        for day in 0..<days {
            let now = start.addingTimeInterval(Double(day) * 86_400)
            let queue = try store.dueQueue(
                learner: "bench", decks: decks, now: now, newLimit: newPerDay, calendar: calendar)
            var batch: [AnswerRecord] = []
            for (index, ref) in queue.prefix(reviewsPerDay + newPerDay).enumerated() {
                batch.append(
                    answer(
                        ref, mode: index % 10 == 9 ? .drill : .study,
                        at: now.addingTimeInterval(Double(index) * 20), random: &random))
            }
            try store.record(contentsOf: batch, for: sink.learner)
            answered += batch.count
        }
        let fill = ContinuousClock.now - fillStarted

        let now = start.addingTimeInterval(Double(days) * 86_400)
        let queueTimes = try (0..<runs).map { _ in
            try BenchSupport.milliseconds {
                _ = try store.dueQueue(
                    learner: "bench", decks: decks, now: now, newLimit: newPerDay,
                    calendar: calendar)
            }
        }
        let due = try store.dueQueue(
            learner: "bench", decks: decks, now: now, newLimit: newPerDay, calendar: calendar)
        let answerTimes = try (0..<runs).map { index in
            let record = answer(
                due[index % due.count], mode: .review,
                at: now.addingTimeInterval(Double(index)), random: &random)
            return try BenchSupport.milliseconds { try sink.record(record) }
        }
        let statsTimes = try (0..<runs).map { _ in
            try BenchSupport.milliseconds {
                _ = try store.stats(learner: "bench", decks: decks, now: now, calendar: calendar)
            }
        }

        let rows = [
            ("due queue", BenchSupport.median(queueTimes), 50.0),
            ("one committed answer", BenchSupport.median(answerTimes), 5.0),
            ("stats", BenchSupport.median(statsTimes), 200.0),
        ]
        let fillSeconds = BenchSupport.format(BenchSupport.seconds(fill), 1)
        var out = "store: \(itemCount) items in \(deckCount) decks, "
        out += "\(answered) answers over \(days) days (filled in \(fillSeconds) s), "
        out += "median of \(runs) runs\n"
        out += "operation               median ms   target ms   ratio\n"
        for (name, value, target) in rows {
            out +=
                pad(name, 22) + padLeft(BenchSupport.format(value, 2), 11)
                + padLeft(BenchSupport.format(target, 0), 12)
                + padLeft(BenchSupport.format(value / target, 2), 8)
                + "\n"
        }
        let peak = BenchSupport.format(BenchSupport.peakMemoryMiB(), 1)
        out += "peak memory (maxrss): \(peak) MiB\n"
        return out
    }

    private func makeDecks() -> [Deck] {
        let perDeck = itemCount / deckCount
        let skills = Skill.allCases
        return (0..<deckCount).map { deckIndex in
            let here = SourceLocation(file: "bench-\(deckIndex).yaml", line: 1, column: 1)
            let items = (0..<perDeck).map { index in
                Item(
                    id: "item-\(index)", skill: skills[index % skills.count],
                    tags: ["tag-\(index % 12)"], prompt: "Statement \(index) holds.",
                    body: .truefalse(answer: index % 2 == 0), location: here)
            }
            return Deck(
                id: "bench-\(deckIndex)", title: "Bench \(deckIndex)", items: items,
                path: here.file, location: here)
        }
    }

    private func answer(
        _ ref: ItemRef, mode: AnswerRecord.Mode, at date: Date, random: inout SplitMix64
    ) -> AnswerRecord {
        let roll = random.next() % 100
        let rating: Rating = roll < 10 ? .again : roll < 15 ? .hard : roll < 95 ? .good : .easy
        return AnswerRecord(
            deckID: ref.deckID, itemID: ref.itemID, mode: mode, answeredAt: date,
            answer: rating == .again ? "false" : "true", score: rating == .again ? 0 : 1,
            rating: rating, confidence: Int(roll % 4) + 1, duration: Double(roll % 30) + 2)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        TextColumns.padRight(text, width, minimumGap: 1)
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        TextColumns.padLeft(text, width)
    }
}
