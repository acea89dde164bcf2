import Foundation
import LecternQR
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The live class's pages with the real binary: the host shell's QR code, and a class of a
/// terminal student and two page students with the projector page open, in Debian's
/// chromium driven by Playwright (Tests/reference/live_pages.py).
@Suite("lectern host's pages in a browser")
struct LivePagesBrowserTests {
    static let decks = LecternBinary.packageRoot.appendingPathComponent("Tests/LecternCLITests/Fixtures/pages").path
    static let python = LecternBinary.packageRoot.appendingPathComponent(".venv/bin/python").path

    /// `lectern host` with the pages deck on a free loopback port, and what it printed
    /// before its first prompt: the join line, the page address and the QR code.
    static func startHost(home: URL, port: String = "0") throws -> (
        PipedProcess, banner: String, address: String, code: String, url: String
    ) {
        let host = try PipedProcess(
            [
                "host", "pages", "--decks", decks, "--db", home.appendingPathComponent("class.sqlite").path,
                "--bind", "127.0.0.1", "--port", port, "--time", "5m", "--seed", "3",
            ], home: home)
        let banner = try host.expect("Type start when everyone is in", timeout: 30)
        let join = try #require(banner.split(separator: "\n").first { $0.hasPrefix("join with: lectern join ") })
        let words = join.split(separator: " ")
        // `join with: lectern join 127.0.0.1:PORT CODE`
        try #require(words.count == 6)
        let phone = try #require(banner.split(separator: "\n").first { $0.hasPrefix("or on a phone: ") })
        let url = try #require(phone.split(separator: " ").dropFirst(4).first.map(String.init))
        return (host, banner, String(words[4]), String(words[5]), url)
    }

    @Test func theHostShellPrintsTheStudentPageAsTheSameQRCodeTheProjectorShows() async throws {
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let (host, banner, address, code, url) = try Self.startHost(home: home)
        #expect(url == "http://\(address)/join?code=\(code)")
        let qr = try #require(QRCode(url))
        // The printed code: whole lines of half blocks, in the shape of the matrix with its quiet zone.
        let printed = banner.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty && $0.allSatisfy { "▀▄█ ".contains($0) } }
        let expected = qr.halfBlockLines()
        #expect(printed == expected)
        #expect(printed.count == (qr.size + 4 + 1) / 2 && printed.allSatisfy { $0.count == qr.size + 4 })
        // The projector's SVG is drawn from the same matrix.
        let svg = try await URLSession.shared.data(from: try #require(URL(string: "http://\(address)/qr.svg"))).0
        #expect(String(decoding: svg, as: UTF8.self) == qr.svg())
        // And an independent reader decodes the terminal's blocks back to the address.
        #expect(try Self.decodeHalfBlocks(printed) == url)
        host.send("end")
        try host.expect("answers are in the progress file.")
    }

    @Test func aTerminalStudentTwoPageStudentsAndTheProjectorThroughFiveQuestions() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
            "Debian's chromium is missing: run scripts/setup.sh")
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "run scripts/setup.sh for .venv")
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let (host, _, address, code, _) = try Self.startHost(home: home)
        let tess = try LecternBinary.onTerminal(["join", address, code, "--name", "Tess"], home: home)
        try tess.expect("Joined \"Who keeps the crowd\" as Tess")
        let screenshots = LecternBinary.packageRoot.appendingPathComponent(".build/page-screenshots").path
        let script = LecternBinary.packageRoot.appendingPathComponent("Tests/reference/live_pages.py").path
        var environment = LecternBinary.environment(home: home)
        environment["PYTHONUNBUFFERED"] = "1"
        let browser = try PipedProcess(
            [script, "http://\(address)", code, Self.decks + "/pages.yaml", screenshots], home: home,
            executable: Self.python, environment: environment)
        // The script directs: it asks for the host's commands and the terminal student's answers.
        var answered = 0
        while true {
            let line = try browser.expect("\n", timeout: 120).trimmingCharacters(in: .whitespacesAndNewlines)
            if line == "DONE" { break }
            if line.hasPrefix("HOST ") {
                host.send(String(line.dropFirst(5)))
            } else if line.hasPrefix("TERMINAL ") {
                answered += 1
                try tess.expect("Question \(answered) of 5")
                tess.type(String(line.dropFirst(9)) + "\r")
                try tess.expect("Answer received")
            }
        }
        #expect(browser.waitForExit() == 0)
        #expect(answered == 5)
        try tess.expect("The class is over")
        try host.expect("answers are in the progress file.")
        for phase in ["lobby", "question", "reveal", "board"] {
            for page in ["projector", "student"] {
                #expect(FileManager.default.fileExists(atPath: "\(screenshots)/\(page)-\(phase).png"))
            }
        }
    }

    @Test func theProjectorFindsARestartedHostByItself() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "run scripts/setup.sh")
        let home = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let (first, _, address, code, _) = try Self.startHost(home: home)
        let script = LecternBinary.packageRoot.appendingPathComponent("Tests/reference/live_pages.py").path
        let browser = try PipedProcess(
            [script, "--restart", "http://\(address)", code], home: home, executable: Self.python,
            environment: LecternBinary.environment(home: home, extra: ["PYTHONUNBUFFERED": "1"]))
        try browser.expect("RESTART\n", timeout: 60)
        // Killed outright, then a new class on the same port: the page must follow without a reload.
        first.killHard()
        let port = String(address.split(separator: ":").last ?? "")
        let (second, _, _, newCode, _) = try Self.startHost(home: home, port: port)
        #expect(newCode != code)
        try browser.expect("DONE", timeout: 90)
        #expect(browser.waitForExit() == 0)
        second.send("end")
        try second.expect("answers are in the progress file.")
    }

    /// Rebuilds the modules from half blocks (light modules printed as ink) and reads them
    /// with zxing-cpp (Tests/reference/qr_decode.py).
    static func decodeHalfBlocks(_ lines: [String]) throws -> String {
        var rows: [String] = []
        for line in lines {
            var top = "", bottom = ""
            for character in line {
                let (upper, lower) =
                    switch character {
                    case "█": (true, true)
                    case "▀": (true, false)
                    case "▄": (false, true)
                    default: (false, false)
                    }
                // Ink is light here: a printed block is a light module.
                top += upper ? "." : "#"
                bottom += lower ? "." : "#"
            }
            rows += [top, bottom]
        }
        // The last line's lower half is past the code; a wider quiet zone helps the reader.
        rows.removeLast(rows.count - (rows.first?.count ?? 0))
        let pad = String(repeating: ".", count: 4)
        let side = (rows.first?.count ?? 0) + 8
        let blank = String(repeating: ".", count: side)
        rows = Array(repeating: blank, count: 4) + rows.map { pad + $0 + pad } + Array(repeating: blank, count: 4)
        let folder = try LecternBinary.makeHome()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("code.txt")
        try rows.joined(separator: "\n").write(to: input, atomically: true, encoding: .ascii)
        let output = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            LecternBinary.packageRoot.appendingPathComponent("Tests/reference/qr_decode.py").path, input.path,
        ]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "qr_decode.py could not read the code")
        return String(decoding: data, as: UTF8.self)
    }
}
