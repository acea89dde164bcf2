import Foundation
import Testing

/// `lectern import` through the real binary, with real files: the deck it writes passes
/// `lectern lint --strict`, and a malformed file is refused at its line with nothing written.
@Suite struct ImportCommandTests {
    static let bank = """
        $CATEGORY: Geography

        ::Capital::Which city is the capital of France?{=Paris ~Lyon#Second city. ~Nice}

        ::Sun::The sun rises in the east.{T}

        The cat sat on the {=mat =rug} all day.

        How many sides has a hexagon?{#6}

        ::Pairs::Match them.{=France -> Paris =Japan -> Tokyo}
        """

    @Test func aWrittenDeckPassesStrictLint() throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let gift = home.appendingPathComponent("geo bank.gift")
        try Self.bank.write(to: gift, atomically: true, encoding: .utf8)
        let deck = home.appendingPathComponent("geo.yaml").path

        let imported = try LecternBinary.run(["import", gift.path, "-o", deck, "--title", "Geography"], home: home)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.isEmpty)
        #expect(imported.standardError.contains("wrote \(deck) (5 questions)"))
        let text = try String(contentsOfFile: deck, encoding: .utf8)
        #expect(text.contains("id: geo\n"))
        #expect(text.contains("prompt: \"The cat sat on the {{mat|rug}} all day.\""))

        let lint = try LecternBinary.run(["lint", "--strict", deck], home: home)
        #expect(lint.status == 0, "\(lint.standardOutput)")

        // An existing deck is never overwritten without --force.
        let again = try LecternBinary.run(["import", gift.path, "-o", deck], home: home)
        #expect(again.status == 1)
        #expect(again.standardError.contains("already exists"))
        #expect(try String(contentsOfFile: deck, encoding: .utf8) == text)
        let forced = try LecternBinary.run(["import", gift.path, "-o", deck, "--force"], home: home)
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: deck, encoding: .utf8) != text)

        // Without -o the same deck goes to standard output, named after the GIFT file.
        let piped = try LecternBinary.run(["import", gift.path], home: home)
        #expect(piped.status == 0)
        #expect(
            piped.standardOutput
                == text.replacingOccurrences(of: "id: geo\n", with: "id: geo-bank\n")
                .replacingOccurrences(of: "title: \"Geography\"", with: "title: \"geo bank\""))
    }

    @Test func aMalformedFileIsRefusedAtItsLineAndNothingIsWritten() throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let gift = home.appendingPathComponent("bad.gift")
        try "Fine {=yes ~no}\n\nBroken {=a ~b\n".write(to: gift, atomically: true, encoding: .utf8)
        let deck = home.appendingPathComponent("bad.yaml").path

        let result = try LecternBinary.run(["import", gift.path, "-o", deck], home: home)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(gift.path):3:8: error: '{' is not closed"))
        #expect(result.standardError.contains("Broken {=a ~b\n       ^"))
        #expect(!FileManager.default.fileExists(atPath: deck))
    }
}
