import Foundation
import LecternCore

/// Input meant to hurt, timed: what the unit tests used to bound with wall-clock limits. The
/// tests keep asserting *what* happens (the finding, the refusal); this suite measures *how
/// fast*, each figure beside a reference on the same machine, so the ratio means the same on a
/// laptop and on a busy CI runner.
///
/// Two kinds of reference: a "doubling" figure times the input at size n and at 2n (linear
/// work gives 2, quadratic 4, exponential far more); a "plain" figure times honest input of
/// the same size or the same command without the hostile part.
struct GuardBenchmark {
    var runs = 5

    private struct Figure {
        var name: String
        var seconds: Double
        var reference: Double
        /// What the reference is: "half size" or the plain input's name.
        var against: String
        var target: Double
        /// The unit test the figure came from.
        var from: String
    }

    func run() throws -> String {
        var figures = loaderFigures() + walkthroughFigures() + [longLineFigure()]
        figures += try fifoFigures()
        if let corpus = try corpusFigure() { figures.append(corpus) }
        var notes: [String] = []
        if let binary = Self.lecternBinary() {
            figures += try binaryFigures(binary)
        } else {
            notes.append("command-line figures skipped: no 'lectern' beside lectern-bench (make bench builds both)")
        }
        var out = "guards: hostile input against a reference on this machine, median of \(runs) runs\n"
        out += TextColumns.lines(
            [["figure", "median s", "reference s", "against", "ratio", "target"]]
                + figures.map { figure in
                    let ratio = figure.seconds / max(figure.reference, 1e-9)
                    return [
                        figure.name, BenchSupport.format(figure.seconds, 4), BenchSupport.format(figure.reference, 4),
                        figure.against, BenchSupport.format(ratio, 2) + (ratio <= figure.target ? "" : " !"),
                        "≤ " + BenchSupport.format(figure.target, 1),
                    ]
                },
            alignsRight: { [1, 2, 4].contains($0) }
        ).joined(separator: "\n")
        out += "\n" + figures.map { "  \($0.name): was a limit in \($0.from)" }.joined(separator: "\n") + "\n"
        out += notes.map { "  \($0)\n" }.joined()
        return out + "\n"
    }

    private func median(_ body: () throws -> Void) rethrows -> Double {
        BenchSupport.median(try (0..<runs).map { _ in try BenchSupport.seconds(body) })
    }

    /// A valid deck padded with a comment to `bytes`, the honest input of a given size.
    private static func plainDeck(bytes: Int) -> String {
        let deck = GuardDecks.smallDeck
        return deck + "# " + String(repeating: "x", count: max(0, bytes - deck.utf8.count - 3)) + "\n"
    }

    // MARK: - The loader

    private func loaderFigures() -> [Figure] {
        func anchorText(_ count: Int) -> String {
            "# " + String(repeating: "*", count: count) + "\n&" + String(repeating: "a", count: count) + " x\n"
        }
        let anchors = (
            median { _ = DeckLoader.load(text: anchorText(200_000), path: "stars.yaml") },
            median { _ = DeckLoader.load(text: anchorText(100_000), path: "stars.yaml") }
        )
        var bomb = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            let previous = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
            bomb.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let bombText = bomb.joined(separator: "\n") + "\n"
        let hugeKey = GuardDecks.smallDeck + String(repeating: "k", count: 1_000) + ": 1\n"
        func dense(_ count: Int) -> String { "a: [" + String(repeating: "a,", count: count) + "a]\n" }
        return [
            Figure(
                name: "anchor search, 200k '*' before a 200k anchor", seconds: anchors.0, reference: anchors.1,
                against: "half size", target: 3, from: "AnchorSearchTests"),
            Figure(
                name: "alias bomb, 9 levels of 9 aliases",
                seconds: median { _ = DeckLoader.load(text: bombText, path: "t.yaml") },
                reference: median {
                    _ = DeckLoader.load(text: Self.plainDeck(bytes: bombText.utf8.count), path: "t.yaml")
                },
                against: "plain deck", target: 4, from: "HostileInputTests"),
            Figure(
                name: "unknown key of 1000 characters",
                seconds: median { _ = DeckLoader.load(text: hugeKey, path: "t.yaml") },
                reference: median {
                    _ = DeckLoader.load(text: Self.plainDeck(bytes: hugeKey.utf8.count), path: "t.yaml")
                },
                against: "plain deck", target: 4, from: "HostileInputTests"),
            Figure(
                name: "dense flow list of 4M entries, refused",
                seconds: median { _ = DeckLoader.load(text: dense(4_000_000), path: "t.yaml") },
                reference: median { _ = DeckLoader.load(text: dense(2_000_000), path: "t.yaml") },
                against: "half size", target: 3, from: "HostileInputTests"),
        ]
    }

    // MARK: - Walkthroughs

    private func walkthroughFigures() -> [Figure] {
        func chain(_ count: Int) -> String {
            GuardDecks.walkthroughDeck(steps: (1...count).map { GuardDecks.plainStep("s\($0)") })
        }
        /// Step i offers i+1 and i+2: the paths number in the Fibonacci sequence.
        func ladder(_ count: Int) -> String {
            var steps = (1...count - 2).map { GuardDecks.branchStep("s\($0)", to: ["s\($0 + 1)", "s\($0 + 2)"]) }
            steps.append(GuardDecks.branchStep("s\(count - 1)", to: ["s\(count)", "s\(count)"]))
            steps.append(GuardDecks.branchStep("s\(count)", to: []))
            return GuardDecks.walkthroughDeck(steps: steps)
        }
        func loadAndPreview(_ text: String) {
            let result = DeckLoader.load(text: text, path: "w.yaml")
            if let deck = result.deck { _ = DeckPreview.render(deck) }
        }
        let (long, half) = (chain(4000), chain(2000))
        let (tall, short) = (ladder(40), ladder(20))
        return [
            Figure(
                name: "4000-step chain: load, lint, preview", seconds: median { loadAndPreview(long) },
                reference: median { loadAndPreview(half) }, against: "half size", target: 3,
                from: "WalkthroughScaleTests"),
            Figure(
                name: "40-step branching ladder: load, lint, preview", seconds: median { loadAndPreview(tall) },
                reference: median { loadAndPreview(short) }, against: "half size", target: 3,
                from: "WalkthroughScaleTests"),
        ]
    }

    /// Many findings on one very long line: each is shown as a bounded excerpt, so rendering
    /// costs time linear in the findings, not findings × line length.
    private func longLineFigure() -> Figure {
        func wide(_ count: Int) -> String {
            let keys = (0..<count).map { "k\($0): 1" }.joined(separator: ", ")
            return "lectern: 1\nid: wide\ntitle: T\nlanguage: en\nitems:\n"
                + "  - {id: a, type: truefalse, skill: recall, prompt: P, answer: true, \(keys)}\n"
        }
        func loadAndRender(_ text: String) {
            let result = DeckLoader.load(text: text, path: "wide.yaml")
            _ = DiagnosticRenderer.text(result.diagnostics, sources: ["wide.yaml": text])
        }
        let (many, half) = (wide(2000), wide(1000))
        return Figure(
            name: "2000 unknown keys on one line: load, render", seconds: median { loadAndRender(many) },
            reference: median { loadAndRender(half) }, against: "half size", target: 3,
            from: "LongLineRenderingTests")
    }

    /// The fuzzers' deck corpus (inputs that once crashed or stalled the loader), loaded and
    /// rendered as the fuzz target does, against plain decks of the same sizes.
    private func corpusFigure() throws -> Figure? {
        let folder = BenchSupport.packageRoot.appendingPathComponent("Tests/Fuzz/corpus/deck")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !names.isEmpty else {
            return nil
        }
        let texts = try names.sorted().map { name in
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            return String(decoding: bytes, as: UTF8.self)
        }
        let plain = texts.map { Self.plainDeck(bytes: $0.utf8.count) }
        func loadAll(_ texts: [String]) {
            for text in texts {
                let result = DeckLoader.load(text: text, path: "corpus.yaml")
                _ = DiagnosticRenderer.text(result.diagnostics, sources: ["corpus.yaml": text])
                if let deck = result.deck { _ = DeckPreview.render(deck) }
            }
        }
        return Figure(
            name: "deck fuzz corpus (\(texts.count) files): load, render", seconds: median { loadAll(texts) },
            reference: median { loadAll(plain) }, against: "plain decks, same sizes", target: 4,
            from: "CorpusReplayTests")
    }

    // MARK: - Special files

    /// A FIFO among the decks is skipped without being opened: were it opened, the load
    /// would wait for a writer forever, so a ratio near 1 means "never blocked".
    private func fifoFigures() throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-bench-guards-\(UUID().uuidString)")
        let decks = folder.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try GuardDecks.smallDeck.write(
            to: decks.appendingPathComponent("\(GuardDecks.smallDeckID).yaml"), atomically: true, encoding: .utf8)
        let plain = median { _ = DeckLibrary.load(directories: [decks.path]) }
        guard mkfifo(decks.appendingPathComponent("pipe.yaml").path, 0o600) == 0 else { return [] }
        return [
            Figure(
                name: "deck folder holding a FIFO named .yaml",
                seconds: median { _ = DeckLibrary.load(directories: [decks.path]) }, reference: plain,
                against: "same folder, no FIFO", target: 2, from: "DeckFileTrustTests, HostileDeckFolderTests")
        ]
    }

    // MARK: - The real binary

    private func binaryFigures(_ binary: URL) throws -> [Figure] {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(
            "lectern-bench-home-\(UUID().uuidString)")
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        func lectern(_ arguments: [String], input: String) throws -> Double {
            let file = home.appendingPathComponent("input.txt")
            try input.write(to: file, atomically: true, encoding: .utf8)
            return try median { try Self.run(binary, arguments, input: file, home: home) }
        }
        let bundled = BenchSupport.packageRoot.appendingPathComponent("Decks").path
        let line = String(repeating: "x", count: 1_000_000)
        var figures = [
            Figure(
                name: "1 MB command line, refused",
                seconds: try lectern(["--decks", bundled], input: line + "\nhelp\n"),
                reference: try lectern(["--decks", bundled], input: "help\n"), against: "'help' alone", target: 3,
                from: "InputLimitTests")
        ]
        func drill(_ count: Int) throws -> Double {
            let steps = (1...count).map { GuardDecks.plainStep("s\($0)") }
            try GuardDecks.walkthroughDeck(steps: steps).write(
                to: decks.appendingPathComponent("w.yaml"), atomically: true, encoding: .utf8)
            return try lectern(
                ["drill", "w", "--decks", decks.path], input: String(repeating: "true\n\n", count: count))
        }
        figures.append(
            Figure(
                name: "drill through a 4000-step chain", seconds: try drill(4000), reference: try drill(2000),
                against: "half size", target: 3, from: "WalkthroughScaleTests"))
        return figures
    }

    /// `lectern` beside this program, as `swift build` puts every product in one folder.
    static func lecternBinary() -> URL? {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binary = here.deletingLastPathComponent().appendingPathComponent("lectern")
        return FileManager.default.isExecutableFile(atPath: binary.path) ? binary : nil
    }

    /// Runs `lectern` to the end with `input` on its standard input and its output discarded,
    /// in a home of its own so no real progress file is touched.
    static func run(_ binary: URL, _ arguments: [String], input: URL, home: URL) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = [
            "HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path, "NO_COLOR": "1", "LANG": "C.UTF-8",
        ]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}
