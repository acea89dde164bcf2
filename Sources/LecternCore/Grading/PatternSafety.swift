/// Whether an answer pattern (`/…/` in an accept list) can be matched in bounded time.
///
/// Patterns come from decks, and decks come from strangers. A backtracking engine (ICU's,
/// behind NSRegularExpression) takes exponential time on a pattern that repeats a group
/// which can itself match in several ways, e.g. `(a+)+b` or `(a|aa)*` on "aaaa…c", and
/// Foundation offers no time limit. So such shapes are refused outright: a repeated group
/// may hold neither a quantifier nor an alternation, backreferences are refused, and the
/// pattern and the text matched against it are short. Answer patterns are small (a word
/// and its variants), so nothing an author needs is lost.
package enum PatternSafety {
    /// Longest pattern, and longest typed answer that is matched against a pattern.
    package static let maximumPatternLength = 200
    package static let maximumSubjectLength = 200

    /// Why the pattern is refused, or nil when it is safe to match.
    package static func problem(in pattern: String) -> String? {
        let characters = Array(pattern)
        if characters.count > maximumPatternLength {
            return "is longer than \(maximumPatternLength) characters"
        }
        // For each open group: whether it holds a quantifier or an alternation so far.
        var groups: [Bool] = []
        var index = 0
        var lastClosedGroupIsAmbiguous = false
        while index < characters.count {
            let character = characters[index]
            var closedAmbiguousGroup = false
            switch character {
            case "\\":
                if index + 1 < characters.count, characters[index + 1].isNumber || characters[index + 1] == "k" {
                    return "refers back to a group (\\\(characters[index + 1]))"
                }
                index += 1
            case "[":
                index = endOfClass(characters, from: index)
            case "(":
                groups.append(false)
            case ")":
                let ambiguous = groups.popLast() ?? false
                if ambiguous, !groups.isEmpty { groups[groups.count - 1] = true }
                closedAmbiguousGroup = ambiguous
            case "|":
                if !groups.isEmpty { groups[groups.count - 1] = true }
            case "*", "+", "{", "?":
                if character != "?", lastClosedGroupIsAmbiguous, isUnbounded(characters, at: index) {
                    return "repeats a group that can match in more than one way (nested repetition)"
                }
                // An exact count (`{3}`) matches one way; anything else varies.
                if !groups.isEmpty, !isExactCount(characters, at: index) { groups[groups.count - 1] = true }
                if character == "{" { index = characters[index...].firstIndex(of: "}") ?? index }
            default:
                break
            }
            lastClosedGroupIsAmbiguous = closedAmbiguousGroup
            index += 1
        }
        return nil
    }

    /// `*`, `+` and `{n,}` repeat without bound; `{n}` and `{n,m}` do not.
    private static func isUnbounded(_ characters: [Character], at index: Int) -> Bool {
        guard characters[index] == "{" else { return true }
        guard let close = characters[index...].firstIndex(of: "}") else { return true }
        let body = String(characters[(index + 1)..<close])
        return body.hasSuffix(",") || Int(body.split(separator: ",").last ?? "").map { $0 > 20 } ?? false
    }

    private static func isExactCount(_ characters: [Character], at index: Int) -> Bool {
        guard characters[index] == "{", let close = characters[index...].firstIndex(of: "}") else { return false }
        return Int(String(characters[(index + 1)..<close])) != nil
    }

    /// The index of the `]` that closes the class opened at `start`.
    private static func endOfClass(_ characters: [Character], from start: Int) -> Int {
        var index = start + 1
        if index < characters.count, characters[index] == "^" { index += 1 }
        if index < characters.count, characters[index] == "]" { index += 1 }
        while index < characters.count, characters[index] != "]" {
            if characters[index] == "\\" { index += 1 }
            index += 1
        }
        return index
    }
}
