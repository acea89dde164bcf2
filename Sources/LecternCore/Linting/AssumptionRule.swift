import Foundation

/// Warns when a roles item's unstated assumption (`a`) says what its conclusion (`c`) says.
///
/// An assumption made explicit must be needed by the argument, absent from the text, and not
/// the conclusion in other words: a reconstruction whose hidden premise restates the
/// conclusion begs the question. A machine cannot judge the first two, but it can see when
/// the `a` sentence and the `c` sentence share nearly all their content words, after folding
/// a few word families the decks use for the same idea (a slump and work drying up, selling
/// and sales, mostly and mainly).
enum AssumptionRule {
    /// Share of the shorter sentence's content words found in the other, from which they count as the same claim.
    static let overlapLimit = 0.75

    static func findings(_ sentences: [RoleSentence], in item: Item, name: String) -> [Diagnostic] {
        let conclusions = sentences.filter { $0.role == .conclusion }.map { contentWords($0.text) }
        var findings: [Diagnostic] = []
        for sentence in sentences where sentence.role == .assumption {
            let words = contentWords(sentence.text)
            guard
                let match = conclusions.first(where: { conclusion in
                    let shorter = min(words.count, conclusion.count)
                    return shorter >= 2
                        && Double(words.intersection(conclusion).count) / Double(shorter) >= overlapLimit
                })
            else { continue }
            let shared = words.intersection(match).sorted().joined(separator: ", ")
            findings.append(
                .warning(
                    "assumption-restates-conclusion", at: item.location(of: "sentences"),
                    "the assumption '\(sentence.text.shortened)' of \(name) says what its conclusion says (\(shared)); an 'a' sentence must be a premise the argument needs and the text leaves out, not the conclusion in other words"
                ))
        }
        return findings
    }

    /// Lower-cased content words, each folded to its family's first member and a crude stem.
    static func contentWords(_ text: String) -> Set<String> {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        return Set(
            words.compactMap { word in
                guard !stopWords.contains(word), word.count > 2 else { return nil }
                let stem = stem(word)
                return families[stem] ?? stem
            })
    }

    private static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    private static let families: [String: String] = [
        "slump": "slump", "stall": "slump", "dri": "slump", "dry": "slump", "idle": "slump", "fad": "slump",
        "decline": "slump", "empti": "slump", "empty": "slump", "drie": "slump",
        "career": "work", "job": "work", "work": "work",
        "sell": "sell", "sale": "sell", "seller": "sell",
        "mostly": "most", "mainly": "most", "main": "most", "usually": "most", "most": "most",
        "star": "star", "celebriti": "star", "celebrity": "star",
    ]

    private static let stopWords: Set<String> = [
        "the", "and", "that", "who", "whose", "those", "they", "their", "them", "this", "these", "with",
        "for", "are", "was", "were", "had", "has", "have", "not", "but", "its", "from", "into", "when",
        "then", "than", "any", "all", "only", "one", "can", "will", "would", "there", "what", "which",
        "turn", "take", "up", "so",
    ]
}
