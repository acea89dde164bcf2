import Foundation
import Testing

@testable import LecternCore

/// A deck from a stranger names files: only regular files of bounded size inside the deck's
/// own folder are ever read, and nothing a folder holds can make loading block.
@Suite("Files a deck names or a folder holds")
struct DeckFileTrustTests {
    /// A folder of its own per test, with a `decks` folder inside and room beside it.
    struct Sandbox {
        let root: URL
        var decks: URL { root.appending(path: "decks") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appending(path: "lectern-trust-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appending(path: "decks/texts"), withIntermediateDirectories: true)
        }

        /// Writes `d.yaml` naming `file` as its source file (the value sits at line 6, column 9).
        func deck(naming file: String, id: String = "d") throws -> String {
            let text = """
                lectern: 1
                id: \(id)
                title: Test deck
                source:
                  title: An essay
                  file: \(file)
                  passages:
                    1: The first paragraph.
                items:
                  - id: good
                    type: truefalse
                    skill: recall
                    source: [1]
                    prompt: Is it so?
                    answer: true
                    explain: Paragraph 1 says so.

                """
            let path = decks.appending(path: "\(id).yaml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func write(_ text: String, to relative: String) throws {
            try text.write(to: root.appending(path: relative), atomically: true, encoding: .utf8)
        }

        func link(_ relative: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(
                atPath: root.appending(path: relative).path, withDestinationPath: destination)
        }

        func fifo(_ relative: String) throws {
            #expect(mkfifo(root.appending(path: relative).path, 0o600) == 0)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let essay = "[¶1] The real first paragraph.\n\n[¶2] The real second paragraph.\n"

    private func findings(_ result: DeckLoadResult) -> [String] {
        result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity) \($0.rule) \($0.message)" }
    }

    // MARK: - source.file stays inside the deck's folder

    @Test(arguments: [
        ("/etc/passwd", "is an absolute path"),
        ("../secret.txt", "climbs out of the deck's folder with '..'"),
        ("texts/../../secret.txt", "climbs out of the deck's folder with '..'"),
        ("~/secret.txt", "is an absolute path"),
    ])
    func aNameThatLeavesTheFolderIsAnErrorAtItsValueAndIsNeverRead(name: String, reason: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write(Self.essay, to: "secret.txt")
        let result = DeckLoader.load(fileAt: try sandbox.deck(naming: name))
        #expect(
            findings(result) == [
                "6:9 error source-file-outside source.file '\(name)' \(reason); a deck may only name files in its own folder or below it, so move the text there and name it relative to the deck"
            ])
        #expect(result.usableDeck == nil)
        let deck = try #require(result.deck)
        #expect((deck.source?.paragraphs ?? [:]) == [:])
    }

    @Test func aSymbolicLinkThatLeadsOutIsAnErrorAndIsNeverRead() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write(Self.essay, to: "secret.txt")
        try sandbox.link("decks/texts/essay.txt", to: sandbox.root.appending(path: "secret.txt").path)
        let result = DeckLoader.load(fileAt: try sandbox.deck(naming: "texts/essay.txt"))
        #expect(result.diagnostics.map(\.rule) == ["source-file-outside"])
        #expect(result.diagnostics.first?.message.contains("through a symbolic link") == true)
        #expect(result.diagnostics.first.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (6, 9))
        #expect((try #require(result.deck).source?.paragraphs ?? [:]) == [:])
    }

    @Test func aLinkToAProcFileIsOutsideToo() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.link("decks/environ.txt", to: "/proc/self/environ")
        let result = DeckLoader.load(fileAt: try sandbox.deck(naming: "environ.txt"))
        #expect(result.diagnostics.map(\.rule) == ["source-file-outside"])
        #expect((try #require(result.deck).source?.paragraphs ?? [:]) == [:])
    }

    @Test func aFileInsideTheFolderIsReadThroughDotsAndLinksThatStayInside() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write(Self.essay, to: "decks/texts/essay.txt")
        try sandbox.link("decks/essay-link.txt", to: "texts/essay.txt")
        for name in ["texts/essay.txt", "./texts/../texts/essay.txt", "essay-link.txt"] {
            let result = DeckLoader.load(fileAt: try sandbox.deck(naming: name))
            #expect(result.diagnostics == [], "\(name)")
            let deck = try #require(result.usableDeck)
            #expect(
                (deck.source?.paragraphs ?? [:]) == [1: "The real first paragraph.", 2: "The real second paragraph."])
        }
    }

    @Test func aMissingFileIsAWarningAndTheDeckStaysUsable() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let path = try sandbox.deck(naming: "essay.txt")
        let result = DeckLoader.load(fileAt: path)
        let looked = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("essay.txt")
        #expect(
            findings(result) == [
                "6:9 note source-file-missing source.file 'essay.txt' is not there (looked for \(looked.shortened)); ':source' shows the deck's summaries until the text is put there"
            ])
        #expect(result.usableDeck != nil)
    }

    /// The time limit is a hang guard only: a FIFO opened for reading would wait forever.
    @Test(.timeLimit(.minutes(1))) func aFIFONamedAsTheSourceIsNeverOpenedForReadingAndNeverBlocks() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.fifo("decks/essay.txt")
        let result = DeckLoader.load(fileAt: try sandbox.deck(naming: "essay.txt"))
        let deck = try #require(result.usableDeck)
        #expect((deck.source?.paragraphs ?? [:]) == [:])
        #expect(
            findings(result) == [
                "6:9 warning source-file-unusable source.file 'essay.txt' is a FIFO (named pipe), not a regular file, so it is not read; ':source' shows the deck's summaries instead"
            ])
    }

    @Test func aSourceFileOverOneMebibyteIsNotRead() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let big = "[¶1] " + String(repeating: "word ", count: 2 * 1024 * 1024 / 5)
        try sandbox.write(big, to: "decks/essay.txt")
        let result = DeckLoader.load(fileAt: try sandbox.deck(naming: "essay.txt"))
        #expect(result.diagnostics.map(\.rule) == ["source-file-unusable"])
        #expect(
            result.diagnostics.first?.message.contains(
                "is \(big.utf8.count) bytes, over the limit of \(SourceParagraphs.maxBytes) for a source text") == true)
        #expect((try #require(result.usableDeck).source?.paragraphs ?? [:]) == [:])
        #expect(SourceParagraphs.maxBytes == 1_048_576)
    }

    // MARK: - Deck files and folders

    /// The time limit is a hang guard only: a FIFO opened for reading would wait forever.
    @Test(.timeLimit(.minutes(1))) func aFIFONamedYamlInAFolderIsSkippedWithAWarningAndNeverOpened() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try sandbox.deck(naming: "essay.txt")
        try sandbox.write(Self.essay, to: "decks/essay.txt")
        try sandbox.fifo("decks/pipe.yaml")
        let library = DeckLibrary.load(directories: [sandbox.decks.path])
        #expect(library.usableDecks.map(\.id) == ["d"])
        let skipped = library.entries.first { $0.path.hasSuffix("pipe.yaml") }
        #expect(
            skipped?.diagnostics.map { "\($0.severity) \($0.rule) \($0.message)" } == [
                "warning special-file-skipped skipped: this is a FIFO (named pipe), not a regular file, so it was not opened; remove it or rename it without .yaml"
            ])
    }

    /// The time limit is a hang guard only: a FIFO opened for reading would wait forever.
    @Test(.timeLimit(.minutes(1))) func aFIFOOrDeviceGivenAsADeckPathIsRefusedWithoutBlocking() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.fifo("decks/pipe.yaml")
        let fifo = DeckLoader.load(fileAt: sandbox.decks.appending(path: "pipe.yaml").path)
        #expect(
            findings(fifo) == [
                "1:1 error not-regular-file the file is a FIFO (named pipe), not a regular file, so it was not read; a deck is a plain text file"
            ])
        #expect(DeckLoader.load(fileAt: "/dev/zero").diagnostics.first?.message.contains("a character device") == true)
    }

    @Test func aProcFileIsRefusedAsADeckEvenThroughALink() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        #expect(DeckLoader.load(fileAt: "/proc/self/status").diagnostics.map(\.rule) == ["not-regular-file"])
        try sandbox.link("decks/status.yaml", to: "/proc/self/status")
        let library = DeckLibrary.load(directories: [sandbox.decks.path])
        #expect(library.diagnostics.map(\.rule) == ["not-regular-file"])
    }

    @Test func aLinkToARegularDeckFileIsFine() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write(Self.essay, to: "decks/essay.txt")
        let real = try sandbox.deck(naming: "essay.txt", id: "real")
        try sandbox.link("decks/linked.yaml", to: real)
        let library = DeckLibrary.load(directories: [sandbox.decks.path])
        #expect(library.entries.map { ($0.path as NSString).lastPathComponent } == ["linked.yaml", "real.yaml"])
        #expect(library.entries.first?.diagnostics.map(\.rule) == ["id-not-filename"])
    }

    @Test func aFIFONamedAsTheConceptVocabularyIsRefusedWithoutBlocking() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write(Self.essay, to: "decks/essay.txt")
        let path = try sandbox.deck(naming: "essay.txt")
        try sandbox.fifo("decks/concepts.yaml")
        let result = DeckLoader.load(fileAt: path)
        #expect(result.usableDeck != nil)
        let vocabulary = ConceptVocabulary.load(fileAt: sandbox.decks.appending(path: "concepts.yaml").path)
        #expect(
            vocabulary.diagnostics.map { "\($0.rule) \($0.message)" } == [
                "not-regular-file the concept vocabulary is a FIFO (named pipe), not a regular file; it must be a readable text file"
            ])
    }
}
