import Foundation
import Testing

/// Input that would cost time or memory out of proportion is refused at once.
@Suite("Input limits", .serialized)
struct InputLimitTests {
    @Test(.timeLimit(.minutes(1))) func aMegabyteCommandIsRefusedAtOnce() throws {
        let home = try LecternBinary.makeHome()
        let line = String(repeating: "x", count: 1_000_000)
        let result = try LecternBinary.run(
            ["--decks", LecternBinary.bundledDecks], input: line + "\nhelp\n", home: home)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty, "the script stops at the refused line")
        #expect(
            result.standardError
                == "error: the line is too long (977 KiB; at most 64 KiB) and was not run; nothing was changed\n")
    }

    @Test(.timeLimit(.minutes(1))) func aLongAnswerIsRefusedAndTheQuestionStays() throws {
        let home = try LecternBinary.makeHome()
        let answer = String(repeating: "platform ", count: 20_000)
        let result = try LecternBinary.run(
            ["study", "anyone-can-do-it", "--decks", LecternBinary.bundledDecks, "--db", home.path + "/p.sqlite3"],
            input: answer + "\n", home: home)
        #expect(result.status == 1)
        #expect(result.standardError.contains("the line is too long (176 KiB; at most 64 KiB) and was not run"))
        let learners = try LecternBinary.run(
            ["--decks", LecternBinary.bundledDecks, "--db", home.path + "/p.sqlite3", "-c", "results"], home: home)
        #expect(!learners.standardOutput.contains("platform platform"), "nothing was recorded")
    }

    @Test(.timeLimit(.minutes(1))) func aHistoryPathOnADeviceStartsAtOnceWithOneWarning() throws {
        let home = try LecternBinary.makeHome()
        let terminal = try LecternBinary.onTerminal(
            ["--decks", LecternBinary.bundledDecks], home: home, extraEnvironment: ["LECTERN_HISTORY": "/dev/zero"])
        try terminal.expect("history path /dev/zero is not a regular file; it is left untouched")
        try terminal.expect("lectern> ", timeout: 5)
        terminal.type("help decks\r")
        try terminal.expect("List the decks in the deck folders")
        terminal.type(PseudoTerminal.endOfInput)
        #expect(terminal.waitForExit() == 0)
    }
}
