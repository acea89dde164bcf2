import Foundation
import Testing

@testable import LecternCore

// Expected figures marked "reference" were printed by the `fsrs` Python
// package 6.3.2 (Scheduler(enable_fuzzing=False)) for the same inputs.

private let t0 = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
private let minute: TimeInterval = 60
private let hour: TimeInterval = 3600
private let day: TimeInterval = 86_400

private func isClose(_ a: Double?, _ b: Double, relative: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= relative * max(abs(a), abs(b))
}

private func reviewCard(stability: Double, difficulty: Double, lastReview: Date) -> CardState {
    CardState(
        phase: .review, step: nil, stability: stability, difficulty: difficulty,
        due: lastReview, lastReview: lastReview, reps: 3, lapses: 0)
}

@Suite("FSRS scheduler")
struct FSRSSchedulerTests {
    let scheduler = FSRSScheduler()

    @Test(
        "first review of each rating",
        arguments: [
            (Rating.again, 0.212, 6.4133, CardPhase.learning, 0 as Int?, 60.0),
            (Rating.hard, 1.2931, 5.112170705601056, CardPhase.learning, 0, 330.0),
            (Rating.good, 2.3065, 2.118103970459016, CardPhase.learning, 1, 600.0),
            (Rating.easy, 8.2956, 1.0, CardPhase.review, nil, 8 * 86_400.0),
        ])
    func firstReview(
        rating: Rating, stability: Double, difficulty: Double, phase: CardPhase, step: Int?,
        delay: TimeInterval
    ) {
        let card = scheduler.review(.new(now: t0), rating: rating, at: t0)
        #expect(card.stability == stability)
        #expect(isClose(card.difficulty, difficulty))
        #expect(card.phase == phase)
        #expect(card.step == step)
        #expect(card.due == t0.addingTimeInterval(delay))
        #expect(card.lastReview == t0)
        #expect(card.reps == 1)
        #expect(card.lapses == 0)
    }

    @Test func newCardIsDueNowAndUnreviewed() {
        let card = CardState.new(now: t0)
        #expect(card.phase == .learning && card.step == 0 && card.isNew)
        #expect(card.stability == nil && card.difficulty == nil && card.due == t0)
        #expect(scheduler.retrievability(of: card, at: t0.addingTimeInterval(day)) == 0)
    }

    @Test func learningStepsAgainHardGood() {
        var card = scheduler.review(.new(now: t0), rating: .good, at: t0)  // step 1, due +10 min
        var now = card.due
        card = scheduler.review(card, rating: .hard, at: now)  // hard on a later step repeats it
        #expect(card.phase == .learning && card.step == 1)
        #expect(card.due == now.addingTimeInterval(10 * minute))
        now = card.due
        card = scheduler.review(card, rating: .again, at: now)
        #expect(card.phase == .learning && card.step == 0)
        #expect(card.due == now.addingTimeInterval(minute))
        now = card.due
        card = scheduler.review(card, rating: .hard, at: now)  // hard on step 0: mean of 1 and 10 min
        #expect(card.step == 0 && card.due == now.addingTimeInterval(5.5 * minute))
        now = card.due
        card = scheduler.review(card, rating: .good, at: now)
        #expect(card.step == 1 && card.due == now.addingTimeInterval(10 * minute))
        now = card.due
        card = scheduler.review(card, rating: .good, at: now)
        #expect(card.phase == .review && card.step == nil)
        #expect(card.due == now.addingTimeInterval(Double(scheduler.intervalDays(stability: card.stability!)) * day))
        #expect(card.reps == 6 && card.lapses == 0)
    }

    @Test func goodGoodGraduatesInTwoDays() {
        // reference: S 2.3065 (same-day success never lowers it), D 2.111214235785395, due +2 days
        let first = scheduler.review(.new(now: t0), rating: .good, at: t0)
        let now = t0.addingTimeInterval(10 * minute)
        let card = scheduler.review(first, rating: .good, at: now)
        #expect(card.stability == 2.3065)
        #expect(isClose(card.difficulty, 2.111214235785395))
        #expect(card.phase == .review)
        #expect(card.due == now.addingTimeInterval(2 * day))
    }

    @Test func lapseGoesThroughRelearning() {
        let first = scheduler.review(.new(now: t0), rating: .good, at: t0)
        let graduated = scheduler.review(first, rating: .good, at: t0.addingTimeInterval(10 * minute))
        let lapseTime = graduated.due
        let lapsed = scheduler.review(graduated, rating: .again, at: lapseTime)
        // reference: S 0.6077016626638644, D 7.392238132342694, relearning step 0, +10 min
        #expect(isClose(lapsed.stability, 0.6077016626638644))
        #expect(isClose(lapsed.difficulty, 7.392238132342694))
        #expect(lapsed.phase == .relearning && lapsed.step == 0)
        #expect(lapsed.due == lapseTime.addingTimeInterval(10 * minute))
        #expect(lapsed.lapses == 1 && lapsed.reps == 3)

        let hardTime = lapseTime.addingTimeInterval(10 * minute)
        let hard = scheduler.review(lapsed, rating: .hard, at: hardTime)
        // reference: hard on the single relearning step waits 1.5 × 10 min
        #expect(isClose(hard.difficulty, 8.254074519842886))
        #expect(hard.phase == .relearning && hard.step == 0)
        #expect(hard.due == hardTime.addingTimeInterval(15 * minute))

        let good = scheduler.review(hard, rating: .good, at: hard.due)
        // reference: S 0.6597976257475758, D 8.24104881461988, back to review in 1 day
        #expect(isClose(good.stability, 0.6597976257475758))
        #expect(isClose(good.difficulty, 8.24104881461988))
        #expect(good.phase == .review && good.step == nil)
        #expect(good.due == hard.due.addingTimeInterval(day))
        #expect(good.lapses == 1)

        let again = scheduler.review(lapsed, rating: .again, at: hardTime)
        #expect(again.lapses == 1, "again while relearning is not another lapse")
    }

    @Test func sameDayReviewUsesShortTermStability() {
        let card = reviewCard(stability: 2.3065, difficulty: 2.111214235785395, lastReview: t0)
        // 23 h 59 min later is still "the same day": whole elapsed days = 0
        let sameDay = scheduler.review(card, rating: .good, at: t0.addingTimeInterval(day - minute))
        #expect(sameDay.stability == 2.3065)
        #expect(isClose(sameDay.difficulty, 2.1043313908464483))
        #expect(sameDay.due == t0.addingTimeInterval(day - minute + 2 * day))
        // two days later: long-term formula (reference at due: S 10.971048263078135, 11 days)
        let atDue = scheduler.review(card, rating: .good, at: t0.addingTimeInterval(2 * day))
        #expect(isClose(atDue.stability, 10.971048263078135))
        #expect(atDue.due == t0.addingTimeInterval(13 * day))
        // a same-day again can lower stability
        let forgot = scheduler.review(card, rating: .again, at: t0.addingTimeInterval(hour))
        #expect(forgot.stability! < 2.3065)
    }

    @Test func retrievabilityCountsWholeDays() {
        let card = reviewCard(stability: 2.3065, difficulty: 2.1, lastReview: t0)
        #expect(scheduler.retrievability(of: card, at: t0) == 1)
        #expect(scheduler.retrievability(of: card, at: t0.addingTimeInterval(day - 1)) == 1)
        #expect(scheduler.retrievability(of: card, at: t0.addingTimeInterval(-day)) == 1)
        // reference: 0.9094932559773545 two days after
        #expect(isClose(scheduler.retrievability(of: card, at: t0.addingTimeInterval(2 * day)), 0.9094932559773545))
        let atStability = reviewCard(stability: 10, difficulty: 5, lastReview: t0)
        #expect(isClose(scheduler.retrievability(of: atStability, at: t0.addingTimeInterval(10 * day)), 0.9))
    }

    @Test func intervalIsClampedToMaximum() throws {
        let card = reviewCard(stability: 1e6, difficulty: 5, lastReview: t0.addingTimeInterval(-10 * day))
        let reviewed = scheduler.review(card, rating: .good, at: t0)
        // reference: S 1000004.6990733619, due in 36 500 days
        #expect(isClose(reviewed.stability, 1_000_004.6990733619))
        #expect(reviewed.due == t0.addingTimeInterval(36_500 * day))
        let short = FSRSScheduler(parameters: try FSRSParameters(maximumInterval: 30))
        #expect(short.review(card, rating: .good, at: t0).due == t0.addingTimeInterval(30 * day))
        #expect(scheduler.intervalDays(stability: 0.001) == 1)
        #expect(scheduler.intervalDays(stability: .infinity) == 36_500)
    }

    @Test func intervalsRoundHalfToEven() {
        // With retention 0.9 the interval is S up to rounding error.
        #expect(scheduler.intervalDays(stability: 2.4) == 2)
        #expect(scheduler.intervalDays(stability: 2.6) == 3)
        #expect(scheduler.fuzzRange(days: 3) == 2...4)
        // reference: fuzzed 3 → 2…5, 100 → 93…108, 36 500 → 34 673…36 500
        #expect(scheduler.fuzzRange(days: 100) == 93...107)
        #expect(scheduler.fuzzRange(days: 36_500) == 34_673...36_500)
        #expect(scheduler.fuzzedDays(3, unit: 0) == 2 && scheduler.fuzzedDays(3, unit: 0.999_999) == 5)
        #expect(scheduler.fuzzedDays(100, unit: 0) == 93 && scheduler.fuzzedDays(100, unit: 0.999_999) == 108)
    }

    @Test func fuzzIsDeterministicAndStaysInRange() {
        let card = reviewCard(stability: 50, difficulty: 5, lastReview: t0.addingTimeInterval(-50 * day))
        let plain = scheduler.review(card, rating: .good, at: t0)
        let plainDays = Int((plain.due.timeIntervalSince(t0) / day).rounded())
        let range = scheduler.fuzzRange(days: plainDays)
        var seen = Set<Int>()
        for seed in UInt64(0)..<500 {
            let fuzzed = FSRSScheduler(fuzz: FuzzSource(seed: seed))
            let first = fuzzed.review(card, rating: .good, at: t0)
            let second = fuzzed.review(card, rating: .good, at: t0)
            #expect(first == second)
            #expect(first.stability == plain.stability && first.difficulty == plain.difficulty)
            let days = first.due.timeIntervalSince(t0) / day
            #expect(days == days.rounded(), "fuzz keeps whole days")
            // as in the reference, rounding the draw can reach one day past the range
            #expect(range.lowerBound <= Int(days) && Int(days) <= range.upperBound + 1)
            seen.insert(Int(days))
        }
        #expect(seen.count >= range.count - 1, "draws spread over the range: \(seen.sorted())")

        // different cards, instants and seeds draw differently; the same ones draw the same
        let source = FuzzSource(seed: 7)
        #expect(source.mixing(1) != source.mixing(2))
        #expect(source.unit(reps: 3, atMicros: 10) == source.unit(reps: 3, atMicros: 10))
        #expect(source.unit(reps: 3, atMicros: 10) != source.unit(reps: 4, atMicros: 10))
        for micros in Int64(0)..<1000 {
            let unit = source.unit(reps: 0, atMicros: micros)
            #expect(unit >= 0 && unit < 1)
        }
    }

    @Test func fuzzLeavesShortIntervalsAndStepsAlone() {
        let fuzzed = FSRSScheduler(fuzz: FuzzSource(seed: 99))
        for seed in UInt64(0)..<50 {
            let scheduler = FSRSScheduler(fuzz: FuzzSource(seed: seed))
            let card = scheduler.review(.new(now: t0), rating: .good, at: t0)
            #expect(card.due == t0.addingTimeInterval(10 * minute))
            // a same-day good keeps S = 2.4, so the interval stays 2 days: too short to fuzz
            let short = reviewCard(stability: 2.4, difficulty: 5, lastReview: t0.addingTimeInterval(-hour))
            let reviewed = scheduler.review(short, rating: .good, at: t0)
            #expect(reviewed.due == t0.addingTimeInterval(2 * day))
        }
        for days in 1...2 {
            #expect(fuzzed.fuzzedDays(days, unit: 0.999) == days)
        }
        #expect(fuzzed.fuzzedDays(36_500, unit: 0.999_999) == 36_500)
    }

    @Test func parametersAreValidated() throws {
        #expect(FSRSParameters.default.weights == FSRSParameters.defaultWeights)
        #expect(FSRSParameters.default.weights.count == 21)
        #expect(FSRSParameters.default.desiredRetention == 0.9)
        #expect(FSRSParameters.default.learningSteps == [60, 600])
        #expect(FSRSParameters.default.relearningSteps == [600])
        #expect(FSRSParameters.default.maximumInterval == 36_500)
        #expect(try FSRSParameters() == FSRSParameters.default)
        #expect(throws: FSRSParameters.ValidationError.self) {
            try FSRSParameters(weights: Array(FSRSParameters.defaultWeights.prefix(19)))
        }
        var weights = FSRSParameters.defaultWeights
        weights[20] = 0.9
        #expect(throws: FSRSParameters.ValidationError.self) { try FSRSParameters(weights: weights) }
        #expect(throws: FSRSParameters.ValidationError.self) { try FSRSParameters(desiredRetention: 1) }
        #expect(throws: FSRSParameters.ValidationError.self) { try FSRSParameters(learningSteps: [0]) }
        #expect(throws: FSRSParameters.ValidationError.self) { try FSRSParameters(maximumInterval: 0) }
    }

    @Test func ratingNamesAndOrder() {
        #expect(Rating.allCases.map(\.name) == ["again", "hard", "good", "easy"])
        #expect(Rating.allCases.map(\.rawValue) == [1, 2, 3, 4])
        #expect(Rating.again < .hard && Rating.good < .easy)
    }

    @Test func cardStateRoundTripsThroughCodable() throws {
        let card = scheduler.review(.new(now: t0), rating: .hard, at: t0)
        let data = try JSONEncoder().encode(card)
        #expect(try JSONDecoder().decode(CardState.self, from: data) == card)
    }

    @Test func microsecondArithmetic() {
        #expect(Microseconds.floorDivide(-1, 86_400_000_000) == -1)
        #expect(Microseconds.floorDivide(86_399_999_999, 86_400_000_000) == 0)
        #expect(Microseconds.halvedToEven(5) == 2 && Microseconds.halvedToEven(7) == 4)
        #expect(Microseconds.halvedToEven(660_000_000) == 330_000_000)
        // instants with odd microseconds survive the trip through Date, even a century ahead
        for micros: Int64 in [1_767_225_600_000_001, 4_922_899_199_999_999, -1, 0] {
            #expect(Microseconds.since1970(Microseconds.date(micros)) == micros)
        }
        let start = Microseconds.date(1_767_225_600_123_457)
        #expect(Microseconds.wholeDays(from: start, to: start.addingTimeInterval(day - 0.000_001)) == 0)
        #expect(
            Microseconds.wholeDays(from: start, to: Microseconds.date(1_767_225_600_123_457 + 86_400_000_000))
                == 1)
    }
}

@Suite("FSRS replay")
struct FSRSReplayTests {
    @Test func replaysOneHistoryWithFixedKeyOrder() {
        let input = #"{"id": 7, "reviews": [{"rating": 3, "time": "2026-01-01T00:00:00Z"}]}"#
        let result = FSRSReplay.run(input: input, fuzzSeed: nil)
        #expect(result.errors.isEmpty)
        #expect(
            result.output == [
                #"{"id": 7, "states": [{"stability": 2.3065, "difficulty": 2.118103970459016, "state": "learning", "interval_days": 0.006944444444444444, "due": "2026-01-01T00:10:00Z"}]}"#
            ])
    }

    @Test func reportsBadLinesByNumberAndKeepsGoing() {
        let input = """
            {"id": 1, "reviews": [{"rating": 4, "time": "2026-01-01T00:00:00Z"}]}

            {"id": 2, "reviews": [{"rating": 3, "time": "2026-01-01T00:00:00Z"}, {"rating": 7, "time": "2026-01-02T00:00:00Z"}]}
            not json
            {"id": 3, "reviews": [{"rating": 3, "time": "yesterday"}]}
            {"id": 4, "reviews": [{"rating": 3, "time": "2026-01-02T00:00:00Z"}, {"rating": 3, "time": "2026-01-01T00:00:00Z"}]}
            {"id": 5, "reviews": [{"rating": 3}]}
            {"reviews": []}
            {"id": 6, "reviews": [{"rating": 4, "time": "9999-12-30T00:00:00Z"}]}
              \t
            {"id": 8, "reviews": []}
            {"id": 9, "reviews": [{"rating": 1, "time": "2026-01-01T01:00:00+01:00"}]}
            """
        let result = FSRSReplay.run(input: input, fuzzSeed: nil)
        #expect(
            result.errors == [
                "line 3: rating must be 1, 2, 3 or 4, got 7 (review 2)",
                "line 4: not valid JSON",
                #"line 5: time must be a timestamp like 2026-01-01T00:00:00Z, got "yesterday" (review 1)"#,
                "line 6: time goes backwards: 2026-01-01T00:00:00Z is before 2026-01-02T00:00:00Z (review 2)",
                #"line 7: missing field "time" (review 1)"#,
                #"line 8: missing field "id""#,
                "line 9: due date is past year 9999 (review 1)",
            ])
        #expect(result.output.count == 3)
        #expect(
            result.output[0].hasPrefix(
                #"{"id": 1, "states": [{"stability": 8.2956, "difficulty": 1.0, "state": "review", "interval_days": 8.0, "due": "2026-01-09T00:00:00Z"}"#
            ))
        #expect(result.output[1] == #"{"id": 8, "states": []}"#)
        #expect(result.output[2].hasSuffix(#""due": "2026-01-01T00:01:00Z"}]}"#))
    }

    @Test func timestampsParseAndFormat() {
        typealias Stamp = FSRSReplay.Timestamp
        #expect(Stamp.parse("1970-01-01T00:00:00Z") == 0)
        #expect(Stamp.parse("2026-01-01T00:00:00Z") == 1_767_225_600_000_000)
        #expect(Stamp.parse("2026-01-01T05:30:00.25+05:30") == 1_767_225_600_250_000)
        #expect(Stamp.parse("2024-02-29T23:59:59.999999Z") == 1_709_251_199_999_999)
        for bad in [
            "2025-02-29T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00",
            "2026-01-01 00:00:00Z", "2026-01-01T00:00:00.Z", "0001-01-01T00:00:00+00:01",
        ] {
            #expect(Stamp.parse(bad) == nil, "\(bad)")
        }
        #expect(Stamp.format(1_767_225_600_000_000) == "2026-01-01T00:00:00Z")
        #expect(Stamp.format(1_709_251_199_999_999) == "2024-02-29T23:59:59.999999Z")
        #expect(Stamp.format(-1) == "1969-12-31T23:59:59.999999Z")
        #expect(Stamp.format(Stamp.latest) == "9999-12-31T23:59:59.999999Z")
        #expect(Stamp.format(Stamp.earliest) == "0001-01-01T00:00:00Z")
    }

    @Test func jsonReaderIsStrict() throws {
        typealias JSON = FSRSReplay.JSON
        let value = try JSON.parse(#" {"a": [1, -2.5e3, true, null], "b": "x\"\u00e9\ud83d\ude00", "a": 0} "#)
        #expect(value["a"] == .number("0"))
        #expect(value["b"] == .string("x\"é😀"))
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"\u{01}\"", "NaN", "[1] x"] {
            #expect(throws: JSON.SyntaxError.self, "\(bad)") { try JSON.parse(bad) }
        }
    }
}

// MARK: - Cross-check against the reference implementation

/// Review histories for the cross-check, from a seeded SplitMix64: mixed
/// ratings, reviews at the same instant, minutes apart, straddling the
/// 24-hour boundary, before the due date, at it, long after it, and years apart;
/// some instants carry microseconds.
private func generatedHistories(count: Int, seed: UInt64) -> (input: String, reviews: Int) {
    var random = SplitMix64(seed: seed)
    let scheduler = FSRSScheduler()
    var lines: [String] = []
    var total = 0
    for id in 0..<count {
        var micros = 1_767_225_600_000_000 + Int64.random(in: 0..<(365 * 86_400), using: &random) * 1_000_000
        if Bool.random(using: &random) { micros += Int64.random(in: 0..<1_000_000, using: &random) }
        var card: CardState?
        var reviews: [String] = []
        for _ in 0..<Int.random(in: 1...30, using: &random) {
            let ratingRoll = Int.random(in: 0..<10, using: &random)
            let rating: Rating = ratingRoll < 2 ? .again : ratingRoll < 3 ? .hard : ratingRoll < 8 ? .good : .easy
            reviews.append(#"{"rating": \#(rating.rawValue), "time": "\#(FSRSReplay.Timestamp.format(micros))"}"#)
            let now = Microseconds.date(micros)
            let reviewed = scheduler.review(card ?? .new(now: now), rating: rating, at: now)
            card = reviewed
            let interval = Microseconds.since1970(reviewed.due) - micros
            let gap: Int64
            switch Int.random(in: 0..<12, using: &random) {
            case 0: gap = 0
            case 1: gap = Int64.random(in: 1...(20 * 60), using: &random) * 1_000_000
            case 2: gap = Int64.random(in: 1...(23 * 3600), using: &random) * 1_000_000
            case 3:
                let edges: [Int64] = [86_399_999_999, 86_400_000_000, 86_400_000_001, 172_799_999_999]
                gap = edges[Int.random(in: edges.indices, using: &random)]
            case 4, 5: gap = interval  // exactly on time
            case 6: gap = Int64(Double(interval) * Double.random(in: 0.2..<1, using: &random))  // early
            case 7, 8:  // late, by up to 5000 days
                gap = min(
                    Int64(Double(interval) * Double.random(in: 1..<4, using: &random)), 5000 * Microseconds.perDay)
            case 9: gap = Int64.random(in: 100...3000, using: &random) * Microseconds.perDay  // long after
            default: gap = Int64.random(in: 1...(40 * 86_400), using: &random) * 1_000_000
            }
            // stay before 2150 so that due dates (at most 100 years on) are within
            // the range where a Date still resolves microseconds
            micros = min(micros + gap, 5_680_281_600_000_000)
        }
        total += reviews.count
        lines.append(#"{"id": \#(id), "reviews": [\#(reviews.joined(separator: ", "))]}"#)
    }
    return (lines.joined(separator: "\n") + "\n", total)
}

private struct ReferenceRun {
    let stdout: String
    let stderr: String
    let status: Int32
}

private enum ReferenceError: Error, CustomStringConvertible {
    case unavailable(String)
    var description: String {
        switch self {
        case .unavailable(let why): why
        }
    }
}

/// Runs Tests/reference/fsrs_replay.py with `<package root>/.venv/bin/python`.
private func runReference(input: String, fuzzSeed: UInt64?) throws -> ReferenceRun {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let python = root.appendingPathComponent(".venv/bin/python").path
    let script = root.appendingPathComponent("Tests/reference/fsrs_replay.py").path
    guard FileManager.default.isExecutableFile(atPath: python) else {
        throw ReferenceError.unavailable(
            "\(python) is missing: run `make test`, which creates .venv and installs the fsrs reference package")
    }
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("lectern-fsrs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputURL = folder.appendingPathComponent("in.jsonl")
    let outURL = folder.appendingPathComponent("out.jsonl")
    let errURL = folder.appendingPathComponent("err.txt")
    try Data(input.utf8).write(to: inputURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script] + (fuzzSeed.map { ["--fuzz-seed", String($0)] } ?? []) + [inputURL.path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let run = ReferenceRun(
        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
        status: process.terminationStatus)
    if run.status == 2 {
        throw ReferenceError.unavailable(
            "the fsrs reference package is not usable (\(run.stderr.trimmingCharacters(in: .whitespacesAndNewlines))): run `make test`, which installs it"
        )
    }
    return run
}

private struct Comparison {
    var histories = 0
    var reviews = 0
    var maxStabilityDifference = 0.0
    var maxDifficultyDifference = 0.0
    var maxIntervalDifference = 0.0
    var identicalLines = 0
}

private func relativeDifference(_ a: Double, _ b: Double) -> Double {
    a == b ? 0 : abs(a - b) / max(abs(a), abs(b))
}

/// Compares the Swift replay with the reference, line by line and state by state.
private func compare(swift: [String], reference: [String]) throws -> Comparison {
    var result = Comparison()
    try #require(swift.count == reference.count, "line counts differ")
    for (mine, theirs) in zip(swift, reference) {
        let a = try FSRSReplay.JSON.parse(mine)
        let b = try FSRSReplay.JSON.parse(theirs)
        #expect(a["id"] == b["id"])
        guard case .array(let statesA) = a["states"], case .array(let statesB) = b["states"] else {
            Issue.record("no states in \(theirs)")
            continue
        }
        #expect(statesA.count == statesB.count, "id \(b["id"]?.rendered ?? "?")")
        result.histories += 1
        if mine == theirs { result.identicalLines += 1 }
        for (index, (x, y)) in zip(statesA, statesB).enumerated() {
            result.reviews += 1
            let place = "id \(b["id"]?.rendered ?? "?"), review \(index + 1)"
            let stability = relativeDifference(
                try #require(x["stability"]?.double), try #require(y["stability"]?.double))
            let difficulty = relativeDifference(
                try #require(x["difficulty"]?.double), try #require(y["difficulty"]?.double))
            let interval = relativeDifference(
                try #require(x["interval_days"]?.double), try #require(y["interval_days"]?.double))
            result.maxStabilityDifference = max(result.maxStabilityDifference, stability)
            result.maxDifficultyDifference = max(result.maxDifficultyDifference, difficulty)
            result.maxIntervalDifference = max(result.maxIntervalDifference, interval)
            #expect(stability <= 1e-6, "stability, \(place)")
            #expect(difficulty <= 1e-6, "difficulty, \(place)")
            #expect(x["state"] == y["state"], "state, \(place)")
            #expect(x["due"] == y["due"], "due, \(place)")
            #expect(interval <= 1e-9, "interval_days, \(place)")
        }
    }
    return result
}

@Suite("FSRS cross-check with the Python reference", .serialized)
struct FSRSCrossCheckTests {
    @Test("Swift replay matches fsrs (Python) on generated histories", arguments: [nil, 20_260_101] as [UInt64?])
    func matchesReference(fuzzSeed: UInt64?) throws {
        let (input, reviewCount) = generatedHistories(count: 300, seed: 0x5EED_F5A5)
        let reference: ReferenceRun
        do {
            reference = try runReference(input: input, fuzzSeed: fuzzSeed)
        } catch let error as ReferenceError {
            Issue.record(Comment(rawValue: error.description))
            return
        }
        #expect(reference.status == 0, "reference failed: \(reference.stderr)")
        #expect(reference.stderr.isEmpty)
        let swift = FSRSReplay.run(input: input, fuzzSeed: fuzzSeed)
        #expect(swift.errors.isEmpty, "\(swift.errors.prefix(3))")
        let referenceLines = reference.stdout.split(separator: "\n").map(String.init)
        let comparison = try compare(swift: swift.output, reference: referenceLines)
        #expect(comparison.histories == 300)
        #expect(comparison.reviews == reviewCount)
        print(
            "FSRS cross-check (fuzz \(fuzzSeed.map(String.init) ?? "off")): \(comparison.histories) histories, "
                + "\(comparison.reviews) reviews, max relative difference stability \(comparison.maxStabilityDifference), "
                + "difficulty \(comparison.maxDifficultyDifference), interval \(comparison.maxIntervalDifference); "
                + "\(comparison.identicalLines) of \(comparison.histories) output lines byte-identical")
    }

    @Test func badLinesGetTheSameMessages() throws {
        let input = """
            {"id": 1, "reviews": [{"rating": 3, "time": "2026-01-01T00:00:00Z"}]}
            {"id": 2, "reviews": [{"rating": 7, "time": "2026-01-01T00:00:00Z"}]}

            [1, 2]
            {"id": "x", "reviews": []}
            {"id": 3, "reviews": {}}
            {"id": 4, "reviews": [{"rating": 3.0, "time": "2026-01-01T00:00:00Z"}]}
            {"id": 5, "reviews": [{"rating": 2, "time": "2026-02-30T00:00:00Z"}]}
            {"id": 6, "reviews": [{"rating": 2, "time": "2026-01-02T00:00:00Z"}, {"rating": 2, "time": "2026-01-01T23:00:00+02:00"}]}
            {"id": 7, "reviews": [{"time": "2026-01-01T00:00:00Z"}]}
            {"id": 8, "reviews": [{"rating": 4, "time": "9999-12-30T00:00:00Z"}]}
            {"id": 9, "reviews": [{"rating": 1, "time": "2026-01-01T00:00:00.5+01:00"}]} x
            {"id": 10, "reviews": [5]}
            """
        let reference: ReferenceRun
        do {
            reference = try runReference(input: input, fuzzSeed: nil)
        } catch let error as ReferenceError {
            Issue.record(Comment(rawValue: error.description))
            return
        }
        let swift = FSRSReplay.run(input: input, fuzzSeed: nil)
        #expect(reference.status == 1)
        #expect(swift.errors == reference.stderr.split(separator: "\n").map(String.init))
        #expect(swift.output == reference.stdout.split(separator: "\n").map(String.init))
        #expect(swift.errors.count == 11)
    }
}
