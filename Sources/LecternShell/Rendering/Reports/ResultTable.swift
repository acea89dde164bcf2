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
}
