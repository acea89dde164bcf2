import Foundation

/// Instants as whole microseconds since 1970 (UTC): the one conversion the scheduler and the
/// progress store share, so an answer's time, the card computed from it and the row stored for
/// it all name the same microsecond.
///
/// Rounding is to the nearest microsecond, taking the whole seconds and the fraction of a
/// `Date` separately (a `Date` counts seconds since 2001 as a double): this is exact for any
/// instant within a few centuries of now, and `date(_:)` gives back an instant that converts
/// to the same number. (The store used to multiply seconds since 1970 by a million as one
/// double, which can round a present-day instant to the neighbouring microsecond.)
///
/// The arithmetic below matches Python's `datetime`, which the FSRS reference uses.
package enum Microseconds {
    package static let perSecond: Int64 = 1_000_000
    package static let perDay: Int64 = 86_400 * perSecond

    /// Seconds from 1970-01-01 to Foundation's reference date 2001-01-01.
    private static let referenceOffset: Int64 = 978_307_200

    /// Microseconds since 1970-01-01T00:00:00Z, rounded to the nearest.
    /// Whole seconds and the fraction are converted separately so that no
    /// rounding error creeps in for dates within a few centuries of now.
    package static func since1970(_ date: Date) -> Int64 {
        let interval = date.timeIntervalSinceReferenceDate
        let whole = interval.rounded(.down)
        let fraction = Int64(((interval - whole) * 1_000_000).rounded())
        return (Int64(whole) + referenceOffset) * perSecond + fraction
    }

    /// The instant `micros` microseconds after 1970-01-01T00:00:00Z.
    package static func date(_ micros: Int64) -> Date {
        let sinceReference = micros - referenceOffset * perSecond
        let seconds = floorDivide(sinceReference, perSecond)
        let remainder = sinceReference - seconds * perSecond
        return Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(remainder) / 1_000_000)
    }

    /// Complete 24-hour periods from `start` to `end`, floored (negative when
    /// `end` is earlier), like Python's `(end - start).days`.
    package static func wholeDays(from start: Date, to end: Date) -> Int64 {
        floorDivide(since1970(end) - since1970(start), perDay)
    }

    /// `value / 2` rounded half to even, as Python rounds a `timedelta`
    /// divided or multiplied by a float to whole microseconds.
    package static func halvedToEven(_ value: Int64) -> Int64 {
        let half = floorDivide(value, 2)
        let odd = value - half * 2 == 1
        return odd && half % 2 != 0 ? half + 1 : half
    }

    /// Division rounding towards minus infinity (Python's `//`).
    package static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        let inexact = value % divisor != 0
        return inexact && (value < 0) != (divisor < 0) ? quotient - 1 : quotient
    }
}
