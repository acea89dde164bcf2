/// Typo distance between two strings: Damerau–Levenshtein in its optimal string alignment
/// form, counted in user-perceived characters.
///
/// One insertion, deletion, substitution or swap of two neighbours costs 1; no substring
/// is edited twice, which is what makes it cheap and enough for catching slips.
public enum TypoDistance {
    public static func optimalStringAlignment(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousRow: [Int] = []
        var row = Array(0...b.count)
        var table = [row]
        for i in 1...a.count {
            previousRow = row
            row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                row[j] = best
            }
            table.append(row)
        }
        return row[b.count]
    }

    /// How many typos an accepted answer of this many characters tolerates:
    /// none below 5 characters, 1 from 5, 2 from 10.
    public static func allowedTypos(forLength length: Int) -> Int {
        length >= 10 ? 2 : length >= 5 ? 1 : 0
    }
}
