import Foundation
import Testing

/// The real binary on a pseudo-terminal: what a person at a terminal gets.
@Suite("Interactive shell in a pseudo-terminal", .serialized)
struct InteractiveShellTests {
    func open(home: URL, locale: String = "C.UTF-8") throws -> PseudoTerminal {
        let terminal = try LecternBinary.onTerminal(
            ["--decks", LecternBinary.bundledDecks], home: home, extraEnvironment: ["LANG": locale])
        try terminal.expect("type 'help' for commands")
        try terminal.expect("lectern> ")
        return terminal
    }

    @Test func tabCompletesACommandName() throws {
        let terminal = try open(home: try LecternBinary.makeHome())
        terminal.type("he")
        terminal.type("\t")
        terminal.type("\r")
        try terminal.expect("list the commands, or explain one")
    }

    @Test func upRecallsThePreviousLineAlsoFromAnEarlierRun() throws {
        let home = try LecternBinary.makeHome()
        do {
            let terminal = try open(home: home)
            terminal.type("help decks\r")
            try terminal.expect("List the decks in the deck folders")
            try terminal.expect("lectern> ")
            terminal.type(PseudoTerminal.up)
            terminal.type("\r")
            try terminal.expect("List the decks in the deck folders")
            terminal.type(PseudoTerminal.endOfInput)
            #expect(terminal.waitForExit() == 0)
        }
        let history = try String(
            contentsOfFile: home.appendingPathComponent("state/lectern/history-tester").path, encoding: .utf8)
        #expect(
            history.components(separatedBy: "\n").filter { $0 == "help\\040decks" }.count == 1,
            "consecutive duplicates are stored once")

        let again = try open(home: home)
        again.type(PseudoTerminal.up)
        again.type("\r")
        try again.expect("List the decks in the deck folders")
    }

    @Test(arguments: ["C.UTF-8", "C"])
    func chineseInputReachesTheProgramIntact(locale: String) throws {
        let terminal = try open(home: try LecternBinary.makeHome(), locale: locale)
        terminal.type("help 直播带货\r")
        try terminal.expect("no command '直播带货'")
    }

    @Test func ctrlCDropsTheLineAndKeepsRunning() throws {
        let terminal = try open(home: try LecternBinary.makeHome())
        terminal.type("xyz")
        usleep(200_000)
        terminal.type(PseudoTerminal.interrupt)
        try terminal.expect("lectern> ")
        terminal.type("help\r")
        try terminal.expect("list the commands, or explain one")
        #expect(!terminal.transcript.contains("unknown command"), "the interrupted text must not reach the next line")
    }

    @Test func ctrlDLeavesWithStatusZero() throws {
        let terminal = try open(home: try LecternBinary.makeHome())
        terminal.type(PseudoTerminal.endOfInput)
        #expect(terminal.waitForExit() == 0, "screen: \(terminal.transcript)")
    }

    /// `~/.editrc` is read with lines scoped to `lectern:`; a `bind -v` in it does not
    /// unbind Tab completion.
    @Test func editrcIsHonouredAndKeepsTab() throws {
        let home = try LecternBinary.makeHome()
        let editrc = home.appendingPathComponent("editrc")
        try """
        lectern:bind -v
        lectern:bind -s ^G "help decks"
        otherprogram:bind -s ^G "nonsense"
        """.write(to: editrc, atomically: true, encoding: .utf8)
        let terminal = try LecternBinary.onTerminal(
            ["--decks", LecternBinary.bundledDecks], home: home, extraEnvironment: ["EDITRC": editrc.path])
        try terminal.expect("lectern> ")
        terminal.type("\u{7}")
        terminal.type("\r")
        try terminal.expect("List the decks in the deck folders")
        terminal.type("he")
        terminal.type("\t")
        terminal.type("\r")
        try terminal.expect("list the commands, or explain one")
        #expect(!terminal.transcript.contains("nonsense"))
    }

    @Test func quitLeavesWithStatusZero() throws {
        let terminal = try open(home: try LecternBinary.makeHome())
        terminal.type("quit\r")
        #expect(terminal.waitForExit() == 0)
    }
}

/// A study session on a terminal: Tab completes `:` commands and option letters.
@Suite("Interactive session in a pseudo-terminal", .serialized)
struct InteractiveSessionTests {
    static let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/decks"
    ).path

    @Test func tabCompletesColonCommandsAndOptionLetters() throws {
        let home = try LecternBinary.makeHome()
        let terminal = try LecternBinary.onTerminal(
            [
                "study", "tiny", "--decks", Self.decks, "--db", home.appendingPathComponent("p.sqlite3").path, "--seed",
                "5",
            ], home: home)
        try terminal.expect("Starting to sell is easy.")
        try terminal.expect("answer> ")
        terminal.type("t\r")
        try terminal.expect("next> ")
        terminal.type("\r")
        try terminal.expect("answer> ")
        terminal.type("f\r")
        try terminal.expect("next> ")
        terminal.type("\r")
        try terminal.expect("Who keeps the followers?")
        try terminal.expect("answer> ")
        terminal.type(":hi")
        terminal.type("\t")
        terminal.type("\r")
        try terminal.expect("Hint 1 of 1: Where do followers register?")
        try terminal.expect("answer> ")
        // Tab on an empty answer lists what may be typed: option letters and commands.
        terminal.type("\t")
        let listing = try terminal.expect(":source") + (try terminal.expect("answer> "))
        let words = Set(listing.split(whereSeparator: { $0.isWhitespace }).map(String.init))
        #expect(words.isSuperset(of: [":hint", ":skip", ":source", ":quit", "a", "b", "c"]), "\(listing)")
        terminal.type("c\r")
        try terminal.expect("Right: 100% (after 1 hint).")
        terminal.type("\r")
        try terminal.expect("In one word, who wins in the end?")
        terminal.type(PseudoTerminal.interrupt)
        try terminal.expect("Question abandoned; nothing recorded.")
        try terminal.expect("Session over")
        try terminal.expect("lectern> ")
        terminal.type(PseudoTerminal.endOfInput)
        #expect(terminal.waitForExit() == 0)
    }
}

/// History on a shared machine: shell commands only, one file per learner.
@Suite("History per learner in a pseudo-terminal", .serialized)
struct HistoryPerLearnerTests {
    @Test func answersAreNotKeptAndAnotherLearnerCannotRecallThem() throws {
        let home = try LecternBinary.makeHome()
        let terminal = try LecternBinary.onTerminal(
            [
                "--decks", InteractiveSessionTests.decks, "--db", home.appendingPathComponent("p.sqlite3").path,
                "--learner", "ana",
            ], home: home)
        try terminal.expect("lectern> ")
        terminal.type("drill tiny\r")
        try terminal.expect("answer> ")
        terminal.type("secret-answer-t\r")
        try terminal.expect("answer> ")
        terminal.type(":quit\r")
        try terminal.expect("lectern> ")
        terminal.type("learner ben\r")
        try terminal.expect("learner is now ben")
        try terminal.expect("lectern> ")
        // Up at ben's first prompt recalls nothing of ana's: the line stays empty.
        terminal.type(PseudoTerminal.up)
        terminal.type("\r")
        try terminal.expect("lectern> ")
        terminal.type("help quit\r")
        try terminal.expect("Leave the shell")
        terminal.type(PseudoTerminal.endOfInput)
        #expect(terminal.waitForExit() == 0)
        #expect(!terminal.transcript.contains("unknown command"), "Up recalled a line: \(terminal.transcript)")

        let state = home.appendingPathComponent("state/lectern")
        let ana = try String(contentsOf: state.appendingPathComponent("history-ana"), encoding: .utf8)
        let ben = try String(contentsOf: state.appendingPathComponent("history-ben"), encoding: .utf8)
        #expect(ana.contains("drill\\040tiny"))
        #expect(!ana.contains("secret-answer"), "answers typed in a session are not history")
        #expect(!ana.contains(":quit"))
        #expect(ben.contains("help\\040quit"))
        #expect(!ben.contains("drill"))
    }

    /// Started by a parent that is no job-control shell (as `make run` starts it), Ctrl-C
    /// reaches Lectern alone: the parent lives on and sees status 0 after `quit`.
    @Test func ctrlCUnderAParentThatIsNoShellKeepsStatusZero() throws {
        let home = try LecternBinary.makeHome()
        let command = "'\(LecternBinary.path)' --decks '\(LecternBinary.bundledDecks)'; echo parent-saw-status=$?"
        let terminal = try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", command],
            environment: LecternBinary.environment(home: home, extra: ["NO_COLOR": "1"]))
        try terminal.expect("lectern> ")
        terminal.type("xyz")
        usleep(200_000)
        terminal.type(PseudoTerminal.interrupt)
        try terminal.expect("lectern> ")
        terminal.type("quit\r")
        try terminal.expect("parent-saw-status=0")
        #expect(terminal.waitForExit() == 0)
    }
}
