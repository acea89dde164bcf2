import Foundation
import Testing

/// A folder of decks from a stranger, through the real binary: `lint` and start-up finish at
/// once, name each problem at its place, and never show a byte of a file outside the folder.
@Suite("Hostile deck folders")
struct HostileDeckFolderTests {
    static func deck(id: String, file: String) -> String {
        """
        lectern: 1
        id: \(id)
        title: Deck \(id)
        source:
          title: An essay
          file: \(file)
          passages:
            1: The summary of paragraph one.
        items:
          - id: one
            type: truefalse
            skill: recall
            source: [1]
            prompt: Is it so?
            answer: true
            explain: Paragraph 1 says so.

        """
    }

    @Test func lintReportsEachHostileFileAndNothingBlocks() throws {
        let home = try LecternBinary.makeHome()
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        let secret = home.appendingPathComponent("secret.txt")
        try "[¶1] SECRET-CONTENT\n".write(to: secret, atomically: true, encoding: .utf8)
        try Self.deck(id: "absolute", file: secret.path).write(
            to: decks.appendingPathComponent("absolute.yaml"), atomically: true, encoding: .utf8)
        try Self.deck(id: "climbs", file: "../secret.txt").write(
            to: decks.appendingPathComponent("climbs.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: decks.appendingPathComponent("linked.txt").path, withDestinationPath: secret.path)
        try Self.deck(id: "linked", file: "linked.txt").write(
            to: decks.appendingPathComponent("linked.yaml"), atomically: true, encoding: .utf8)
        #expect(mkfifo(decks.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        let lint = try LecternBinary.run(["lint", decks.path], home: home)
        #expect(lint.status == 1)
        let headers = lint.standardOutput.split(separator: "\n").filter { $0.hasPrefix(decks.path) }
            .map { $0.dropFirst(decks.path.count + 1) }
        #expect(
            headers == [
                "absolute.yaml:6:9: error: source.file '\(secret.path.count > 40 ? String(secret.path.prefix(39)) + "…" : secret.path)' is an absolute path; a deck may only name files in its own folder or below it, so move the text there and name it relative to the deck [source-file-outside]",
                "climbs.yaml:6:9: error: source.file '../secret.txt' climbs out of the deck's folder with '..'; a deck may only name files in its own folder or below it, so move the text there and name it relative to the deck [source-file-outside]",
                "linked.yaml:6:9: error: source.file 'linked.txt' leads out of the deck's folder through a symbolic link (to \(secret.resolvingSymlinksInPath().path)); a deck may only name files in its own folder or below it, so move the text there and name it relative to the deck [source-file-outside]",
                "pipe.yaml:1:1: warning: skipped: this is a FIFO (named pipe), not a regular file, so it was not opened; remove it or rename it without .yaml [special-file-skipped]",
            ])
        #expect(!lint.standardOutput.contains("SECRET-CONTENT"))
        let shell = try LecternBinary.run(["--decks", decks.path], input: "decks\n", home: home)
        #expect(!shell.standardOutput.contains("SECRET-CONTENT"))
    }
}
