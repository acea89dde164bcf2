import Foundation
import LecternCore

/// The FSRS-6 scheduler's throughput beside the reference Python implementation's, on the
/// same review histories through the same replay contract (JSON lines in and out).
struct SchedulerBenchmark {
    var histories = 2_000
    var reviewsPerHistory = 25
    var runs = 5

    func run() throws -> String {
        let (input, reviews) = makeHistories()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-bench-fsrs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("histories.jsonl")
        try input.write(to: file, atomically: true, encoding: .utf8)

        var swiftErrors = 0
        let swiftTimes = (0..<runs).map { _ in
            BenchSupport.seconds { swiftErrors = FSRSReplay.run(input: input).errors.count }
        }
        let swift = BenchSupport.median(swiftTimes)

        var out = "FSRS-6 scheduler: \(histories) histories, \(reviews) reviews (replay: JSON lines in and out)\n"
        out += "  Swift (FSRSReplay)       \(BenchSupport.format(swift, 3)) s  \(rate(reviews, swift)) reviews/s"
        out += swiftErrors == 0 ? "\n" : "  (\(swiftErrors) bad lines!)\n"

        let python = BenchSupport.packageRoot.appendingPathComponent(".venv/bin/python")
        let script = BenchSupport.packageRoot.appendingPathComponent("Tests/reference/fsrs_replay.py")
        guard FileManager.default.isExecutableFile(atPath: python.path),
            try BenchSupport.run(python, ["-c", "import fsrs"]) == 0
        else {
            return out
                + "  Python reference skipped: .venv/bin/python with fsrs is missing (run make test or scripts/setup.sh)\n\n"
        }
        // Interpreter start and `import fsrs` are timed apart and taken off, so the ratio
        // compares scheduling, not start-up.
        let startup = BenchSupport.median(
            try (0..<runs).map { _ in
                try BenchSupport.seconds { _ = try BenchSupport.run(python, [script.path, "/dev/null"]) }
            })
        let whole = BenchSupport.median(
            try (0..<runs).map { _ in
                try BenchSupport.seconds { _ = try BenchSupport.run(python, [script.path, file.path]) }
            })
        let reference = max(whole - startup, 1e-9)
        out +=
            "  Python (fsrs reference)  \(BenchSupport.format(reference, 3)) s  \(rate(reviews, reference)) reviews/s"
        out += "  (start-up \(BenchSupport.format(startup, 3)) s taken off)\n"
        out += "  ratio: Swift is \(BenchSupport.format(reference / swift, 1))× the reference's throughput\n\n"
        return out
    }

    private func rate(_ reviews: Int, _ seconds: Double) -> String {
        String(Int((Double(reviews) / seconds).rounded()))
    }

    /// Seeded histories of new cards: mixed ratings, reviews minutes to months apart.
    private func makeHistories() -> (String, Int) {
        var random = SplitMix64(seed: 6)
        let formatter = ISO8601DateFormatter()
        var lines: [String] = []
        var total = 0
        for id in 0..<histories {
            var time = Date(timeIntervalSince1970: 1_767_225_600 + Double(random.next() % 31_536_000))
            var reviews: [String] = []
            for _ in 0..<reviewsPerHistory {
                let rating = [1, 2, 3, 3, 3, 4][Int(random.next() % 6)]
                reviews.append(#"{"rating": \#(rating), "time": "\#(formatter.string(from: time))"}"#)
                let gaps: [Double] = [60, 600, 3_600, 86_400, 3 * 86_400, 14 * 86_400, 60 * 86_400]
                time.addTimeInterval(gaps[Int(random.next() % UInt64(gaps.count))])
            }
            total += reviews.count
            lines.append(#"{"id": \#(id), "reviews": [\#(reviews.joined(separator: ", "))]}"#)
        }
        return (lines.joined(separator: "\n") + "\n", total)
    }
}
