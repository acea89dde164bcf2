import Foundation
import Testing

@testable import LecternCore

/// The vocabulary normalises its wordings once, not for every answer list it is compared
/// with. These tests check the normalised look-ups against a scan of the concepts that
/// normalises as it goes, on the bundled vocabulary and wordings written the ways authors do.
@Suite struct ConceptVocabularyIndexTests {
    static let vocabulary: ConceptVocabulary = {
        let path = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Decks/\(ConceptVocabulary.fileName)").path
        return ConceptVocabulary.load(fileAt: path).vocabulary
    }()

    /// The concepts listing `wording`, found by normalising every wording of every concept.
    static func scanned(_ vocabulary: ConceptVocabulary, containing wording: String) -> [String] {
        let key = TextNormalizer.normalize(wording)
        return vocabulary.concepts.values.filter { concept in
            concept.accept.contains { TextNormalizer.normalize($0) == key }
        }.map(\.id).sorted()
    }

    /// Every wording of the vocabulary as written, capitalised, with an article and with
    /// hyphens, and a few that belong to no concept.
    static var wordings: [String] {
        let written = vocabulary.concepts.values.flatMap(\.accept)
        let variants = written.flatMap { wording in
            [wording, wording.uppercased(), "the " + wording, wording.replacingOccurrences(of: " ", with: "-")]
        }
        return variants + ["", "  ", "no such wording", "@barrier-to-entry"]
    }

    @Test func theBundledVocabularyHasConceptsToLookUp() {
        #expect(Self.vocabulary.concepts.count >= 5)
    }

    @Test func conceptsContainingAWordingAreThoseAScanFinds() {
        var differences: [String] = []
        for wording in Self.wordings {
            let found = Self.vocabulary.concepts(containing: wording)
            let scanned = Self.scanned(Self.vocabulary, containing: wording)
            if found != scanned { differences.append("'\(wording)': \(found) vs \(scanned)") }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    @Test func conceptsSharingAnyWordingAreTheUnionOfEachWordingsConcepts() {
        let lists = [Array(Self.wordings.prefix(3)), Array(Self.wordings.suffix(6)), [], Self.wordings]
        for list in lists {
            let normalized = Set(list.map(TextNormalizer.normalize))
            let expected = Set(list.flatMap { Self.scanned(Self.vocabulary, containing: $0) }).sorted()
            #expect(Self.vocabulary.concepts(sharingAnyOf: normalized) == expected)
        }
    }

    @Test func changingAConceptChangesWhatIsFound() throws {
        var vocabulary = Self.vocabulary
        let id = try #require(vocabulary.concepts.keys.sorted().first)
        var concept = try #require(vocabulary.concepts[id])
        let dropped = try #require(concept.accept.first)
        concept.accept = Array(concept.accept.dropFirst()) + ["A Wording Nobody Else Uses"]
        vocabulary.concepts[id] = concept
        #expect(vocabulary.concepts(containing: "a wording nobody else uses") == [id])
        #expect(vocabulary.concepts(containing: dropped) == Self.scanned(vocabulary, containing: dropped))
        #expect(vocabulary.normalizedWordings(of: id) == concept.accept.map(TextNormalizer.normalize))
    }
}
