import Foundation

/// Replaces every `@concept-id` in a deck's answer lists by the concept's wordings, and
/// reports names that match no concept and lists that use a concept's words without naming it.
///
/// Runs after the deck is built and before the linter, so graders, previews and rules only
/// ever see plain wordings.
enum ConceptExpansion {
    /// Expands `deck` in place (a bank's items are not copied) and returns what it found.
    static func expand(_ deck: inout Deck, vocabulary: ConceptVocabulary, vocabularyFindings: [Diagnostic])
        -> [Diagnostic]
    {
        var findings: [Diagnostic] = []
        var namesAConcept = false
        for index in deck.items.indices where expands(deck.items[index]) {
            deck.items[index] = expand(
                deck.items[index], isStep: false, vocabulary: vocabulary, findings: &findings,
                namesAConcept: &namesAConcept)
        }
        // A broken vocabulary matters to the decks that rely on it; report it there, once per deck.
        if namesAConcept { findings = vocabularyFindings + findings }
        return findings
    }

    /// Whether `expand` can change the item or find something in it: only answer lists can.
    private static func expands(_ item: Item) -> Bool {
        switch item.body {
        case .short, .cloze, .walkthrough: true
        default: false
        }
    }

    private static func expand(
        _ item: Item, isStep: Bool, vocabulary: ConceptVocabulary, findings: inout [Diagnostic],
        namesAConcept: inout Bool
    ) -> Item {
        var item = item
        let name = "\(item.kind.rawValue) \(isStep ? "step" : "item") '\(item.id)'"
        switch item.body {
        case .short(var key):
            let expanded = expand(
                key.answers, in: name, at: item.location(of: "accept"), vocabulary: vocabulary, findings: &findings,
                namesAConcept: &namesAConcept)
            key = ShortAnswerKey(answers: expanded, exact: key.exact)
            item.body = .short(key)
        case .cloze(var cloze):
            cloze.segments = cloze.segments.map { segment in
                guard case .blank(let variants) = segment else { return segment }
                return .blank(
                    expand(
                        variants.map { WeightedAnswer($0) }, in: name, at: item.location(of: "prompt"),
                        vocabulary: vocabulary, findings: &findings, namesAConcept: &namesAConcept
                    ).map(\.value))
            }
            item.body = .cloze(cloze)
        case .walkthrough(var walkthrough):
            walkthrough.steps = walkthrough.steps.map { step in
                expand(step, isStep: true, vocabulary: vocabulary, findings: &findings, namesAConcept: &namesAConcept)
            }
            item.body = .walkthrough(walkthrough)
        default:
            break
        }
        return item
    }

    /// One answer list with its concepts spelled out, in order, without repeats. A concept
    /// named in an answer with its own credit or feedback lends them to each of its wordings.
    private static func expand(
        _ entries: [WeightedAnswer<String>], in name: String, at location: SourceLocation,
        vocabulary: ConceptVocabulary, findings: inout [Diagnostic], namesAConcept: inout Bool
    ) -> [WeightedAnswer<String>] {
        let full = entries.filter(\.isFullCredit).map(\.value)
        findings += unnamedConcepts(full, in: name, at: location, vocabulary: vocabulary)
        guard entries.contains(where: { ConceptVocabulary.reference(in: $0.value) != nil }) else {
            return entries  // no concept named: the author's list stays exactly as written
        }
        namesAConcept = true
        // The author's own entries are kept as written; a concept's wordings join once each.
        var seen = Set(
            entries.map(\.value).filter { ConceptVocabulary.reference(in: $0) == nil }.map(TextNormalizer.normalize))
        var result: [WeightedAnswer<String>] = []
        for entry in entries {
            guard let id = ConceptVocabulary.reference(in: entry.value) else {
                result.append(entry)
                continue
            }
            guard let concept = vocabulary.concepts[id] else {
                findings.append(.error("concept-unknown", at: location, unknownMessage(id, in: name, vocabulary)))
                continue
            }
            for wording in concept.accept where seen.insert(TextNormalizer.normalize(wording)).inserted {
                var spelled = entry
                spelled.value = wording
                result.append(spelled)
            }
        }
        return result
    }

    private static func unknownMessage(_ id: String, in name: String, _ vocabulary: ConceptVocabulary) -> String {
        guard let path = vocabulary.path else {
            return
                "\(name) names concept '@\(id.shortened)', but there is no \(ConceptVocabulary.fileName) beside the deck; add one that defines it, or write the wordings out"
        }
        let hint =
            Suggestion.closest(to: id, among: vocabulary.concepts.keys.sorted()).map { "did you mean '@\($0)'?" }
            ?? "add it to \(path) or fix the name"
        return "\(name) names concept '@\(id.shortened)', which \(path) does not define; \(hint)"
    }

    /// A list that shows the answer of a concept, or two of its wordings, asks for that
    /// concept: it should name it, or it will reject the concept's other wordings.
    private static func unnamedConcepts(
        _ entries: [String], in name: String, at location: SourceLocation, vocabulary: ConceptVocabulary
    ) -> [Diagnostic] {
        guard !vocabulary.concepts.isEmpty else { return [] }  // no concept to leave unnamed
        let named = Set(entries.compactMap(ConceptVocabulary.reference(in:)))
        let plain = entries.filter { ConceptVocabulary.reference(in: $0) == nil }
        guard !plain.isEmpty else { return [] }
        let wordings = Set(plain.map(TextNormalizer.normalize))
        let shown = TextNormalizer.normalize(plain[0])
        var findings: [Diagnostic] = []
        // Only a concept that lists one of these wordings can share two or list the shown one.
        for id in vocabulary.concepts(sharingAnyOf: wordings) where !named.contains(id) {
            guard let concept = vocabulary.concepts[id] else { continue }
            let normalized = vocabulary.normalizedWordings(of: id)
            let vocabularyWords = Set(normalized)
            let shared = wordings.intersection(vocabularyWords)
            guard shared.count >= 2 || vocabularyWords.contains(shown) else { continue }
            let missing = zip(concept.accept, normalized).filter { !wordings.contains($0.1) }.map(\.0)
            guard !missing.isEmpty else { continue }
            let sample = missing.prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            findings.append(
                .warning(
                    "concept-not-named", at: location,
                    "\(name) accepts wordings of concept '\(concept.id)' but does not name it, so it rejects \(sample)\(missing.count > 3 ? " and \(missing.count - 3) more" : ""); write '@\(concept.id)' in its answers"
                ))
        }
        return findings
    }
}
