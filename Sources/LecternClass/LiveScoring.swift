import Foundation

/// Points for one answer in a live class: right answers first, speed second.
///
/// With `credit` the grader's score (0…1), `limit` the question's time and `left` the time
/// remaining when the answer arrived (paused time does not count):
///
/// - right (credit 1): `1000 + round(500 × left ÷ limit)`, so 1000 to 1500 points;
/// - partly right (0 < credit < 1): `floor(1000 × credit)`, at most 999, with no speed bonus;
/// - wrong, not answered, or late: 0. A late answer is refused, so it never counts.
///
/// A right answer therefore always outscores a partly right one, however slow it is, and
/// among right answers the faster one wins. Partial credit (multi, order, match, roles,
/// cloze) scores in proportion. Open answers are not graded in class and score nothing.
package enum LiveScoring {
    package static let rightPoints = 1000
    package static let speedBonus = 500

    package static func points(credit: Double, left: TimeInterval, limit: TimeInterval) -> Int {
        guard credit > 0, credit.isFinite else { return 0 }
        guard credit >= 1 else { return min(rightPoints - 1, Int((Double(rightPoints) * credit).rounded(.down))) }
        guard limit > 0, left > 0 else { return rightPoints }
        let share = min(1, left / limit)
        return rightPoints + Int((Double(speedBonus) * share).rounded())
    }
}
