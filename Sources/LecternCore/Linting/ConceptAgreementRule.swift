/// Warns when two answer lists ask for the same answer but accept different wordings, and
/// that answer belongs to no concept of the shared vocabulary.
///
/// Lists that name a concept (`@concept-id`) agree by construction; this rule catches the
/// answers not yet in the vocabulary, where one deck accepts "entry cost" and the next does
/// not. Two lists ask for the same answer when they show the learner the same one (their
/// first wording). The finding is reported at the later list and names what differs.
enum ConceptAgreementRule {
    struct AnswerList {
        var deckID: String
        var label: String
        var location: SourceLocation
        var shown: String
        var wordings: Set<String>
    }

    static func findings(_ decks: [(path: String, deck: Deck)], vocabulary: (String) -> ConceptVocabulary)
        -> [String: [Diagnostic]]
    {
        var firstByAnswer: [String: AnswerList] = [:]
        var findings: [String: [Diagnostic]] = [:]
        for (path, deck) in decks {
            let concepts = vocabulary(path)
            for list in answerLists(deck) where concepts.concepts(containing: list.shown).isEmpty {
                guard let earlier = firstByAnswer[list.shown] else {
                    firstByAnswer[list.shown] = list
                    continue
                }
                guard earlier.wordings != list.wordings else { continue }
                let onlyHere = list.wordings.subtracting(earlier.wordings).sorted().prefix(4)
                let onlyThere = earlier.wordings.subtracting(list.wordings).sorted().prefix(4)
                func quoted(_ words: ArraySlice<String>) -> String {
                    words.isEmpty ? "nothing" : words.map { "'\($0)'" }.joined(separator: ", ")
                }
                findings[path, default: []].append(
                    .warning(
                        "concept-lists-disagree", at: list.location,
                        "\(list.label) asks for '\(list.shown)' like \(earlier.deckID)/\(earlier.label), but the two accept different wordings (only here: \(quoted(onlyHere)); only there: \(quoted(onlyThere))); put the wordings in one concept in \(ConceptVocabulary.fileName) and name it in both"
                    ))
            }
        }
        return findings
    }

    /// Every short answer list and cloze blank of the deck, steps included.
    static func answerLists(_ deck: Deck) -> [AnswerList] {
        var lists: [AnswerList] = []
        func visit(_ item: Item, prefix: String) {
            let label = prefix + item.id
            switch item.body {
            case .short(let key):
                let plain = key.accept.filter { !($0.hasPrefix("/") && $0.hasSuffix("/") && $0.count >= 3) }
                if let first = plain.first {
                    lists.append(
                        AnswerList(
                            deckID: deck.id, label: label, location: item.location(of: "accept"),
                            shown: TextNormalizer.normalize(first), wordings: Set(plain.map(TextNormalizer.normalize))))
                }
            case .cloze(let cloze):
                for (number, blank) in cloze.blanks.enumerated() {
                    guard let first = blank.first else { continue }
                    lists.append(
                        AnswerList(
                            deckID: deck.id, label: "\(label) blank \(number + 1)",
                            location: item.location(of: "prompt"),
                            shown: TextNormalizer.normalize(first), wordings: Set(blank.map(TextNormalizer.normalize))))
                }
            case .walkthrough(let walkthrough):
                for step in walkthrough.steps { visit(step, prefix: label + "/") }
            default:
                break
            }
        }
        for item in deck.items { visit(item, prefix: "") }
        return lists
    }
}
