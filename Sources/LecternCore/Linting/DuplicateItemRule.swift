import Foundation

/// Warns when two items, in one deck or in two, ask nearly the same question with nearly the
/// same answer: a learner studying every deck meets the same exercise twice and learns nothing
/// new the second time.
///
/// Two items count as duplicates when they have the same type, and either their prompts and
/// their keys (the right option, the accepted answer, the sequence, the sentences…) both
/// share most of their content words, or their keys are the same and their prompts overlap. Words are compared as sets after dropping common words and
/// paragraph marks, so rewording a sentence does not hide a duplicate.
enum DuplicateItemRule {
    /// Jaccard similarity of content words from which prompts, and keys, count as the same.
    static let promptLimit = 0.5
    static let keyLimit = 0.5
    /// Keys this close are the same answer, whatever the wording of the prompt around them.
    static let sameKey = 0.9

    struct Entry {
        var deckID: String
        var item: Item
        var prompt: Set<String>
        var key: Set<String>
    }

    /// Findings keyed by deck path: each duplicate is reported at the later of the two items.
    static func findings(_ decks: [(path: String, deck: Deck)]) -> [String: [Diagnostic]] {
        var seen: [ItemKind: [Entry]] = [:]
        var findings: [String: [Diagnostic]] = [:]
        for (path, deck) in decks {
            for item in deck.items {
                let entry = Entry(
                    deckID: deck.id, item: item, prompt: words(promptText(item)), key: words(keyText(item)))
                if let earlier = seen[item.kind, default: []].first(where: { isDuplicate($0, entry) }) {
                    findings[path, default: []].append(
                        .warning(
                            "duplicate-item", at: item.location(of: "id"),
                            "\(item.kind.rawValue) item '\(item.id)' asks nearly what '\(earlier.deckID)/\(earlier.item.id)' asks, with nearly the same answer; keep the better one and replace the other with an item that trains something new (a replaced item gets a new id)"
                        ))
                }
                seen[item.kind, default: []].append(entry)
            }
        }
        return findings
    }

    static func isDuplicate(_ a: Entry, _ b: Entry) -> Bool {
        guard a.item.kind == b.item.kind else { return false }
        switch a.item.body {
        case .truefalse(let answer):
            guard case .truefalse(let other) = b.item.body, answer == other else { return false }
            return similarity(a.prompt, b.prompt) >= 0.6
        case .numeric(let key):
            guard case .numeric(let other) = b.item.body, key.target == other.target else { return false }
            return similarity(a.prompt, b.prompt) >= promptLimit
        default:
            let prompts = similarity(a.prompt, b.prompt)
            let keys = similarity(a.key, b.key)
            // Either both are close, or the keys are the same and the prompts ask about the same thing.
            return (prompts >= promptLimit && keys >= keyLimit) || (keys >= sameKey && prompts >= 0.15)
        }
    }

    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
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

    static func words(_ text: String) -> Set<String> {
        let raw = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(raw.filter { $0.count > 2 && !stopWords.contains($0) })
    }

    private static let stopWords: Set<String> = [
        "the", "and", "that", "this", "these", "those", "which", "what", "who", "whom", "whose", "with", "for",
        "are", "was", "were", "has", "have", "had", "not", "but", "its", "from", "into", "does", "did", "would",
        "could", "should", "most", "more", "any", "all", "one", "can", "will", "than", "then", "there", "their",
        "they", "them", "his", "her", "she", "him", "essay", "essay's", "finding", "findings", "claim", "case",
    ]
}
