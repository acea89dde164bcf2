import Foundation

/// Grades a typed word or phrase against a list of accepted variants.
///
/// A variant written `/…/` is a regular expression, matched case-insensitively against
/// the whole answer (after NFKC, trimming and collapsing spaces). Other variants match the
/// answer after `TextNormalizer` when they are equal, or — unless `exact` — when they are
/// within `TypoDistance.allowedTypos` of each other, counted on the accepted variant's
/// length so that a short key never tolerates a typo. The comparison is bounded (see
/// `TypoDistance.isWithin`), so a pasted megabyte costs no more than a short answer. Unless
/// `exact`, a plain variant also matches inside a longer answer whose other words cannot
/// change its meaning (see `PhraseInAnswer`): "an edge over rivals" for "edge", never "no edge".
package enum ShortAnswerGrader {
    package static func grade(_ answer: String, accept: [String], exact: Bool = false) -> Result<Grade, MalformedAnswer>
    {
        guard !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(MalformedAnswer("Type an answer, or :skip."))
        }
        return .success(matches(answer, accept: accept, exact: exact) ? .right : .wrong)
    }

    /// Whether the answer matches any accepted variant.
    package static func matches(_ answer: String, accept: [String], exact: Bool) -> Bool {
        let normalized = TextNormalizer.normalize(answer)
        for variant in accept {
            if let pattern = regexPattern(variant) {
                if regexMatches(pattern, answer) { return true }
                continue
            }
            let key = TextNormalizer.normalize(variant)
            if key == normalized { return true }
            if !exact, !key.isEmpty,
                TypoDistance.isWithin(key, normalized, typos: TypoDistance.allowedTypos(forLength: key.count))
            {
                return true
            }
        }
        return !exact && PhraseInAnswer.matches(answer, phrases: accept.filter { regexPattern($0) == nil })
    }

    /// The first variant that is not a regular expression: what the learner is shown as the answer.
    package static func displayAnswer(_ accept: [String]) -> String {
        accept.first { regexPattern($0) == nil } ?? accept.first ?? ""
    }

    /// The pattern inside `/…/`, or nil for a plain variant.
    static func regexPattern(_ variant: String) -> String? {
        let trimmed = variant.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 3, trimmed.hasPrefix("/"), trimmed.hasSuffix("/") else { return nil }
        return String(trimmed.dropFirst().dropLast())
    }

    private static func regexMatches(_ pattern: String, _ answer: String) -> Bool {
        // Bounded by construction: unsafe shapes never run, and neither do long answers.
        guard PatternSafety.problem(in: pattern) == nil, answer.count <= PatternSafety.maximumSubjectLength,
            let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive])
        else { return false }
        let subject = answer.precomposedStringWithCompatibilityMapping
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let range = NSRange(subject.startIndex..., in: subject)
        return regex.firstMatch(in: subject, options: [], range: range) != nil
    }
}
