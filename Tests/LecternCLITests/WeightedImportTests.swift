import Foundation
import Testing

/// A GIFT bank with a weighted short answer, a numeric question of several answers and a
/// description, through the real binary: imported, studied from a pipe with a real progress
/// file, and exported again with its weights and feedback.
@Suite struct WeightedImportTests {
    static let bank = """
        // [id:about]
        ::About::The next questions are about France.

        ::Capital::Which city is the capital of France? {
          =Paris#Right: the seat of government.
          =%50%Lutetia#That was its Roman name; today it is Paris.
          =%0%Lyon#Lyon is the second city.
        }

        ::Pi::What is pi to two decimal places? {#
          =3.14:0.005#Right to two places.
          =%50%3:0.5#Close; give two places.
          ~#Pi is a little more than three.
        }

        """

    @Test func aWeightedBankIsStudiedWithItsCreditsAndFeedback() throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        let gift = home.appendingPathComponent("france.gift")
        try Self.bank.write(to: gift, atomically: true, encoding: .utf8)
        let deck = decks.appendingPathComponent("france.yaml").path

        let imported = try LecternBinary.run(["import", gift.path, "-o", deck], home: home)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardError.contains("(2 questions)"))
        #expect(!imported.standardError.contains("gift-not-kept"))
        let lint = try LecternBinary.run(["lint", "--strict", deck], home: home)
        #expect(lint.status == 0, "\(lint.standardOutput)")

        let db = home.appendingPathComponent("p.sqlite3").path
        let session = try LecternBinary.run(
            ["study", "france", "--decks", decks.path, "--db", db], input: "Lutetia\n\n42\n\n", home: home)
        #expect(session.status == 0, "\(session.standardError)")
        let output = session.standardOutput
        #expect(output.contains("The next questions are about France."))
        #expect(output.contains("Partly right: 50%.\nThat was its Roman name; today it is Paris."))
        #expect(output.contains("Wrong: 0%.\nPi is a little more than three."))

        // Two questions answered and stored; the description is never a row.
        let results = try LecternBinary.run(["results", "france", "--format", "json", "--db", db], home: home)
        let rows = try JSONSerialization.jsonObject(with: Data(results.standardOutput.utf8)) as? [[String: Any]]
        #expect(rows?.compactMap { $0["item"] as? String }.sorted() == ["capital", "pi"])
        #expect(rows?.compactMap { ($0["score"] as? NSNumber)?.doubleValue }.sorted() == [0, 0.5])

        let exported = try LecternBinary.run(["export", deck, "--format", "gift"], home: home)
        #expect(exported.status == 0)
        #expect(exported.standardOutput.contains("=%50%Lutetia#That was its Roman name; today it is Paris."))
        #expect(exported.standardOutput.contains("=%50%3:0.5#Close; give two places."))
        #expect(exported.standardOutput.contains("::about::The next questions are about France."))
    }
}
