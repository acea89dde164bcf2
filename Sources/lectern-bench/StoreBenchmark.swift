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
        calendar.timeZone = TimeZone(identifier: "UTC")!
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
            try time {
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
            return try time { try sink.record(record) }
        }
        let statsTimes = try (0..<runs).map { _ in
            try time {
                _ = try store.stats(learner: "bench", decks: decks, now: now, calendar: calendar)
            }
        }

        let rows = [
            ("due queue", median(queueTimes), 50.0),
            ("one committed answer", median(answerTimes), 5.0),
            ("stats", median(statsTimes), 200.0),
        ]
        let fillSeconds = format(milliseconds(fill) / 1000, digits: 1)
        var out = "store: \(itemCount) items in \(deckCount) decks, "
        out += "\(answered) answers over \(days) days (filled in \(fillSeconds) s), "
        out += "median of \(runs) runs\n"
        out += "operation               median ms   target ms   ratio\n"
        for (name, value, target) in rows {
            out +=
                pad(name, 22) + padLeft(format(value, digits: 2), 11)
                + padLeft(format(target, digits: 0), 12)
                + padLeft(format(value / target, digits: 2), 8)
                + "\n"
        }
        let peak = format(Double(peakResidentKilobytes()) / 1024, digits: 1)
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

    private func time(_ body: () throws -> Void) rethrows -> Double {
        let started = ContinuousClock.now
        try body()
        return milliseconds(ContinuousClock.now - started)
    }

    private func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private func peakResidentKilobytes() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss) / 1024  // bytes on Darwin
        #else
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Int(usage.ru_maxrss)  // kilobytes on Linux
        #endif
    }

    private func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    private func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
