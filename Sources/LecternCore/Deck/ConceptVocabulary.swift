import Foundation

/// One list of accepted wordings per concept, shared by every deck in a folder.
///
/// Without it, each item asking for "barrier to entry" keeps its own list, and the lists
/// drift: "entry cost" is right in one deck and wrong in the next. A deck names a concept in
/// an answer list as `@concept-id` (in a `short` item's `accept`, or as a variant of a cloze
/// blank) and accepts every wording of it. The vocabulary lives in `concepts.yaml` beside
/// the decks; see `ConceptVocabulary.load(fileAt:limits:)`.
package struct ConceptVocabulary: Sendable, CustomReflectable {
    /// One concept: its id, what it means (for authors), and its accepted wordings.
    package struct Concept: Sendable, Equatable {
        package var id: String
        package var meaning: String?
        package var accept: [String]
        package var location: SourceLocation

        package init(id: String, meaning: String? = nil, accept: [String], location: SourceLocation) {
            self.id = id
            self.meaning = meaning
            self.accept = accept
            self.location = location
        }
    }

    /// The name of the vocabulary file in a deck folder; it is not a deck.
    package static let fileName = "concepts.yaml"

    /// Concepts by id.
    package var concepts: [String: Concept] {
        didSet { normalized = Normalized(concepts) }
    }
    /// The file the vocabulary was read from, or nil when the folder has none.
    package var path: String?
    /// Every wording after `TextNormalizer`, worked out once for the whole vocabulary: each
    /// answer list of every deck in the folder is compared with it, and normalising is slow.
    private var normalized: Normalized

    /// The wordings of every concept as `TextNormalizer` writes them, both ways round.
    private struct Normalized: Sendable {
        /// Each concept's wordings, normalised, in the order of `accept`.
        var wordings: [String: [String]] = [:]
        /// The ids of the concepts listing each normalised wording, sorted.
        var concepts: [String: [String]] = [:]

        init(_ concepts: [String: Concept]) {
            for (id, concept) in concepts {
                let normalized = concept.accept.map(TextNormalizer.normalize)
                wordings[id] = normalized
                for wording in Set(normalized) { self.concepts[wording, default: []].append(id) }
            }
            for wording in self.concepts.keys { self.concepts[wording]?.sort() }
        }
    }

    /// The concepts and the path, as before the normalised wordings were kept: they are
    /// worked out from the concepts, so a dump of the vocabulary shows what was read.
    package var customMirror: Mirror {
        Mirror(self, children: ["concepts": concepts, "path": path as Any], displayStyle: .struct)
    }

    package init(concepts: [Concept] = [], path: String? = nil) {
        var byID: [String: Concept] = [:]
        for concept in concepts where byID[concept.id] == nil { byID[concept.id] = concept }
        self.concepts = byID
        self.path = path
        normalized = Normalized(byID)
    }

    package static let empty = ConceptVocabulary()

    /// The concept id named by an answer entry written `@id`, or nil for an ordinary entry.
    package static func reference(in entry: String) -> String? {
        let trimmed = entry.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 1, trimmed.hasPrefix("@") else { return nil }
        return String(trimmed.dropFirst())
    }

    /// The concepts whose every wording `accepted` holds: the concepts an expanded answer list names.
    package func namedConcepts(in accepted: [String]) -> [String] {
        let normalized = Set(accepted.map(TextNormalizer.normalize))
        return concepts.keys.filter { id in normalizedWordings(of: id).allSatisfy(normalized.contains) }.sorted()
    }

    /// The concepts that list this wording (compared after `TextNormalizer`).
    package func concepts(containing wording: String) -> [String] {
        normalized.concepts[TextNormalizer.normalize(wording)] ?? []
    }

    /// The concepts, sorted by id, that list at least one of these wordings, each already
    /// passed through `TextNormalizer`.
    package func concepts(sharingAnyOf normalizedWordings: Set<String>) -> [String] {
        var ids = Set<String>()
        for wording in normalizedWordings { ids.formUnion(normalized.concepts[wording] ?? []) }
        return ids.sorted()
    }

    /// The wordings of concept `id` after `TextNormalizer`, in the order of its `accept`.
    package func normalizedWordings(of id: String) -> [String] {
        normalized.wordings[id] ?? []
    }
}
