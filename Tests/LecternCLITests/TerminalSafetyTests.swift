import Foundation
import GRDB
import Testing

/// A deck, a database row and typed text full of terminal control sequences, through every
/// command of the real binary: the bytes that come out may hold no escape but our colour.
@Suite("Terminal safety")
struct TerminalSafetyTests {
    /// What a hostile deck puts in every field, as YAML double-quoted escapes: a clipboard
    /// write (OSC 52), a window title (OSC 0), a hyperlink (OSC 8), clear screen, a cursor
    /// position report request, a bare ESC, BEL, backspace, CR, the C1 CSI, RLO and LRI.
    static let yamlPayload =
        #"\e]52;c;cHduZWQ=\a\e]0;owned\a\e]8;;http://x.example/\e\\link\e]8;;\e\\\e[2J\e[6n\e bare\a\b\r\x9b\u202E\u2066"#
    /// The same sequences as raw characters, for the database and the keyboard.
    static let rawPayload =
        "\u{1B}]52;c;cHduZWQ=\u{7}\u{1B}]0;owned\u{7}\u{1B}]8;;http://x.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\"
        + "\u{1B}[2J\u{1B}[6n\u{1B} bare\u{7}\u{8}\r\u{9B}\u{202E}\u{2066}"

    /// Answers for `danger-deck` in deck order, with a hint, a typed escape and every item type.
    static let answers =
        [
            ":hint", "a", "", "a c", "", ":hint", "t", "", "platform", "", "20", "", "day; platform", "",
            "a b c", "", "1a 2b 3c", "", "my \u{1B}]0;typed\u{7} answer \u{9B}2J \u{202E}", "1", "",
            "p p c", "", "a", "", "platform", "",
        ].joined(separator: "\n") + "\n"

    struct Fixture {
        let home: URL
        let decks: String
        let database: String

        var common: [String] { ["--decks", decks, "--db", database, "--seed", "1"] }
    }

    /// The hostile deck, a deck with a hostile key (a lint error) and a file with raw
    /// control bytes (a YAML error that lint and `decks` quote), in a fresh home.
    static func makeFixture() throws -> Fixture {
        let home = try LecternBinary.makeHome()
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        let template = try String(
            contentsOf: LecternBinary.packageRoot.appendingPathComponent(
                "Tests/LecternCLITests/Fixtures/hostile/danger-deck.yaml.template"), encoding: .utf8)
        try template.replacingOccurrences(of: "{P}", with: yamlPayload)
            .write(to: decks.appendingPathComponent("danger-deck.yaml"), atomically: true, encoding: .utf8)
        try "lectern: 1\nid: key-deck\ntitle: Keys\n\"key\(yamlPayload)\": 1\n"
            .write(to: decks.appendingPathComponent("key-deck.yaml"), atomically: true, encoding: .utf8)
        try "lectern: 1\nid: raw-deck\ntitle: Raw \(rawPayload) title\n"
            .write(to: decks.appendingPathComponent("raw-deck.yaml"), atomically: true, encoding: .utf8)
        return Fixture(home: home, decks: decks.path, database: home.appendingPathComponent("p.sqlite3").path)
    }

    struct Output {
        var status: Int32
        var standardOutput: Data
        var standardError: Data
    }

    /// Runs the binary with pipes and keeps the bytes exactly as written.
    static func run(_ arguments: [String], input: String = "", home: URL) throws -> Output {
        let raw = try LecternBinary.runRaw(arguments, input: input, home: home)
        return Output(status: raw.status, standardOutput: raw.standardOutput, standardError: raw.standardError)
    }

    /// Every character a terminal would obey, described; empty when the bytes are safe.
    /// `colour` allows `ESC [ digits;… m` and nothing else that starts with ESC.
    static func dangers(in bytes: Data, colour: Bool) -> [String] {
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var found: [String] = []
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0x1B {
                var end = index + 1
                if colour, end < scalars.count, scalars[end] == "[" {
                    end += 1
                    while end < scalars.count, scalars[end] == ";" || ("0"..."9").contains(scalars[end]) { end += 1 }
                    if end < scalars.count, scalars[end] == "m" {
                        index = end + 1
                        continue
                    }
                }
                found.append("ESC at \(index)")
            } else if (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value) {
                found.append(String(format: "U+%04X at %d", value, index))
            } else if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E
                || value == 0x200F
            {
                found.append(String(format: "bidi U+%04X at %d", value, index))
            }
            index += 1
        }
        return found
    }

    static func text(_ bytes: Data) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Runs one command with and without forced colour and checks both streams.
    static func expectSafe(
        _ arguments: [String], input: String = "", fixture: Fixture, shows visible: [String] = [#"\e]52;c;"#],
        coloured: Bool = false, separateProgress: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        for colour in [false, true] {
            // A study session changes what is due: the second run gets its own database.
            let arguments =
                separateProgress && colour
                ? arguments.map { $0 == fixture.database ? fixture.database + "-colour" : $0 } : arguments
            let output = try run(
                arguments + ["--color", colour ? "always" : "never"], input: input, home: fixture.home)
            let label = arguments.joined(separator: " ") + (colour ? " --color always" : "")
            #expect(
                dangers(in: output.standardOutput, colour: colour) == [], "stdout of \(label)",
                sourceLocation: sourceLocation)
            #expect(
                dangers(in: output.standardError, colour: colour) == [], "stderr of \(label)",
                sourceLocation: sourceLocation)
            let both = text(output.standardOutput) + text(output.standardError)
            for shown in visible {
                #expect(both.contains(shown), "\(label) shows \(shown)", sourceLocation: sourceLocation)
            }
            if colour, coloured {
                #expect(
                    both.contains("\u{1B}["), "\(label): our colour still passes", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyCommandShowsAHostileDeckWithoutObeyingIt() throws {
        let fixture = try Self.makeFixture()
        let common = fixture.common
        // Sessions: every field of every item type is shown at some point of a drill.
        try Self.expectSafe(
            ["study", "danger-deck"] + common, input: Self.answers, fixture: fixture, coloured: true,
            separateProgress: true)
        try Self.expectSafe(["drill", "danger-deck"] + common, input: Self.answers, fixture: fixture, coloured: true)
        try Self.expectSafe(["exam", "danger-deck"] + common, input: Self.answers, fixture: fixture, coloured: true)
        try Self.expectSafe(["review"] + common, input: Self.answers, fixture: fixture, shows: [])
        // Every field of the deck is in the preview.
        try Self.expectSafe(["preview", "danger-deck"] + common, fixture: fixture)
        try Self.expectSafe(["deck-stats", fixture.decks], fixture: fixture, shows: [])
        // Lint quotes the hostile key and shows the raw line of the broken file.
        try Self.expectSafe(
            ["lint", fixture.decks], fixture: fixture, shows: [#"key\e]52;c;"#, #"Raw \e]52;c;"#], coloured: true)
        try Self.expectSafe(common + ["-c", "lint"], fixture: fixture, shows: [#"key\e]52;c;"#], coloured: true)
        try Self.expectSafe(common + ["-c", "decks"], fixture: fixture)
        try Self.expectSafe(common + ["-c", "stats"], fixture: fixture, shows: [])
        try Self.expectSafe(common + ["-c", "stats danger-deck"], fixture: fixture)
        try Self.expectSafe(common + ["-c", "results"], fixture: fixture, shows: [#"my \e]0;typed\x07 answer"#])
        try Self.expectSafe(
            common + ["-c", "help"], input: "", fixture: fixture, shows: [], coloured: true)
        // Typed words come back in errors: an unknown command, a missing deck, help for nothing.
        try Self.expectSafe(
            common, input: "help 'x\(Self.rawPayload)'\n", fixture: fixture, shows: [#"x\e]52;c;"#], coloured: true)
        try Self.expectSafe(
            common, input: "study '\(Self.rawPayload.replacingOccurrences(of: "\r", with: ""))'\n", fixture: fixture,
            shows: [#"\e]52;c;"#], coloured: true)
        try Self.expectSafe(
            common, input: "\(Self.rawPayload.replacingOccurrences(of: "\r", with: ""))\n", fixture: fixture,
            shows: [#"\e]52;c;"#], coloured: true)
    }

    @Test func aLearnerNameWrittenIntoTheDatabaseIsShownNotObeyed() throws {
        let fixture = try Self.makeFixture()
        let common = fixture.common
        let study = try Self.run(["drill", "danger-deck"] + common, input: Self.answers, home: fixture.home)
        #expect(study.status == 0, "\(Self.text(study.standardError))")
        // Someone with the database file renames the learner by hand.
        let queue = try DatabaseQueue(path: fixture.database)
        try queue.write { db in
            try db.execute(sql: "UPDATE learners SET name = ?", arguments: ["tester" + Self.rawPayload])
        }
        let asThem = common + ["--learner", "tester" + Self.rawPayload]
        try Self.expectSafe(common + ["-c", "learners"], fixture: fixture, shows: [#"tester\e]52;c;"#])
        try Self.expectSafe(asThem + ["-c", "stats"], fixture: fixture, shows: [#"tester\e]52;c;"#])
        try Self.expectSafe(asThem + ["-c", "learner"], fixture: fixture, shows: [#"tester\e]52;c;"#])
        try Self.expectSafe(common + ["-c", "results"], fixture: fixture, shows: [#"tester\e]52;c;"#])
        try Self.expectSafe(common + ["-c", "results --summary"], fixture: fixture, shows: [#"tester\e]52;c;"#])

        // CSV and JSON are data: a file or a pipe gets the bytes as stored.
        let csv = try Self.run(common + ["-c", "results --format csv"], home: fixture.home)
        #expect(csv.status == 0)
        #expect(Self.text(csv.standardOutput).contains("tester\u{1B}]52;c;"), "CSV keeps the stored name exactly")
        let json = try Self.run(common + ["-c", "results --format json"], home: fixture.home)
        #expect(json.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: json.standardOutput) as? [[String: Any]]
        #expect(parsed?.first?["learner"] as? String == "tester" + Self.rawPayload, "JSON keeps it exactly")

        // On a terminal, the same CSV is guarded.
        let terminal = try LecternBinary.onTerminal(common + ["-c", "results --format csv"], home: fixture.home)
        #expect(terminal.waitForExit() == 0)
        // The terminal turns each newline into CR LF, and CSV rows end in CR LF: drop CRs before LF.
        var scalars = Array(terminal.transcript.unicodeScalars)
        scalars.indices.reversed().forEach { index in
            if scalars[index] == "\r", index + 1 < scalars.count, ["\r", "\n"].contains(scalars[index + 1]) {
                scalars.remove(at: index)
            }
        }
        var unified = String.UnicodeScalarView()
        unified.append(contentsOf: scalars)
        let shown = Data(String(unified).utf8)
        #expect(Self.dangers(in: shown, colour: false) == [])
        #expect(terminal.transcript.contains(#"tester\e]52;c;"#))
    }
}

/// Our own colour: forced on a pipe, and on a terminal the prompt's colour ends where the typing starts.
@Suite("Our colour")
struct PromptColourTests {
    @Test func statsAreColouredWhenColourIsForcedOnAPipe() throws {
        let home = try LecternBinary.makeHome()
        let arguments = ["stats", "--decks", LecternBinary.bundledDecks, "--db", home.path + "/p.sqlite3"]
        let forced = try LecternBinary.run(arguments + ["--color", "always"], home: home)
        #expect(forced.status == 0)
        #expect(forced.standardOutput.hasPrefix("\u{1B}[1;36mStats for tester in all decks\u{1B}[0m\n"))
        let plain = try LecternBinary.run(arguments, home: home)
        #expect(plain.standardOutput.hasPrefix("Stats for tester in all decks\n"))
    }

    @Test func typedTextIsNotInThePromptsColour() throws {
        let home = try LecternBinary.makeHome()
        let terminal = try PseudoTerminal(
            executable: LecternBinary.path, arguments: ["--decks", LecternBinary.bundledDecks, "--color", "always"],
            environment: LecternBinary.environment(home: home))
        try terminal.expect("lectern>")
        terminal.type("help")
        let echoed = try terminal.expect("help")
        #expect(echoed.contains("\u{1B}[0m"), "the colour is reset before the typed text: \(echoed.debugDescription)")
        terminal.type("\r")
        try terminal.expect("lectern>")
        terminal.type(PseudoTerminal.endOfInput)
        #expect(terminal.waitForExit() == 0)
    }
}
