import Foundation
import LecternShell
import LineEditing
import Testing

@Suite("Tab completion")
struct CompletionTests {
    let shell: Shell

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for id in ["platform-wins", "platform-basics", "celebrity-slump"] {
            try "lectern: 1\nid: \(id)\ntitle: \(id)\nitems: []\n".write(to: folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
        let configuration = Shell.Configuration(deckDirectories: [folder.path], colorEnabled: false, interactive: false, environment: [:])
        shell = Shell(configuration: configuration, output: BufferedOutput())
    }

    @Test(arguments: [
        ("he", Completion(.insert("lp "))),
        ("q", Completion(.insert("uit "))),
        ("d", Completion(.insert("ecks "))),
        ("", Completion(.list(["decks", "exit", "help", "quit"]))),
        ("zz", Completion.nothing),
        ("help d", Completion(.insert("ecks "))),
        ("help ", Completion(.list(["decks", "exit", "help", "quit"]))),
    ])
    func commandsAndTheirArguments(line: String, expected: Completion) {
        #expect(shell.complete(lineBeforeCursor: line) == expected)
    }

    @Test func resolveExtendsToTheCommonPrefixThenLists() {
        let ids = ["platform-wins", "platform-basics", "celebrity-slump"]
        #expect(Completion.resolve(word: "pl", candidates: ids) == Completion(.insert("atform-")))
        #expect(Completion.resolve(word: "platform-", candidates: ids) == Completion(.list(["platform-basics", "platform-wins"])))
        #expect(Completion.resolve(word: "c", candidates: ids) == Completion(.insert("elebrity-slump ")))
    }

    @Test func layoutFitsTheWidth() {
        let text = Completion.layout(["alpha", "beta", "gamma", "delta"], width: 16)
        #expect(text == "alpha  beta\ngamma  delta")
    }
}
