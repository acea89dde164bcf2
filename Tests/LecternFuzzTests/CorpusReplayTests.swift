import Foundation
import LecternCore
import Testing

@testable import LecternFuzzing

/// The committed fuzz corpus, replayed through the same entry points libFuzzer calls, in the
/// plain debug build: every input that once crashed or hung stays fixed, and every seed
/// still loads or grades without a crash.
@Suite("Fuzz corpus replay")
struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fuzz/corpus")

    static func inputs(_ folder: String) -> [URL] {
        FuzzReplay.files(in: [corpus.appending(path: folder).path])
    }

    @Test("every deck input loads to diagnostics in bounded time")
    func deckCorpus() throws {
        let files = Self.inputs("deck")
        #expect(files.count >= 10, "the deck corpus is missing from \(Self.corpus.path)")
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            DeckFuzzTarget.run(bytes)
        }
    }

    @Test("every answer input parses or is refused with a message")
    func answerCorpus() throws {
        let files = Self.inputs("answer")
        #expect(files.count >= 10, "the answer corpus is missing from \(Self.corpus.path)")
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            AnswerFuzzTarget.run(bytes)
        }
    }

    @Test("the answer deck holds every answerable item type")
    func answerDeckCoversTypes() {
        let kinds = Set(AnswerFuzzTarget.deck.items.map(\.kind))
        // A description asks nothing, so it has no answer to fuzz.
        #expect(kinds == Set(ItemKind.allCases).subtracting([.description]))
    }
}
