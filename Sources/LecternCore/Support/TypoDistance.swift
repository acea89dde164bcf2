/// Typo distance between two strings: Damerau–Levenshtein in its optimal string alignment
/// form, counted in user-perceived characters.
///
/// One insertion, deletion, substitution or swap of two neighbours costs 1; no substring
/// is edited twice, which is what makes it cheap and enough for catching slips.
///
/// Answers are typed by anyone, so the cost must stay bounded: the distance keeps three
/// rows (the swap looks two rows back), never a table, and `isWithin` refuses to compare
/// strings whose lengths already differ by more than the typos allowed, or that are longer
/// than `maximumComparedLength` (those must match exactly).
package enum TypoDistance {
    /// Longer strings are not compared letter by letter: a slip in a paragraph is not a typo
    /// worth forgiving, and the comparison costs the product of the two lengths.
    package static let maximumComparedLength = 256

    package static func optimalStringAlignment(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, twoBack[j - 2] + 1)
                }
                row[j] = best
            }
            swap(&twoBack, &previous)
            swap(&previous, &row)
        }
        return previous[b.count]
    }

    /// Whether `a` and `b` are at most `typos` slips apart, at a bounded cost: lengths that
    /// differ by more than `typos` are a miss without comparing, and strings longer than
    /// `maximumComparedLength` characters only match when equal.
    package static func isWithin(_ a: String, _ b: String, typos: Int) -> Bool {
        if a == b { return true }
        guard typos > 0 else { return false }
        let limit = maximumComparedLength
        let lengthA = a.count, lengthB = b.count
        guard lengthA <= limit, lengthB <= limit, abs(lengthA - lengthB) <= typos else { return false }
        return optimalStringAlignment(a, b) <= typos
    }

    /// How many typos an accepted answer of this many characters tolerates:
    /// none below 5 characters, 1 from 5, 2 from 10.
    package static func allowedTypos(forLength length: Int) -> Int {
        length >= 10 ? 2 : length >= 5 ? 1 : 0
    }
}
