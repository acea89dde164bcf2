package import Foundation

/// Fixed instants and a UTC calendar, so day boundaries do not depend on the machine.
package enum Clock {
    /// 2026-03-02 09:00:00 UTC, a Monday.
    package static let start = Date(timeIntervalSince1970: 1_772_442_000)

    package static func at(days: Double = 0, hours: Double = 0, minutes: Double = 0) -> Date {
        start.addingTimeInterval(days * 86_400 + hours * 3_600 + minutes * 60)
    }

    package static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }
}
