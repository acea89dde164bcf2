import Foundation
import LecternCore
package import LecternStore

/// A teacher's results export, shared by the shell's `results` and `lectern results`.
package struct ResultsQuery: Sendable {
    package var deck: String?
    package var learners: [String]
    package var since: String?
    package var format: ResultsFormat
    package var summary: Bool

    package init(deck: String?, learners: [String], since: String?, format: ResultsFormat, summary: Bool) {
        self.deck = deck
        self.learners = learners
        self.since = since
        self.format = format
        self.summary = summary
    }

    package func run(on store: any ProgressStorage) throws(ShellError) -> String {
        let resultsFormat = format
        var sinceDate: Date?
        if let since {
            guard let date = Self.date(since) else {
                throw ShellError("cannot read date '\(since)'; write it as 2026-11-25 or 2026-11-25T09:00:00Z")
            }
            sinceDate = date
        }
        do {
            if summary {
                return ResultsRenderer.render(
                    try store.summary(deck: deck, learners: learners, since: sinceDate), as: resultsFormat)
            }
            return ResultsRenderer.render(
                try store.results(deck: deck, learners: learners, since: sinceDate), as: resultsFormat)
        } catch {
            throw ShellError(reading: error, "cannot read results")
        }
    }

    /// A day (`2026-11-25`, local midnight) or a full ISO 8601 time.
    static func date(_ text: String) -> Date? {
        if let full = ISO8601DateFormatter().date(from: text) { return full }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.dateFormat = "yyyy-MM-dd"
        return day.date(from: text)
    }
}
