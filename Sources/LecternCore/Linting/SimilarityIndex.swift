/// Finds, among the sets of words indexed so far, every one that may be at least `limit`
/// similar (Jaccard) to a new set, without comparing the new set with each of them.
///
/// The method is prefix filtering. Words are numbered rarest first and each set is kept
/// sorted. If two sets `x` and `y` have a Jaccard similarity of at least `t`, they share at
/// least `a = ⌈t·max(|x|, |y|)⌉` words, so the first `|x| − a + 1` words of `x` and the first
/// `|y| − a + 1` words of `y` share one (otherwise `x` alone would hold `a` words that `y`
/// lacks). Each set is therefore indexed under its first `|x| − ⌈t·|x|⌉ + 1` words (at least as
/// many), and a new set looks only at the sets indexed under its own first words. Since those
/// are the rarest, the lists are short. Sets whose sizes differ too much for `t` are dropped
/// unseen. The candidates are a superset of the true matches: the caller still checks each.
struct SimilarityIndex {
    /// Numbers words so that sets of words become sorted arrays of small integers.
    struct Tokens {
        private var numbers: [String: Int32] = [:]

        /// The numbers of `words`, new words getting the next free number.
        mutating func numbers(_ words: Set<String>) -> [Int32] {
            words.map { word in
                if let known = numbers[word] { return known }
                let next = Int32(numbers.count)
                numbers[word] = next
                return next
            }
        }

        /// A renumbering (old number → new number) that puts the words found in the fewest of
        /// `sets` first; words used in none come last. Ties keep the order of first use.
        func rarestFirst(_ sets: [[Int32]]) -> [Int32] {
            var uses = [Int](repeating: 0, count: numbers.count)
            for set in sets { for word in set { uses[Int(word)] += 1 } }
            let order = uses.indices.sorted { uses[$0] != uses[$1] ? uses[$0] < uses[$1] : $0 < $1 }
            var rank = [Int32](repeating: 0, count: numbers.count)
            for (position, word) in order.enumerated() { rank[word] = Int32(position) }
            return rank
        }
    }

    private struct Key: Hashable {
        var group: Int
        var word: Int32
    }

    /// The sets indexed under each word of each group (positions, ascending).
    private var postings: [Key: [Int32]] = [:]
    /// The size of each indexed set, by position.
    private var sizes: [Int32]
    /// The last query that met each position, so that a position is listed once per query.
    private var lastQuery: [Int32]
    private var query: Int32 = 0

    /// An index for sets at positions `0..<count`.
    init(count: Int) {
        sizes = [Int32](repeating: 0, count: count)
        lastQuery = [Int32](repeating: -1, count: count)
    }

    /// The positions, ascending, of the sets of `group` that may be at least `limit` similar
    /// to `words` (sorted distinct numbers from `Tokens`, renumbered rarest first).
    mutating func candidates(of words: [Int32], limit: Double, group: Int) -> [Int] {
        var found: [Int] = []
        words.withUnsafeBufferPointer { words in
            forEachCandidate(of: words, limit: limit, group: group) { found.append($0) }
        }
        return found.sorted()
    }

    /// `insert(_:words:limit:group:)` for an array.
    mutating func insert(_ position: Int, words: [Int32], limit: Double, group: Int) {
        words.withUnsafeBufferPointer { insert(position, words: $0, limit: limit, group: group) }
    }

    /// Calls `body` once with each position `candidates(of:limit:group:)` lists, in no order:
    /// the caller can combine several indexes without sorting.
    mutating func forEachCandidate(
        of words: UnsafeBufferPointer<Int32>, limit: Double, group: Int, _ body: (Int) -> Void
    ) {
        guard !words.isEmpty else { return }
        query += 1
        for word in words.prefix(Self.prefixLength(words.count, limit: limit)) {
            guard let positions = postings[Key(group: group, word: word)] else { continue }
            for position in positions where lastQuery[Int(position)] != query {
                lastQuery[Int(position)] = query
                let size = Int(sizes[Int(position)])
                // Similarity is at most small / large; the margin keeps every borderline pair.
                if Double(min(words.count, size)) >= limit * Double(max(words.count, size)) * (1 - 1e-9) {
                    body(Int(position))
                }
            }
        }
    }

    /// Indexes the set at `position` (positions must be inserted in ascending order).
    mutating func insert(_ position: Int, words: UnsafeBufferPointer<Int32>, limit: Double, group: Int) {
        guard !words.isEmpty else { return }  // an empty set is similar to nothing
        sizes[position] = Int32(words.count)
        for word in words.prefix(Self.prefixLength(words.count, limit: limit)) {
            postings[Key(group: group, word: word), default: []].append(Int32(position))
        }
    }

    /// `n − ⌈t·n⌉ + 1`, erring long: a longer prefix only adds candidates, never loses one.
    static func prefixLength(_ count: Int, limit: Double) -> Int {
        let shared = max(1, Int((limit * Double(count) * (1 - 1e-9)).rounded(.up)))
        return min(count, count - shared + 1)
    }

    /// How many numbers two sorted arrays of distinct numbers share.
    static func sharedCount(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>) -> Int {
        var (i, j, shared) = (0, 0, 0)
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}
