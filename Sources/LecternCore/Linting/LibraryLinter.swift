import Foundation

/// The rules that need every deck at once: duplicate items across decks, and answer lists
/// that ask for the same answer with different wordings.
enum LibraryLinter {
    /// Findings keyed by the path of the deck they belong to.
    static func lint(_ decks: [(path: String, deck: Deck)]) -> [String: [Diagnostic]] {
        var vocabularies: [String: ConceptVocabulary] = [:]
        func vocabulary(besideDeckAt path: String) -> ConceptVocabulary {
            let folder = PathText.folder(of: path)
            if let known = vocabularies[folder] { return known }
            let loaded = ConceptVocabulary.beside(deckAt: path).vocabulary
            vocabularies[folder] = loaded
            return loaded
        }
        var findings = DuplicateItemRule.findings(decks)
        for (path, found) in ConceptAgreementRule.findings(decks, vocabulary: vocabulary(besideDeckAt:)) {
            findings[path, default: []] += found
        }
        return findings
    }
}
