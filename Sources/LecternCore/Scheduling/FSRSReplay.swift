import Foundation

/// The pure core of `lectern fsrs replay [FILE]`: replays review histories
/// of new cards through ``FSRSScheduler`` and reports the state after every
/// review.
///
/// Input is JSON lines, one history per line:
/// `{"id": 7, "reviews": [{"rating": 3, "time": "2026-01-01T00:00:00Z"}, …]}`.
/// `id` is an integer, `rating` 1–4, `time` an RFC 3339 timestamp
/// (`YYYY-MM-DDTHH:MM:SS`, optional 1–6 fraction digits, then `Z` or a
/// `±HH:MM` offset); times must not go backwards. Other fields are ignored.
///
/// Output is one line per good history, in input order:
/// `{"id": 7, "states": [{"stability": 2.3065, "difficulty": 2.1181,
/// "state": "learning", "interval_days": 0.006944444444444444,
/// "due": "2026-01-01T00:10:00Z"}, …]}` with keys in that order,
/// numbers printed as the shortest text that reads back as the same
/// double (the same text Python's `repr` gives), and due dates in UTC with
/// six fraction digits only when the microseconds are not zero.
/// `interval_days` is (due − review time) in days.
///
/// A bad line produces one message `line N: …` (N counts every line from 1,
/// blank ones included) and no output; blank lines are skipped.
/// `Tests/reference/fsrs_replay.py` implements the same contract on the
/// Python reference, with the same messages for the same mistakes.
package enum FSRSReplay {
    /// Replays every history in `input`. With a `fuzzSeed`, intervals are
    /// fuzzed by `FuzzSource(seed: fuzzSeed).mixing(UInt64(bitPattern: id))`.
    package static func run(
        input: String, fuzzSeed: UInt64? = nil, parameters: FSRSParameters = .default
    ) -> (output: [String], errors: [String]) {
        var output: [String] = []
        var errors: [String] = []
        let bytes = Array(input.utf8)
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            switch replay(line: Array(line), fuzzSeed: fuzzSeed, parameters: parameters) {
            case .success(let text): output.append(text)
            case .failure(let problem): errors.append("line \(lineNumber): \(problem.message)")
            }
        }
        return (output, errors)
    }

    /// Why one line could not be replayed (the message has no line number).
    struct LineError: Error, Equatable {
        let message: String
    }

    /// Replays the history on one line and renders the output line.
    static func replay(
        line: [UInt8], fuzzSeed: UInt64?, parameters: FSRSParameters
    ) -> Result<String, LineError> {
        let history: (id: Int64, reviews: [JSON])
        switch readHistory(line) {
        case .success(let read): history = read
        case .failure(let problem): return .failure(problem)
        }
        let scheduler = FSRSScheduler(
            parameters: parameters,
            fuzz: fuzzSeed.map { FuzzSource(seed: $0).mixing(UInt64(bitPattern: history.id)) })
        var card: CardState?
        var previous: (micros: Int64, text: String)?
        var states: [String] = []
        for (offset, review) in history.reviews.enumerated() {
            let place = "(review \(offset + 1))"
            let (rating, micros, timeText): (Rating, Int64, String)
            switch readReview(review, number: offset + 1) {
            case .success(let read): (rating, micros, timeText) = read
            case .failure(let problem): return .failure(problem)
            }
            if let previous, micros < previous.micros {
                return .failure(
                    LineError(
                        message: "time goes backwards: \(timeText) is before \(previous.text) \(place)"))
            }
            previous = (micros, timeText)

            let now = Microseconds.date(micros)
            let reviewed = scheduler.review(card ?? .new(now: now), rating: rating, at: now)
            card = reviewed
            let dueMicros = Microseconds.since1970(reviewed.due)
            guard dueMicros <= Timestamp.latest else {
                return .failure(LineError(message: "due date is past year 9999 \(place)"))
            }
            states.append(
                renderState(reviewed, intervalMicros: dueMicros - micros, dueMicros: dueMicros))
        }
        return .success("{\"id\": \(history.id), \"states\": [\(states.joined(separator: ", "))]}")
    }

    /// The line's id and its list of reviews, or why the line is not a history.
    private static func readHistory(_ line: [UInt8]) -> Result<(id: Int64, reviews: [JSON]), LineError> {
        guard let document = try? JSON.parse(line) else {
            return .failure(LineError(message: "not valid JSON"))
        }
        guard case .object = document else {
            return .failure(LineError(message: "expected a JSON object"))
        }
        guard let idValue = document["id"] else {
            return .failure(LineError(message: "missing field \"id\""))
        }
        guard let id = idValue.integer else {
            return .failure(
                LineError(message: "\"id\" must be an integer, got \(idValue.rendered)"))
        }
        guard let reviewsValue = document["reviews"] else {
            return .failure(LineError(message: "missing field \"reviews\""))
        }
        guard case .array(let reviews) = reviewsValue else {
            return .failure(
                LineError(message: "\"reviews\" must be an array, got \(reviewsValue.rendered)"))
        }
        return .success((id, reviews))
    }

    /// One review's rating and time (as microseconds and as written), or what is wrong with it.
    private static func readReview(
        _ review: JSON, number: Int
    ) -> Result<(rating: Rating, micros: Int64, text: String), LineError> {
        let place = "(review \(number))"
        guard case .object = review else {
            return .failure(
                LineError(message: "review \(number) must be a JSON object, got \(review.rendered)"))
        }
        guard let ratingValue = review["rating"] else {
            return .failure(LineError(message: "missing field \"rating\" \(place)"))
        }
        guard let value = ratingValue.integer, let rating = Rating(rawValue: Int(value)) else {
            return .failure(
                LineError(message: "rating must be 1, 2, 3 or 4, got \(ratingValue.rendered) \(place)"))
        }
        guard let timeValue = review["time"] else {
            return .failure(LineError(message: "missing field \"time\" \(place)"))
        }
        guard case .string(let timeText) = timeValue, let micros = Timestamp.parse(timeText) else {
            return .failure(
                LineError(
                    message:
                        "time must be a timestamp like 2026-01-01T00:00:00Z, got \(timeValue.rendered) \(place)"))
        }
        return .success((rating, micros, timeText))
    }

    private static func renderState(
        _ card: CardState, intervalMicros: Int64, dueMicros: Int64
    ) -> String {
        let days = Double(intervalMicros) / Double(Microseconds.perDay)
        return "{\"stability\": \(number(card.stability ?? 0)), "
            + "\"difficulty\": \(number(card.difficulty ?? 0)), "
            + "\"state\": \"\(card.phase.rawValue)\", "
            + "\"interval_days\": \(number(days)), "
            + "\"due\": \"\(Timestamp.format(dueMicros))\"}"
    }

    /// Shortest round-tripping decimal text (identical to Python's `repr`
    /// for finite doubles); JSON has no spelling for infinities or NaN.
    private static func number(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }
}
