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
public enum FSRSReplay {
    /// Replays every history in `input`. With a `fuzzSeed`, intervals are
    /// fuzzed by `FuzzSource(seed: fuzzSeed).mixing(UInt64(bitPattern: id))`.
    public static func run(
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

        let scheduler = FSRSScheduler(
            parameters: parameters,
            fuzz: fuzzSeed.map { FuzzSource(seed: $0).mixing(UInt64(bitPattern: id)) })
        var card: CardState?
        var previous: (micros: Int64, text: String)?
        var states: [String] = []
        for (offset, review) in reviews.enumerated() {
            let place = "(review \(offset + 1))"
            guard case .object = review else {
                return .failure(
                    LineError(
                        message: "review \(offset + 1) must be a JSON object, got \(review.rendered)"))
            }
            guard let ratingValue = review["rating"] else {
                return .failure(LineError(message: "missing field \"rating\" \(place)"))
            }
            guard let number = ratingValue.integer, let rating = Rating(rawValue: Int(number)) else {
                return .failure(
                    LineError(
                        message: "rating must be 1, 2, 3 or 4, got \(ratingValue.rendered) \(place)"))
            }
            guard let timeValue = review["time"] else {
                return .failure(LineError(message: "missing field \"time\" \(place)"))
            }
            guard case .string(let timeText) = timeValue, let micros = Timestamp.parse(timeText)
            else {
                return .failure(
                    LineError(
                        message:
                            "time must be a timestamp like 2026-01-01T00:00:00Z, got \(timeValue.rendered) \(place)"
                    ))
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
        return .success("{\"id\": \(id), \"states\": [\(states.joined(separator: ", "))]}")
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

    // MARK: - Timestamps

    /// RFC 3339 timestamps as whole microseconds since 1970, UTC.
    enum Timestamp {
        /// 0001-01-01T00:00:00Z.
        static let earliest: Int64 = -62_135_596_800 * Microseconds.perSecond
        /// 9999-12-31T23:59:59.999999Z.
        static let latest: Int64 = 253_402_300_800 * Microseconds.perSecond - 1

        /// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,6}](Z|±HH:MM)`; nil when malformed,
        /// out of range, or outside years 1–9999 once converted to UTC.
        static func parse(_ text: String) -> Int64? {
            let chars = Array(text.utf8)
            var index = 0
            func digits(_ count: Int) -> Int64? {
                guard index + count <= chars.count else { return nil }
                var value: Int64 = 0
                for byte in chars[index..<(index + count)] {
                    guard byte >= 0x30 && byte <= 0x39 else { return nil }
                    value = value * 10 + Int64(byte - 0x30)
                }
                index += count
                return value
            }
            func literal(_ expected: Character) -> Bool {
                guard index < chars.count, chars[index] == expected.asciiValue else { return false }
                index += 1
                return true
            }
            guard let year = digits(4), literal("-"), let month = digits(2), literal("-"),
                let day = digits(2), literal("T"), let hour = digits(2), literal(":"),
                let minute = digits(2), literal(":"), let second = digits(2)
            else { return nil }
            var fraction: Int64 = 0
            if literal(".") {
                var count = 0
                while index < chars.count, chars[index] >= 0x30, chars[index] <= 0x39, count < 7 {
                    fraction = fraction * 10 + Int64(chars[index] - 0x30)
                    index += 1
                    count += 1
                }
                guard (1...6).contains(count) else { return nil }
                for _ in count..<6 { fraction *= 10 }
            }
            var offsetSeconds: Int64 = 0
            if index < chars.count, chars[index] == 0x2B || chars[index] == 0x2D {
                let sign: Int64 = chars[index] == 0x2B ? 1 : -1
                index += 1
                guard let offsetHour = digits(2), literal(":"), let offsetMinute = digits(2),
                    offsetHour < 24, offsetMinute < 60
                else { return nil }
                offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
            } else if !literal("Z") {
                return nil
            }
            guard index == chars.count, year >= 1, (1...12).contains(month),
                day >= 1, day <= daysIn(month: month, year: year),
                hour < 24, minute < 60, second < 60
            else { return nil }
            let days = daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
            let micros = seconds * Microseconds.perSecond + fraction
            guard micros >= earliest, micros <= latest else { return nil }
            return micros
        }

        /// `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, fraction only when not zero.
        static func format(_ micros: Int64) -> String {
            let seconds = Microseconds.floorDivide(micros, Microseconds.perSecond)
            let fraction = micros - seconds * Microseconds.perSecond
            let days = Microseconds.floorDivide(seconds, 86_400)
            let secondOfDay = seconds - days * 86_400
            let (year, month, day) = civilFromDays(days)
            var text =
                padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + "T"
                + padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay / 60 % 60, 2) + ":"
                + padded(secondOfDay % 60, 2)
            if fraction != 0 {
                text += "." + padded(fraction, 6)
            }
            return text + "Z"
        }

        private static func padded(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }

        private static func daysIn(month: Int64, year: Int64) -> Int64 {
            switch month {
            case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        /// Days since 1970-01-01 of a proleptic Gregorian date.
        static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
            let shiftedYear = month <= 2 ? year - 1 : year
            let era = Microseconds.floorDivide(shiftedYear, 400)
            let yearOfEra = shiftedYear - era * 400
            let shiftedMonth = (month + 9) % 12
            let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }

        /// Proleptic Gregorian date of a day count since 1970-01-01.
        static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
            let shifted = days + 719_468
            let era = Microseconds.floorDivide(shifted, 146_097)
            let dayOfEra = shifted - era * 146_097
            let yearOfEra =
                (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let shiftedMonth = (5 * dayOfYear + 2) / 153
            let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
            let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
            return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
        }
    }

    // MARK: - JSON

    /// A minimal, strict JSON reader (RFC 8259) that keeps numbers as their
    /// source text, so integers can be told from `3.0` and echoed back as written.
    enum JSON: Equatable, Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSON])
        case object([(key: String, value: JSON)])

        struct SyntaxError: Error {}

        static func parse(_ text: String) throws(SyntaxError) -> JSON {
            try parse(Array(text.utf8))
        }

        static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSON {
            var reader = Reader(bytes: bytes)
            reader.skipWhitespace()
            let value = try reader.value(depth: 0)
            reader.skipWhitespace()
            guard reader.index == bytes.count else { throw SyntaxError() }
            return value
        }

        static func == (lhs: JSON, rhs: JSON) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): true
            case (.bool(let a), .bool(let b)): a == b
            case (.number(let a), .number(let b)): a == b
            case (.string(let a), .string(let b)): a == b
            case (.array(let a), .array(let b)): a == b
            case (.object(let a), .object(let b)):
                a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: false
            }
        }

        /// The value of `key` in an object (the last one if repeated).
        subscript(key: String) -> JSON? {
            guard case .object(let members) = self else { return nil }
            return members.last(where: { $0.key == key })?.value
        }

        /// The value of a number written as an integer (no fraction or
        /// exponent) that fits in 64 bits.
        var integer: Int64? {
            guard case .number(let text) = self else { return nil }
            return Int64(text)
        }

        /// The value of any number.
        var double: Double? {
            guard case .number(let text) = self else { return nil }
            return Double(text)
        }

        /// Compact JSON text, spaced like Python's `json.dumps`; numbers as written.
        var rendered: String {
            switch self {
            case .null: "null"
            case .bool(let value): value ? "true" : "false"
            case .number(let text): text
            case .string(let text): JSONText.quoted(text)
            case .array(let items): "[" + items.map(\.rendered).joined(separator: ", ") + "]"
            case .object(let members):
                "{"
                    + members.map { JSONText.quoted($0.key) + ": " + $0.value.rendered }
                    .joined(separator: ", ") + "}"
            }
        }

        private struct Reader {
            let bytes: [UInt8]
            var index = 0

            private static let maximumDepth = 512

            mutating func skipWhitespace() {
                while index < bytes.count,
                    bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
                        || bytes[index] == 0x0D
                {
                    index += 1
                }
            }

            private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

            mutating func value(depth: Int) throws(SyntaxError) -> JSON {
                guard depth < Self.maximumDepth, let byte = current else { throw SyntaxError() }
                switch byte {
                case UInt8(ascii: "{"): return try object(depth: depth)
                case UInt8(ascii: "["): return try array(depth: depth)
                case UInt8(ascii: "\""): return .string(try string())
                case UInt8(ascii: "t"): try word("true"); return .bool(true)
                case UInt8(ascii: "f"): try word("false"); return .bool(false)
                case UInt8(ascii: "n"): try word("null"); return .null
                default: return .number(try number())
                }
            }

            private mutating func word(_ text: String) throws(SyntaxError) {
                for expected in text.utf8 {
                    guard current == expected else { throw SyntaxError() }
                    index += 1
                }
            }

            private mutating func object(depth: Int) throws(SyntaxError) -> JSON {
                index += 1
                var members: [(key: String, value: JSON)] = []
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                while true {
                    skipWhitespace()
                    guard current == UInt8(ascii: "\"") else { throw SyntaxError() }
                    let key = try string()
                    skipWhitespace()
                    guard current == UInt8(ascii: ":") else { throw SyntaxError() }
                    index += 1
                    skipWhitespace()
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    switch current {
                    case UInt8(ascii: ","): index += 1
                    case UInt8(ascii: "}"): index += 1; return .object(members)
                    default: throw SyntaxError()
                    }
                }
            }

            private mutating func array(depth: Int) throws(SyntaxError) -> JSON {
                index += 1
                var items: [JSON] = []
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    switch current {
                    case UInt8(ascii: ","): index += 1
                    case UInt8(ascii: "]"): index += 1; return .array(items)
                    default: throw SyntaxError()
                    }
                }
            }

            private mutating func digitRun() -> Int {
                let start = index
                while let byte = current, byte >= 0x30, byte <= 0x39 { index += 1 }
                return index - start
            }

            private mutating func number() throws(SyntaxError) -> String {
                let start = index
                if current == UInt8(ascii: "-") { index += 1 }
                if current == UInt8(ascii: "0") {
                    index += 1
                } else if digitRun() == 0 {
                    throw SyntaxError()
                }
                if current == UInt8(ascii: ".") {
                    index += 1
                    guard digitRun() > 0 else { throw SyntaxError() }
                }
                if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                    index += 1
                    if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                    guard digitRun() > 0 else { throw SyntaxError() }
                }
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }

            private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
                guard index + 4 <= bytes.count else { throw SyntaxError() }
                var value: UInt32 = 0
                for byte in bytes[index..<(index + 4)] {
                    let digit: UInt8
                    switch byte {
                    case 0x30...0x39: digit = byte - 0x30
                    case 0x41...0x46: digit = byte - 0x41 + 10
                    case 0x61...0x66: digit = byte - 0x61 + 10
                    default: throw SyntaxError()
                    }
                    value = value * 16 + UInt32(digit)
                }
                index += 4
                return value
            }

            private mutating func string() throws(SyntaxError) -> String {
                index += 1
                var utf8: [UInt8] = []
                func append(_ scalarValue: UInt32) {
                    let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                    utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                while true {
                    guard let byte = current else { throw SyntaxError() }
                    index += 1
                    switch byte {
                    case UInt8(ascii: "\""):
                        return String(decoding: utf8, as: UTF8.self)
                    case UInt8(ascii: "\\"):
                        guard let escape = current else { throw SyntaxError() }
                        index += 1
                        switch escape {
                        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                            utf8.append(escape)
                        case UInt8(ascii: "b"): utf8.append(0x08)
                        case UInt8(ascii: "f"): utf8.append(0x0C)
                        case UInt8(ascii: "n"): utf8.append(0x0A)
                        case UInt8(ascii: "r"): utf8.append(0x0D)
                        case UInt8(ascii: "t"): utf8.append(0x09)
                        case UInt8(ascii: "u"):
                            let first = try hexQuad()
                            if (0xD800..<0xDC00).contains(first), index + 6 <= bytes.count,
                                bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                            {
                                let saved = index
                                index += 2
                                let second = try hexQuad()
                                if (0xDC00..<0xE000).contains(second) {
                                    append(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                                } else {
                                    index = saved
                                    append(first)
                                }
                            } else {
                                append(first)
                            }
                        default: throw SyntaxError()
                        }
                    case 0x00..<0x20:
                        throw SyntaxError()
                    default:
                        utf8.append(byte)
                    }
                }
            }
        }
    }
}
