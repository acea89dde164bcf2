import Foundation

/// An instant as ISO 8601 in UTC to the second, e.g. `2026-03-02T09:00:00Z`: how results and
/// `db check` name a time for a person, the same on every machine and in every locale.
package enum UTCTimestamp {
    /// The fraction of a second is dropped (rounded down), never rounded up into the next second.
    package static func seconds(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: whole)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0,
            parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
