import Foundation
import Testing

@testable import LecternCore

/// Building items while libyaml reads them gives what building them from the whole document's
/// nodes gives: the same model, field by field, and the same findings in the same order
/// (before sorting), for every loader fixture, clean or broken.
@Suite struct ItemStreamTests {
    static func texts() throws -> [(name: String, text: String)] {
        try LoaderFixtures.inputs().compactMap { input in
            switch input {
            case .file(let path):
                // A fixture that is not UTF-8 never reaches the YAML reader.
                let bytes = try Data(contentsOf: LoaderFixtures.root.appending(path: path))
                return String(validating: bytes, as: UTF8.self).map { (input.name, $0) }
            case .text(_, let text): return (input.name, text)
            case .vocabulary: return nil
            }
        }
    }

    @Test(arguments: try texts().map(\.name))
    func streamingBuildsWhatTheWholeTreeBuilds(_ name: String) throws {
        let text = try #require(try Self.texts().first { $0.name == name }).text
        let path = "Decks/\(name).yaml"
        let body = SourceText.strippingBOM(text, path: path).text
        let streamed = ItemStream.deck(from: body, path: path, limits: .default)

        let composed = YAMLComposer.compose(body, path: path, limits: .default)
        var builder = DeckBuilder(path: path)
        let tree = composed.root.map { builder.deck(from: $0) } ?? nil

        #expect(streamed.composing == composed.diagnostics)
        #expect(streamed.building == builder.diagnostics)
        let streamedDump = try ModelDump.text(["deck": ModelDump.json(streamed.deck as Any, root: "")])
        let treeDump = try ModelDump.text(["deck": ModelDump.json(tree as Any, root: "")])
        #expect(streamedDump == treeDump)
    }

    @Test func aSyntaxErrorAfterTheItemsVoidsWhatWasBuilt() {
        let text = """
            lectern: 1
            id: late-error
            title: Late
            source: {title: S}
            items:
              - {id: a, type: truefalse, skill: recall, source: [1], prompt: P, answer: true}
              - {id: b, type: nonsense, prompt: P}
            summary: [unclosed
            """
        let streamed = ItemStream.deck(from: text, path: "x.yaml", limits: .default)
        #expect(streamed.deck == nil)
        #expect(streamed.building.isEmpty)
        #expect(streamed.composing.map(\.rule) == ["yaml-syntax"])
    }

    @Test func anEmptyStreamedListIsStillTooFew() {
        let text = "lectern: 1\nid: e\ntitle: E\nsource: {title: S}\nitems: []\n"
        let streamed = ItemStream.deck(from: text, path: "x.yaml", limits: .default)
        #expect(streamed.building.map(\.rule) == ["too-few-entries"])
    }
}
