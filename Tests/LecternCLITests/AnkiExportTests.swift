import Foundation
import LecternCore
import Testing

/// `lectern export --format apkg`, imported with the official `anki` Python library (installed
/// in .venv by scripts/setup.sh) into a fresh collection, as Anki's own Import does; then a
/// second export of the changed deck imported over it, which must update, never duplicate.
@Suite struct AnkiExportTests {
    struct Collection: Decodable {
        struct Import: Decodable {
            var new: Int
            var updated: Int
            var duplicate: Int
        }
        struct Card: Decodable {
            var question: String
            var answer: String
            var tags: [String]
            var deck: String
            var note_type: String
        }
        var imports: [Import]
        var notes: Int
        var cards: Int
        var decks: [String]
        var tags: [String]
        var cards_by_guid: [String: Card]
    }

    /// Runs Tests/reference/anki_import.py on the packages, in order, into one new collection.
    func importIntoAnki(_ packages: [String]) throws -> Collection {
        let python = LecternBinary.packageRoot.appendingPathComponent(".venv/bin/python").path
        let script = LecternBinary.packageRoot.appendingPathComponent("Tests/reference/anki_import.py").path
        try #require(
            FileManager.default.isExecutableFile(atPath: python),
            "\(python) is missing: run scripts/setup.sh, which creates .venv with the anki package")
        let folder = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out.json")
        let err = folder.appendingPathComponent("err.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + packages
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        let errors = String(decoding: try Data(contentsOf: err), as: UTF8.self)
        try #require(process.terminationStatus == 0, "anki_import.py failed: \(errors)")
        return try JSONDecoder().decode(Collection.self, from: try Data(contentsOf: out))
    }

    static func html(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "<br>")
    }

    @Test func ankiImportsTheDeckAndASecondExportUpdatesIt() throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let deckFile = home.appendingPathComponent("platform-wins.yaml")
        let original = try String(contentsOfFile: LecternBinary.bundledDecks + "/platform-wins.yaml", encoding: .utf8)
        try original.write(to: deckFile, atomically: true, encoding: .utf8)
        // The deck names concepts (`@…`) from the vocabulary beside it.
        try FileManager.default.copyItem(
            atPath: LecternBinary.bundledDecks + "/concepts.yaml",
            toPath: home.appendingPathComponent("concepts.yaml").path)
        let deck = try #require(DeckLoader.load(fileAt: deckFile.path).usableDeck)
        let first = home.appendingPathComponent("first.apkg").path
        let exported = try LecternBinary.run(["export", deckFile.path, "-o", first], home: home)
        #expect(exported.status == 0, "\(exported.standardError)")

        // One note per item; a walkthrough gives one per step.
        let expectedNotes = deck.items.reduce(0) { count, item in
            if case .walkthrough(let walkthrough) = item.body { return count + walkthrough.steps.count }
            return count + 1
        }
        let once = try importIntoAnki([first])
        #expect(once.imports.map(\.new) == [expectedNotes])
        #expect(once.notes == expectedNotes && once.cards == expectedNotes)
        #expect(once.decks.contains(deck.title))
        let allTags = Set(deck.items.flatMap(\.tags))
        #expect(Set(once.tags) == allTags)
        #expect(once.cards_by_guid.values.allSatisfy { $0.deck == deck.title && $0.note_type == "Lectern" })

        // The first item's card as Anki renders it: prompt and options on the front; the right
        // option, the explanation and the cited paragraph on the back.
        let item = deck.items[0]
        let card = try #require(once.cards_by_guid.values.first { $0.question.contains(Self.html(item.prompt)) })
        #expect(card.tags == item.tags)
        for option in item.options { #expect(card.question.contains("<li>\(Self.html(option.text))</li>")) }
        let rightOption = item.options.first { $0.isCorrect }
        let right = try #require(rightOption)
        #expect(!card.question.contains("class=answer"))
        #expect(card.answer.contains(Self.html(right.text)))
        let explain = try #require(item.explain)
        #expect(card.answer.contains(Self.html(explain)))
        let number = try #require(item.source.first)
        let cited = try #require(deck.source?.passage(number))
        #expect(card.answer.contains("¶\(cited.number): \(Self.html(cited.summary))"))

        // The author edits an explanation and exports again, a moment later: importing the new
        // package over the old one updates the notes and adds none.
        Thread.sleep(forTimeInterval: 1.1)  // Anki compares modification times in whole seconds.
        let edited = original.replacingOccurrences(
            of: "¶4 says the heat is made", with: "Paragraph 4 says the heat is made")
        #expect(edited != original)
        try edited.write(to: deckFile, atomically: true, encoding: .utf8)
        let second = home.appendingPathComponent("second.apkg").path
        #expect(try LecternBinary.run(["export", deckFile.path, "-o", second], home: home).status == 0)
        let twice = try importIntoAnki([first, second])
        #expect(twice.imports.map(\.new) == [expectedNotes, 0])
        #expect(twice.imports[1].updated == expectedNotes)
        #expect(twice.notes == expectedNotes)
        #expect(Set(twice.cards_by_guid.keys) == Set(once.cards_by_guid.keys))
        #expect(twice.cards_by_guid.values.contains { $0.answer.contains("Paragraph 4 says the heat is made") })

        // An existing package is replaced only with --force, in one step: nothing half-written is left.
        let kept = try LecternBinary.run(["export", deckFile.path, "-o", first], home: home)
        #expect(kept.status == 1)
        let replaced = try LecternBinary.run(["export", deckFile.path, "-o", first, "--force"], home: home)
        #expect(replaced.status == 0, "\(replaced.standardError)")
        #expect(try importIntoAnki([first]).notes == expectedNotes)
        let left = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasSuffix(".partial") }
        #expect(left.isEmpty)
    }
}
