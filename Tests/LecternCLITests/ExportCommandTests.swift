import Foundation
import LecternCore
import Testing

/// `lectern export` through the real binary, used as a teacher would: a bundled deck sent to
/// each format, brought back with `lectern import` and checked with `lectern lint --strict`;
/// the Anki package imported with the official `anki` library.
@Suite struct ExportCommandTests {
    static let deckID = "platform-wins"

    static var deck: Deck {
        get throws {
            try #require(DeckLibrary.load(directories: [LecternBinary.bundledDecks]).deck(id: deckID))
        }
    }

    func export(_ arguments: [String], home: URL) throws -> LecternBinary.Result {
        try LecternBinary.run(["export", "--decks", LecternBinary.bundledDecks] + arguments, home: home)
    }

    @Test func giftGoesOutAndComesBackLintClean() throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let gift = home.appendingPathComponent("pw.gift").path
        let exported = try export([Self.deckID, "-o", gift], home: home)
        #expect(exported.status == 0, "\(exported.standardError)")
        // What GIFT cannot hold is named, item by item, at its line in the deck.
        #expect(exported.standardError.contains("warning: order item 'platform-chain' asks for an order"))
        #expect(exported.standardError.contains("walkthrough item 'platform-ledger' is a walkthrough"))
        let text = try String(contentsOfFile: gift, encoding: .utf8)
        #expect(text.contains("// [id:source-of-the-heat] [tag:T5]\n::source-of-the-heat::"))

        let deck = home.appendingPathComponent("pw-back.yaml").path
        let imported = try LecternBinary.run(["import", gift, "-o", deck], home: home)
        #expect(imported.status == 0, "\(imported.standardError)")
        let lint = try LecternBinary.run(["lint", "--strict", deck], home: home)
        #expect(lint.status == 0, "\(lint.standardOutput)")
        let back = try #require(DeckLoader.load(fileAt: deck).deck)
        let left = ["platform-chain", "platform-ledger"]
        #expect(back.items.count > 10)
        let original = try Self.deck
        #expect(back.items.allSatisfy { original.item(withID: $0.id) != nil })
        #expect(left.allSatisfy { back.item(withID: $0) == nil })

        // Standard output without -o; an existing file is kept without --force.
        let piped = try export([Self.deckID, "--format", "gift"], home: home)
        #expect(piped.standardOutput == text)
        let again = try export([Self.deckID, "-o", gift], home: home)
        #expect(again.status == 1)
        #expect(again.standardError.contains("already exists"))
    }

    @Test func aQuestionTableIsSafeInASpreadsheetAndComesBackTheSame() throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        // A deck whose text a spreadsheet would run as formulas.
        let source = home.appendingPathComponent("formulas.yaml")
        try """
        lectern: 1
        id: formulas
        title: Formulas
        source:
          title: A text
          passages:
            1: The one paragraph.
        items:
          - id: sum-prompt
            type: choice
            skill: recall
            source: [1]
            prompt: "=SUM(1,2) is what a spreadsheet would run; which sign starts a formula?"
            options:
              - text: "="
                correct: true
              - text: "-1"
                feedback: "'-1 is a number, \\"quoted\\", not a formula sign."
            explain: "@ and + start formulas too."
        """.write(to: source, atomically: true, encoding: .utf8)
        let csv = home.appendingPathComponent("formulas.csv").path
        let exported = try LecternBinary.run(["export", source.path, "-o", csv], home: home)
        #expect(exported.status == 0, "\(exported.standardError)")
        let table = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(table.hasPrefix("id,type,skill,prompt,options,answer,feedback,unit,explain,hints,tags,source\r\n"))
        #expect(table.contains(#"'=SUM(1,2) is what"#))
        #expect(table.contains(#"formula?",'= | -1,'=,"#))
        #expect(table.contains(#"," | '-1 is a number, ""quoted"", not a formula sign.","#))
        #expect(table.contains(",'@ and + start formulas too.,"))
        #expect(!table.contains(",=") && !table.contains(",-") && !table.contains(",@"))

        let deck = home.appendingPathComponent("formulas-back.yaml").path
        let imported = try LecternBinary.run(["import", csv, "-o", deck, "--id", "formulas-back"], home: home)
        #expect(imported.status == 0, "\(imported.standardError)")
        let back = try #require(DeckLoader.load(fileAt: deck).deck)
        let original = try #require(DeckLoader.load(fileAt: source.path).deck)
        #expect(back.items.map(\.prompt) == original.items.map(\.prompt))
        #expect(
            back.items.map(\.options).map { $0.map(\.text) } == original.items.map(\.options).map { $0.map(\.text) })
        #expect(back.items[0].options[1].feedback == original.items[0].options[1].feedback)
        #expect(back.items.map(\.explain) == original.items.map(\.explain))
    }

    @Test func aBadRowIsRefusedAtItsCell() throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let csv = home.appendingPathComponent("bank.csv")
        // A BOM, CRLF, a quoted cell over two lines, then a row whose answer is no option.
        try "\u{FEFF}type,prompt,options,answer\r\nshort,\"Two\nlines?\",,yes\r\nchoice,Pick one,a | b,c\r\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let deck = home.appendingPathComponent("bank.yaml").path
        let result = try LecternBinary.run(["import", csv.path, "-o", deck], home: home)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "\(csv.path):4:23: error: the answer 'c' is not one of the options; copy its text or give its number"))
        #expect(result.standardError.contains("choice,Pick one,a | b,c\n                      ^"))
        #expect(!FileManager.default.fileExists(atPath: deck))

        // The same table as TSV, read by extension, and fixed: it imports and lints clean.
        let tsv = home.appendingPathComponent("bank.tsv")
        try "type\tprompt\toptions\tanswer\nshort\tTwo?\t\tyes | yeah\nchoice\tPick one\ta | b\t2\n"
            .write(to: tsv, atomically: true, encoding: .utf8)
        let fixed = try LecternBinary.run(["import", tsv.path, "-o", deck], home: home)
        #expect(fixed.status == 0, "\(fixed.standardError)")
        let back = try #require(DeckLoader.load(fileAt: deck).deck)
        #expect(back.items.map(\.kind) == [.short, .choice])
        #expect(back.items[1].options.map(\.isCorrect) == [false, true])
        // --from overrides the extension.
        let forced = try LecternBinary.run(["import", tsv.path, "--from", "gift"], home: home)
        #expect(forced.status == 1)
    }
}
