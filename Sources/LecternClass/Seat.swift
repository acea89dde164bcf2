import Foundation
import LecternCore

/// A student's place in the class: kept across dropped connections, found again by token.
struct Seat: Sendable {
    enum Status: Sendable, Equatable {
        case connected
        /// The connection dropped; the seat keeps its name and score until a join with its token.
        case disconnected
        /// Left or kicked: off the board, and the name is free again.
        case gone
    }

    var name: String
    var token: String
    var client: ClientID?
    var status: Status
    /// Points of revealed questions only, so the board never hints at an answer early.
    var points = 0
    var rightCount = 0
    /// Seconds taken over the right answers: breaks ties between equal points.
    var rightTime: TimeInterval = 0
    /// By question index.
    var answers: [Int: SeatAnswer] = [:]

    var holdsName: Bool { status != .gone }
}

/// One accepted answer of a seat.
struct SeatAnswer: Sendable {
    /// What the student typed, trimmed.
    var text: String
    /// As the record keeps it: with the options it named.
    var recorded: String
    /// Nil for an open answer, which the class does not grade.
    var evaluation: Evaluation?
    var points: Int
    var duration: TimeInterval
}

/// Who may sit in a class: the rules for names.
enum SeatName {
    static let maxLength = 24

    /// The name as it will be shown: spaces collapsed; refused when empty, too long, or
    /// holding characters that could move the cursor or hide text on another screen.
    static func cleaned(_ raw: String) -> Result<String, LiveError> {
        let collapsed = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !collapsed.isEmpty else { return .failure(LiveError(.badName, "Type a name to join with.")) }
        let hidden = collapsed.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .privateUse, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
        guard !hidden else {
            return .failure(LiveError(.badName, "A name may not hold control or invisible characters; choose another."))
        }
        guard collapsed.count <= maxLength else {
            return .failure(LiveError(.badName, "A name has at most \(maxLength) characters; choose a shorter one."))
        }
        return .success(collapsed)
    }

    /// The form names are compared in: `Ada`, `ada` and `ＡＤＡ` are one name.
    static func folded(_ name: String) -> String {
        name.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// A free name close to a taken one: `Ada 2`, `Ada 3`, …
    static func suggestion(for name: String, taken: Set<String>) -> String {
        var number = 2
        while true {
            let suffix = " \(number)"
            let candidate = String(name.prefix(maxLength - suffix.count)) + suffix
            if !taken.contains(folded(candidate)) { return candidate }
            number += 1
        }
    }
}
