import Foundation

/// Reads a typed number and grades it against a value with a tolerance, or a range.
///
/// Accepted forms: `-2.5`, `1e3`, `1,000`, `1 000`, `2,5` (a lone comma not followed by
/// exactly three digits is a decimal comma), full-width digits, a scale word (`153k`,
/// `153 thousand`, `1.5万`: see `NumberScale`), a trailing unit word (`12 km`, `5元`), and
/// `50%`. For an item marked `percent`, `50` and `50%` mean the same, and a scale word is
/// refused (a percentage is never counted in thousands).
/// For any other item `50%` may mean 0.5 (a share) or 50 (a figure in percentage points),
/// so it is right when either reading is. Bounds are inclusive, with a little slack for
/// floating-point rounding.
package enum NumericAnswerGrader {
    package static func grade(_ answer: String, key: NumericAnswerKey) -> Result<Grade, MalformedAnswer> {
        weightedGrade(answer, key: key).map(\.grade)
    }

    /// The best credit among the answers the number meets, with that answer's feedback (the
    /// key's `otherwise` when it meets none). `50%` typed for an item that is not a
    /// percentage meets an answer when either reading of it does.
    package static func weightedGrade(_ answer: String, key: NumericAnswerKey) -> Result<WeightedGrade, MalformedAnswer>
    {
        parse(answer, percent: key.percent, unit: key.unit).map { value in
            let percentPoints = !key.percent && answer.contains("%")
            let met = key.answers.filter { meets(value, $0.value) || (percentPoints && meets(value * 100, $0.value)) }
            return WeightedGrade.best(met, otherwise: key.otherwise)
        }
    }

    /// Whether `value` earns full credit.
    package static func isRight(_ value: Double, key: NumericAnswerKey) -> Bool {
        key.answers.contains { $0.isFullCredit && meets(value, $0.value) }
    }

    static func meets(_ value: Double, _ target: NumericAnswerKey.Target) -> Bool {
        switch target {
        case .value(let target, let tolerance):
            return abs(value - target) <= abs(tolerance) + slack(target)
        case .range(let low, let high):
            return value >= low - slack(low) && value <= high + slack(high)
        }
    }

    /// The number the learner meant, on the item's scale.
    package static func parse(_ answer: String, percent: Bool, unit: String? = nil) -> Result<Double, MalformedAnswer> {
        let text = answer.precomposedStringWithCompatibilityMapping
            .replacingOccurrences(of: "\u{2212}", with: "-")
            // Thin and narrow no-break spaces group thousands too: `20 000`.
            .replacingOccurrences(of: "\u{2009}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            .replacingOccurrences(of: "\u{00A0}", with: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .failure(MalformedAnswer("Type a number, or :skip.")) }
        let notANumber = MalformedAnswer("\"\(text)\" is not a number: type digits like 1200, 1,200 or 1.2e3.")
        guard let match = pattern.firstMatch(in: text, options: [], range: NSRange(text.startIndex..., in: text)) else {
            return .failure(notANumber)
        }
        func group(_ index: Int) -> String {
            guard let range = Range(match.range(at: index), in: text) else { return "" }
            return String(text[range])
        }
        guard var value = mantissa(group(2)) else { return .failure(notANumber) }
        if group(1) == "-" { value = -value }
        if let exponent = Double(group(3).dropFirst()), !group(3).isEmpty {
            value *= pow(10, exponent)
        }
        let trailing = group(5)
        let isUnit = unit.map { !$0.isEmpty && trailing.lowercased().hasPrefix($0.lowercased()) } ?? false
        if !isUnit, let scale = NumberScale.split(trailing) {
            guard !percent, group(4).isEmpty else {
                return .failure(
                    MalformedAnswer(
                        "\"\(text)\": a percentage takes no scale word like '\(scale.word)'; type the number, e.g. 20 or 20%."
                    ))
            }
            value *= scale.factor
        }
        if !group(4).isEmpty, !percent { value /= 100 }
        guard value.isFinite else { return .failure(notANumber) }
        return .success(value)
    }

    /// The key as the learner is shown it: `42 km (± 0.5)`, `10 to 20%`.
    package static func displayAnswer(_ key: NumericAnswerKey) -> String {
        let unit = key.percent ? "%" : key.unit.map { " \($0)" } ?? ""
        switch key.target {
        case .value(let value, let tolerance):
            let base = "\(format(value))\(unit)"
            return tolerance > 0 ? "\(base) (± \(format(tolerance)))" : base
        case .range(let low, let high):
            return "\(format(low)) to \(format(high))\(unit)"
        }
    }

    /// A number without a needless `.0`: `1000`, `2.5`. The one way an answer key's numbers are
    /// written for people: feedback, the preview, lint messages and GIFT import all use it.
    package static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    // sign, digits with separators, exponent, percent, unit word. A constant pattern that
    // compiles or fails every numeric test at once, so the force try cannot fail for a user.
    // swift-format-ignore: NeverUseForceTry
    private static let pattern = try! NSRegularExpression(
        pattern: #"^([+-]?)\s*((?:\d[\d,  ]*)?(?:\.\d+)?)((?:[eE][+-]?\d+)?)\s*(%?)\s*([^\d\s][^\d]*)?$"#
    )

    private static func slack(_ value: Double) -> Double { 1e-9 * max(1, abs(value)) }

    /// Digits with thousands separators (comma or space, groups of three) or a decimal comma.
    private static func mantissa(_ raw: String) -> Double? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.contains(where: \.isNumber) else { return nil }
        let spaceGroups = text.split(separator: " ", omittingEmptySubsequences: false)
        if spaceGroups.count > 1 {
            guard validGroups(spaceGroups) else { return nil }
            text = spaceGroups.joined()
        }
        let commaGroups = text.split(separator: ",", omittingEmptySubsequences: false)
        if commaGroups.count > 1 {
            if validGroups(commaGroups) {
                text = commaGroups.joined()
            } else if commaGroups.count == 2, !text.contains(".") {
                text = commaGroups.joined(separator: ".")
            } else {
                return nil
            }
        }
        return Double(text)
    }

    /// `1 000 000.5`: a first group of 1–3 digits, then groups of exactly three.
    private static func validGroups(_ groups: [Substring]) -> Bool {
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isNumber) else {
            return false
        }
        for (index, group) in groups.dropFirst().enumerated() {
            let isLast = index == groups.count - 2
            let digits = isLast ? group.split(separator: ".", maxSplits: 1).first.map(String.init) ?? "" : String(group)
            guard digits.count == 3, digits.allSatisfy(\.isNumber) else { return false }
            if !isLast, group.contains(".") { return false }
        }
        return true
    }
}
