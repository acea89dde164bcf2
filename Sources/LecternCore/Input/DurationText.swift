import Foundation

/// Durations as people type them (`20m`, `90s`, `1h30m`, or a bare number of minutes),
/// checked against a range before anything uses them.
///
/// Only ASCII digits, one optional decimal point per number, and the units h, m, s in that
/// order, each at most once, are read; so `inf`, `nan`, `1e300` and `-5m` are refused as
/// unreadable rather than turned into a time that later traps when converted to whole seconds.
package enum DurationText {
    /// What an exam's time limit may be: a second to a day.
    package static let examLimit: ClosedRange<TimeInterval> = 1...86_400

    package enum Failure: Error, Equatable, Sendable {
        case unreadable
        case outOfRange(TimeInterval)
    }

    /// The duration in seconds, within `range`.
    package static func seconds(_ text: String, within range: ClosedRange<TimeInterval> = examLimit)
        -> Result<TimeInterval, Failure>
    {
        guard let total = parse(text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            return .failure(.unreadable)
        }
        guard total.isFinite, range.contains(total) else { return .failure(.outOfRange(total)) }
        return .success(total)
    }

    /// The sentence for a failure, naming the option and the range it allows.
    package static func message(
        for failure: Failure, option: String, text: String, within range: ClosedRange<TimeInterval> = examLimit
    ) -> String {
        let bounds = "\(describe(range.lowerBound)) to \(describe(range.upperBound))"
        switch failure {
        case .unreadable:
            return "\(option) cannot read '\(text.shortened)'; write a time like 20m, 90s or 1h30m (from \(bounds))"
        case .outOfRange:
            return "\(option) '\(text.shortened)' is outside the allowed range of \(bounds)"
        }
    }

    /// `90` → `1m30s`-style text for messages: whole hours, minutes and seconds.
    static func describe(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        let (hours, minutes, rest) = (whole / 3600, whole % 3600 / 60, whole % 60)
        var text = ""
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 || text.isEmpty { text += "\(rest)s" }
        return text
    }

    private static func parse(_ text: String) -> TimeInterval? {
        guard !text.isEmpty else { return nil }
        if isNumber(Substring(text)) { return Double(text).map { $0 * 60 } }
        let units: [(Character, TimeInterval)] = [("h", 3600), ("m", 60), ("s", 1)]
        var total: TimeInterval = 0
        var rest = Substring(text)
        var nextUnit = 0
        while !rest.isEmpty {
            guard let end = rest.firstIndex(where: { !($0.isASCII && ($0.isNumber || $0 == ".")) }) else {
                return nil  // a number without a unit after a unit: "1h30"
            }
            let digits = rest[..<end]
            guard isNumber(digits), let value = Double(digits) else { return nil }
            guard let found = units[nextUnit...].firstIndex(where: { $0.0 == rest[end] }) else { return nil }
            total += value * units[found].1
            nextUnit = found + 1
            rest = rest[rest.index(after: end)...]
        }
        return total
    }

    /// ASCII digits with at most one decimal point and at least one digit.
    private static func isNumber(_ text: Substring) -> Bool {
        var sawDigit = false
        var sawPoint = false
        for character in text {
            if character == "." {
                if sawPoint { return false }
                sawPoint = true
            } else if character.isASCII, character.isNumber {
                sawDigit = true
            } else {
                return false
            }
        }
        return sawDigit
    }
}
