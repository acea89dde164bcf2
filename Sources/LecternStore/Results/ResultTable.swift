import Foundation

/// Rows of typed cells under named columns: the one shape every results format renders.
struct ResultTable {
    enum Cell: Equatable {
        case text(String)
        /// Already written as a JSON/CSV number.
        case number(String)
        case flag(Bool)
        case none
    }

    struct Column {
        var name: String
        var alignsRight: Bool
    }

    var columns: [Column]
    var rows: [[Cell]]

    /// `0.5`, `1`, `0.333`: at most `digits` decimals, no trailing zeros, no locale.
    static func number(_ value: Double, digits: Int = 3) -> Cell {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return .number(text == "-0" ? "0" : text)
    }

    /// ISO 8601 in UTC to the second, e.g. `2026-03-02T09:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: whole)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0,
            parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
