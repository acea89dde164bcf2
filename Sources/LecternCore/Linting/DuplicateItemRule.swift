import Foundation

/// Warns when two items, in one deck or in two, ask nearly the same question with nearly the
/// same answer: a learner studying every deck meets the same exercise twice and learns nothing
/// new the second time.
///
/// Two items count as duplicates when they have the same type, and either their prompts and
/// their keys (the right option, the accepted answer, the sequence, the sentences…) both
/// share most of their content words, or their keys are the same and their prompts overlap. Words are compared as sets after dropping common words and
/// paragraph marks, so rewording a sentence does not hide a duplicate.
///
/// Each item is compared only with the earlier items that `SimilarityIndex` names as
/// candidates (those sharing a rare word with it), not with every earlier item: a bank of
/// 20,000 items would otherwise cost 200 million comparisons. The candidates always include
/// every true duplicate, so the findings are those of comparing every pair.
enum DuplicateItemRule {
    /// Jaccard similarity of content words from which prompts, and keys, count as the same.
    static let promptLimit = 0.5
    static let keyLimit = 0.5
    /// Keys this close are the same answer, whatever the wording of the prompt around them.
    static let sameKey = 0.9
    /// True/false items have only two keys, so their prompts must be closer.
    static let truefalsePromptLimit = 0.6
    /// Prompts this close are about the same thing when the keys are the same.
    static let sameKeyPromptLimit = 0.15

    /// What of one item the comparison reads: its type, the answer a true/false or numeric
    /// item must share, and its content words as token numbers, sorted (see
    /// `SimilarityIndex.Tokens`). The item itself stays out: the rule compares entries
    /// millions of times on a large bank, and copying an item costs a retain per field.
    struct Entry {
        /// What must be equal before words are compared at all.
        enum Answer: Equatable {
            case truefalse(Bool)
            case numeric(NumericAnswerKey.Target)
            case other
        }

        var kind: ItemKind
        var answer: Answer
        var prompt: [Int32]
        var key: [Int32]

        /// Items that can be duplicates share a group: the same type and, for true/false
        /// items, the same answer.
        var group: Int {
            let base = ItemKind.allCases.firstIndex(of: kind) ?? 0
            if case .truefalse(let answer) = answer { return 2 * base + (answer ? 1 : 0) }
            return 2 * base
        }
    }

    /// Findings keyed by deck path: each duplicate is reported at the later of the two items,
    /// naming the earliest item it duplicates.
    static func findings(_ decks: [(path: String, deck: Deck)]) -> [String: [Diagnostic]] {
        let all = entries(decks)
        let earliest = earliestDuplicates(all.map(\.entry))
        // Where each position's item is, for naming it (positions, not copies of the items).
        let places = decks.indices.flatMap { deck in decks[deck].deck.items.indices.map { (deck: deck, item: $0) } }
        func named(_ position: Int) -> (deckID: String, item: Item) {
            let deck = decks[places[position].deck].deck
            return (deck.id, deck.items[places[position].item])
        }
        var findings: [String: [Diagnostic]] = [:]
        for (position, (path, _)) in all.enumerated() {
            guard let match = earliest[position] else { continue }
            let item = named(position).item
            let earlier = named(match)
            findings[path, default: []].append(
                .warning(
                    "duplicate-item", at: item.location(of: "id"),
                    "\(item.kind.rawValue) item '\(item.id)' asks nearly what '\(earlier.deckID)/\(earlier.item.id)' asks, with nearly the same answer; keep the better one and replace the other with an item that trains something new (a replaced item gets a new id)"
                ))
        }
        return findings
    }

    /// Every item of `decks` in order, with its words numbered rarest first.
    static func entries(_ decks: [(path: String, deck: Deck)]) -> [(path: String, entry: Entry)] {
        var tokens = SimilarityIndex.Tokens()
        var all: [(path: String, entry: Entry)] = []
        for (path, deck) in decks {
            for item in deck.items {
                let prompt = tokens.numbers(words(promptText(item)))
                let key = tokens.numbers(words(keyText(item)))
                all.append((path, Entry(kind: item.kind, answer: answer(item), prompt: prompt, key: key)))
            }
        }
        // Number the words rarest first, so that each item is indexed under its rarest words.
        let rank = tokens.rarestFirst(all.flatMap { [$0.entry.prompt, $0.entry.key] })
        for index in all.indices {
            all[index].entry.prompt = all[index].entry.prompt.map { rank[Int($0)] }.sorted()
            all[index].entry.key = all[index].entry.key.map { rank[Int($0)] }.sorted()
        }
        return all
    }

    /// For each entry, the position of the first earlier entry it duplicates, if any: what
    /// comparing it with every earlier entry in turn would find.
    ///
    /// Three indexes name the candidates. True/false and numeric items need close prompts, so
    /// the prompt index alone names theirs. Other items are duplicates when prompts and keys
    /// are both at least half alike (named by the key index and the prompt index together) or
    /// when the keys are the same (named by the index of keys at `sameKey`).
    static func earliestDuplicates(_ entries: [Entry]) -> [Int?] {
        // Every entry's words in one pool and the entries as plain values of ranges into it:
        // the loop below compares an entry with thousands of candidates, and an entry that
        // held arrays would cost a retain and a release of each per comparison.
        var pool: [Int32] = []
        pool.reserveCapacity(entries.reduce(0) { $0 + $1.prompt.count + $1.key.count })
        let flat = entries.map { entry in
            let prompt = pool.count..<pool.count + entry.prompt.count
            pool += entry.prompt
            let key = pool.count..<pool.count + entry.key.count
            pool += entry.key
            return Flat(kind: entry.kind, answer: entry.answer, group: entry.group, prompt: prompt, key: key)
        }
        return pool.withUnsafeBufferPointer { pool in earliestDuplicates(flat, pool: pool) }
    }

    /// An entry as ranges of the pool of words.
    private struct Flat {
        var kind: ItemKind
        var answer: Entry.Answer
        var group: Int
        var prompt: Range<Int>
        var key: Range<Int>
    }

    private static func earliestDuplicates(_ entries: [Flat], pool: UnsafeBufferPointer<Int32>) -> [Int?] {
        func words(_ range: Range<Int>) -> UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: pool[range]) }
        var keys = SimilarityIndex(count: entries.count)
        var prompts = SimilarityIndex(count: entries.count)
        var sameKeys = SimilarityIndex(count: entries.count)
        var namedByKey = [Int](repeating: -1, count: entries.count)
        return entries.indices.map { position in
            let entry = entries[position]
            let (prompt, key) = (words(entry.prompt), words(entry.key))
            var earliest: Int?
            func consider(_ candidate: Int) {
                guard candidate < earliest ?? position else { return }
                let other = entries[candidate]
                if isDuplicate(
                    (other.kind, other.answer, words(other.prompt), words(other.key)),
                    (entry.kind, entry.answer, prompt, key))
                {
                    earliest = candidate
                }
            }
            switch entry.answer {
            case .truefalse, .numeric:
                let limit = entry.kind == .truefalse ? truefalsePromptLimit : promptLimit
                prompts.forEachCandidate(of: prompt, limit: limit, group: entry.group, consider)
                prompts.insert(position, words: prompt, limit: limit, group: entry.group)
            default:
                keys.forEachCandidate(of: key, limit: keyLimit, group: entry.group) { namedByKey[$0] = position }
                prompts.forEachCandidate(of: prompt, limit: promptLimit, group: entry.group) { candidate in
                    if namedByKey[candidate] == position { consider(candidate) }
                }
                sameKeys.forEachCandidate(of: key, limit: sameKey, group: entry.group, consider)
                keys.insert(position, words: key, limit: keyLimit, group: entry.group)
                prompts.insert(position, words: prompt, limit: promptLimit, group: entry.group)
                sameKeys.insert(position, words: key, limit: sameKey, group: entry.group)
            }
            return earliest
        }
    }

    /// The answer two items must share before their words are compared.
    private static func answer(_ item: Item) -> Entry.Answer {
        switch item.body {
        case .truefalse(let answer): .truefalse(answer)
        case .numeric(let key): .numeric(key.target)
        default: .other
        }
    }

    static func isDuplicate(_ a: Entry, _ b: Entry) -> Bool {
        a.prompt.withUnsafeBufferPointer { aPrompt in
            a.key.withUnsafeBufferPointer { aKey in
                b.prompt.withUnsafeBufferPointer { bPrompt in
                    b.key.withUnsafeBufferPointer { bKey in
                        isDuplicate((a.kind, a.answer, aPrompt, aKey), (b.kind, b.answer, bPrompt, bKey))
                    }
                }
            }
        }
    }

    /// One side of a comparison: the type, the answer, the prompt's words and the key's.
    private typealias Compared = (
        kind: ItemKind, answer: Entry.Answer, prompt: UnsafeBufferPointer<Int32>, key: UnsafeBufferPointer<Int32>
    )

    private static func isDuplicate(_ a: Compared, _ b: Compared) -> Bool {
        guard a.kind == b.kind else { return false }
        switch a.answer {
        case .truefalse:
            guard a.answer == b.answer else { return false }
            return similarity(a.prompt, b.prompt) >= truefalsePromptLimit
        case .numeric:
            guard a.answer == b.answer else { return false }
            return similarity(a.prompt, b.prompt) >= promptLimit
        default:
            let keys = similarity(a.key, b.key)
            guard keys >= min(keyLimit, sameKey) else { return false }
            let prompts = similarity(a.prompt, b.prompt)
            // Either both are close, or the keys are the same and the prompts ask about the same thing.
            return (prompts >= promptLimit && keys >= keyLimit) || (keys >= sameKey && prompts >= sameKeyPromptLimit)
        }
    }

    /// Jaccard similarity of two sets of words, each given as sorted distinct token numbers.
    static func similarity(_ a: [Int32], _ b: [Int32]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity(a, b) } }
    }

    static func similarity(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>) -> Double {
        let shared = SimilarityIndex.sharedCount(a, b)
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    private static func promptText(_ item: Item) -> String {
        if case .walkthrough(let walkthrough) = item.body { return walkthrough.scenario + " " + item.prompt }
        return item.prompt
    }

    private static func keyText(_ item: Item) -> String {
        switch item.body {
        case .choice(let options), .multi(let options):
            return options.filter(\.isCorrect).map(\.text).joined(separator: " ")
        case .truefalse(let answer): return answer ? "true" : "false"
        case .short(let key): return key.accept.joined(separator: " ")
        case .numeric, .description: return ""
        case .cloze(let cloze): return cloze.blanks.compactMap(\.first).joined(separator: " ")
        case .order(let sequence): return sequence.joined(separator: " ")
        case .match(let pairs): return pairs.map { $0.left + " " + $0.right }.joined(separator: " ")
        case .open(let key): return key.model
        case .roles(let sentences): return sentences.map(\.text).joined(separator: " ")
        case .walkthrough(let walkthrough): return walkthrough.steps.map(\.prompt).joined(separator: " ")
        }
    }

    /// The content words of `text`: lowercased runs of letters and digits, longer than two
    /// characters, without `stopWords`.
    static func words(_ text: String) -> Set<String> {
        if let words = text.utf8.withContiguousStorageIfAvailable(asciiWords), let words { return words }
        return unicodeWords(text)
    }

    /// `words` for any text, by `Character`.
    static func unicodeWords(_ text: String) -> Set<String> {
        let raw = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(raw.filter { $0.count > 2 && !stopWords.contains($0) })
    }

    /// `words` for ASCII text, byte by byte (the same words: in ASCII a character is a byte, the
    /// letters are A–Z and a–z, the digits 0–9); nil when the text is not all ASCII. Most decks
    /// are, and this is most of the rule's time on a bank of thousands of items.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Set<String>? {
        var words = Set<String>()
        var start = 0
        func endWord(at end: Int) {
            defer { start = end + 1 }
            let length = end - start
            guard length > 2 else { return }
            let word = String(unsafeUninitializedCapacity: length) { buffer in
                for offset in 0..<length {
                    let byte = bytes[start + offset]
                    buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return length
            }
            if !stopWords.contains(word) { words.insert(word) }
        }
        for (offset, byte) in bytes.enumerated() {
            guard byte < 0x80 else { return nil }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !isLetter && !isDigit { endWord(at: offset) }
        }
        endWord(at: bytes.count)
        return words
    }

    private static let stopWords: Set<String> = [
        "the", "and", "that", "this", "these", "those", "which", "what", "who", "whom", "whose", "with", "for",
        "are", "was", "were", "has", "have", "had", "not", "but", "its", "from", "into", "does", "did", "would",
        "could", "should", "most", "more", "any", "all", "one", "can", "will", "than", "then", "there", "their",
        "they", "them", "his", "her", "she", "him", "essay", "essay's", "finding", "findings", "claim", "case",
    ]
}
