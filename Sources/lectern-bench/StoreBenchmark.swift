import Foundation
import LecternCore
import LecternPostgres
import LecternPostgresServer
import LecternStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Times the progress store at classroom-library scale, on an SQLite file and on a
/// PostgreSQL server on loopback, through the one store interface (`ProgressStorage`), so
/// the same code measures both: 100,000 items in 20 decks, a year of daily study by one
/// learner (100,000 answers), then what a learner and a teacher wait for.
struct StoreBenchmark {
    var itemCount = 100_000
    var deckCount = 20
    var days = 365
    var answersPerDay = 274
    var runs = 15
    var answerRuns = 300
    var resultRuns = 5
    var newPerDay = 20
    var reviewsPerDay = 150

    /// One store's figures, in milliseconds.
    struct Figures {
        var answers = 0
        var fillSeconds = 0.0
        var answerP50 = 0.0
        var answerP99 = 0.0
        var dueQueue = 0.0
        var stats = 0.0
        var results = 0.0
        var resultRows = 0
    }

    func run() throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try ProgressStore(path: folder.appendingPathComponent("bench.sqlite3").path)
        let onFile = try measure(file)
        try file.close()
        var onServer: Figures?
        var serverNote = ""
        do {
            let server = try PostgresServer(durable: true)
            defer { server.stop() }
            let text = try server.makeDatabase()
            let address = try PostgresAddress.parse(text)
            let store = try PostgresStore(address: address, environment: [:])
            defer { try? store.close() }
            onServer = try measure(store)
            // What the commit's flush costs: the same answers with the server acknowledging
            // before its log is on the disk, as SQLite's WAL in NORMAL mode does.
            try server.psql(address.database, "ALTER DATABASE \(address.database) SET synchronous_commit = off")
            let unflushed = try PostgresStore(address: address, environment: [:])
            defer { try? unflushed.close() }
            let times = try answerTimes(unflushed, decks: makeDecks(), runs: answerRuns)
            serverNote =
                "PostgreSQL one committed answer with synchronous_commit off: p50 "
                + BenchSupport.format(Self.percentile(times, 0.5), 2) + " ms, p99 "
                + BenchSupport.format(Self.percentile(times, 0.99), 2) + " ms\n"
        } catch {
            serverNote = "PostgreSQL: not measured (\(error))\n"
        }
        return report(onFile, onServer) + serverNote
    }

    /// Fills `store` with a year of study, then times each operation.
    func measure(_ store: any ProgressStorage) throws -> Figures {
        var figures = Figures()
        let decks = makeDecks()
        let start = Date(timeIntervalSince1970: 1_735_722_000)  // 2025-01-01 09:00 UTC
        let sink = try store.sink(for: "bench")
        var random = SplitMix64(seed: 2026)
        figures.fillSeconds = try BenchSupport.seconds {
            figures.answers = try fill(store, learner: sink.learner, decks: decks, start: start, random: &random)
        }
        let now = start.addingTimeInterval(Double(days) * 86_400)
        figures.dueQueue = BenchSupport.median(
            try (0..<runs).map { _ in
                try BenchSupport.milliseconds {
                    _ = try store.dueQueue(
                        learner: "bench", decks: decks, now: now, newLimit: newPerDay, calendar: Self.calendar)
                }
            })
        let answerTimes = try answerTimes(store, decks: decks, runs: answerRuns)
        figures.answerP50 = Self.percentile(answerTimes, 0.50)
        figures.answerP99 = Self.percentile(answerTimes, 0.99)
        figures.stats = BenchSupport.median(
            try (0..<runs).map { _ in
                try BenchSupport.milliseconds {
                    _ = try store.stats(learner: "bench", decks: decks, deck: nil, now: now, calendar: Self.calendar)
                }
            })
        figures.results = BenchSupport.median(
            try (0..<resultRuns).map { _ in
                try BenchSupport.milliseconds {
                    figures.resultRows = try store.results(deck: nil, learners: ["bench"], since: nil).count
                }
            })
        return figures
    }

    /// Milliseconds of each of `runs` answers committed one at a time, to due items.
    private func answerTimes(_ store: any ProgressStorage, decks: [Deck], runs: Int) throws -> [Double] {
        let now = Date(timeIntervalSince1970: 1_735_722_000).addingTimeInterval(Double(days) * 86_400)
        var due = try store.dueQueue(
            learner: "bench", decks: decks, now: now, newLimit: newPerDay, calendar: Self.calendar)
        // A second round after the first answered today's queue: any items will do.
        if due.isEmpty {
            due = decks.flatMap { deck in deck.items.prefix(runs).map { ItemRef(deckID: deck.id, itemID: $0.id) } }
        }
        let sink = try store.sink(for: "bench")
        var random = SplitMix64(seed: 7)
        return try (0..<runs).map { index in
            let record = answer(
                due[index % due.count], mode: .review, at: now.addingTimeInterval(Double(index)), random: &random)
            return try BenchSupport.milliseconds { try sink.record(record) }
        }
    }

    /// A year of days: each day the due queue is answered (study, every tenth a drill, as a
    /// learner would), then drills of today's items make up the day's answers; one commit a day.
    private func fill(
        _ store: any ProgressStorage, learner: Learner, decks: [Deck], start: Date, random: inout SplitMix64
    ) throws -> Int {
        var answered = 0
        for day in 0..<days {
            let now = start.addingTimeInterval(Double(day) * 86_400)
            let queue = try store.dueQueue(
                learner: "bench", decks: decks, now: now, newLimit: newPerDay, calendar: Self.calendar)
            let today = Array(queue.prefix(reviewsPerDay + newPerDay))
            var batch: [AnswerRecord] = []
            for index in 0..<answersPerDay {
                let isQueued = index < today.count
                let ref = isQueued ? today[index] : (today.isEmpty ? queue[0] : today[index % today.count])
                let mode: AnswerRecord.Mode = isQueued && index % 10 != 9 ? .study : .drill
                batch.append(answer(ref, mode: mode, at: now.addingTimeInterval(Double(index) * 20), random: &random))
            }
            try store.record(contentsOf: batch, for: learner)
            answered += batch.count
        }
        return answered
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// The value below which `fraction` of the samples fall (nearest rank).
    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    private func report(_ file: Figures, _ server: Figures?) -> String {
        var out = "store: \(itemCount) items in \(deckCount) decks, one learner, \(file.answers) answers over "
        out += "\(days) days; SQLite file filled in \(BenchSupport.format(file.fillSeconds, 1)) s"
        if let server { out += ", PostgreSQL (loopback, fsync on) in \(BenchSupport.format(server.fillSeconds, 1)) s" }
        out += "\n"
        out += "operation                          SQLite ms   PostgreSQL ms   target ms   SQLite   PostgreSQL\n"
        let rows: [(String, KeyPath<Figures, Double>, Double?)] = [
            ("one committed answer, p50 (\(answerRuns))", \.answerP50, nil),
            ("one committed answer, p99 (\(answerRuns))", \.answerP99, 5),
            ("due queue, median (\(runs))", \.dueQueue, 50),
            ("stats, median (\(runs))", \.stats, 200),
            ("results, \(file.resultRows) answers (\(resultRuns))", \.results, nil),
        ]
        for (name, path, target) in rows {
            let verdict: (Double) -> String = { value in target.map { value <= $0 ? "met" : "MISSED" } ?? "-" }
            out += pad(name, 34) + padLeft(BenchSupport.format(file[keyPath: path], 2), 10)
            out += padLeft(server.map { BenchSupport.format($0[keyPath: path], 2) } ?? "-", 16)
            out += padLeft(target.map { BenchSupport.format($0, 0) } ?? "-", 12)
            out += padLeft(verdict(file[keyPath: path]), 9)
            out += padLeft(server.map { verdict($0[keyPath: path]) } ?? "-", 13) + "\n"
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
