import Foundation
import LecternShell
import LineEditing
import Testing

@Suite("Tab completion")
struct CompletionTests {
    let shell: Shell

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for id in ["platform-wins", "platform-basics", "celebrity-slump"] {
            try Self.deck(id).write(to: folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        let configuration = Shell.Configuration(
            deckDirectories: [folder.path], colorEnabled: false, interactive: false, environment: [:])
        shell = Shell(configuration: configuration, output: BufferedOutput())
    }

    @Test(arguments: [
        ("he", Completion(.insert("lp "))),
        ("q", Completion(.insert("uit "))),
        ("d", Completion(.list(["decks", "drill"]))),
        ("de", Completion(.insert("cks "))),
        ("lea", Completion(.insert("rner"))),
        ("", Completion(.list(ShellCommands.allNames.sorted()))),
        ("zz", Completion.nothing),
        ("help re", Completion(.list(["reload", "results", "review"]))),
        ("study pl", Completion(.insert("atform-"))),
        ("study platform-w", Completion(.insert("ins "))),
        ("drill celebrity-slump --s", Completion(.list(["--seed", "--shuffle", "--skill"]))),
    ])
    func commandsAndTheirArguments(line: String, expected: Completion) {
        #expect(shell.complete(lineBeforeCursor: line) == expected)
    }

    /// The smallest deck that loads clean: completion offers only usable decks.
    static func deck(_ id: String) -> String {
        """
        lectern: 1
        id: \(id)
        title: A deck
        source:
          title: Notes
          passages:
            1: The first paragraph.
        items:
          - id: one
            type: truefalse
            skill: recall
            source: [1]
            prompt: Is this a deck?
            answer: true
            explain: It loads, so it is (¶1).
        """
    }
}
