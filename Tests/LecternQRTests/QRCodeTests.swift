import Foundation
import LecternQR
import Testing

@Suite("QR codes for joining a class")
struct QRCodeTests {
    static let joinAddress = "http://192.168.1.20:7777/join?code=K7QF"

    /// An independent reader (zxing-cpp, Tests/reference/qr_decode.py) reads back the text.
    @Test(arguments: [joinAddress, "http://[fe80::1]:65535/join?code=ABCDEF", "加入课堂 K7QF"])
    func anIndependentReaderDecodesTheText(text: String) throws {
        let code = try #require(QRCode(text))
        let quiet = QRCode.quietZone
        let side = code.size + 2 * quiet
        let rows = (0..<side).map { y in
            String((0..<side).map { x in code[x - quiet, y - quiet] ? "#" : "." })
        }
        #expect(try Self.decode(rows) == text)
    }

    @Test func theJoinAddressIsASmallCodeWithItsFinderPatterns() throws {
        let code = try #require(QRCode(Self.joinAddress))
        #expect(code.size == 29, "version 3 at level M holds a 40-byte address")
        #expect(code.modules.count == code.size * code.size)
        // The three finder patterns: a dark 7×7 ring around a dark 3×3 centre, at three corners.
        for (left, top) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            for offset in 0..<7 {
                #expect(code[left + offset, top] && code[left + offset, top + 6])
                #expect(code[left, top + offset] && code[left + 6, top + offset])
            }
            #expect(!code[left + 1, top + 1] && code[left + 3, top + 3])
        }
    }

    @Test func emptyOversizedOrNulTextIsRefused() {
        #expect(QRCode("") == nil)
        #expect(QRCode(String(repeating: "x", count: QRCode.maxBytes + 1)) == nil)
        #expect(QRCode("a\u{0}b") == nil)
    }

    /// Two module rows per terminal line, with the quiet zone on every side.
    @Test func halfBlocksCoverEveryModuleOnce() throws {
        let code = try #require(QRCode(Self.joinAddress))
        let lines = code.halfBlockLines(quiet: 2, lightIsInk: false)
        let side = code.size + 4
        #expect(lines.count == (side + 1) / 2)
        #expect(lines.allSatisfy { $0.count == side })
        // Reassemble the modules from the characters and compare with the code.
        for (row, line) in lines.enumerated() {
            for (x, character) in line.enumerated() {
                let top = character == "█" || character == "▀"
                let bottom = character == "█" || character == "▄"
                #expect(top == code[x - 2, 2 * row - 2])
                if 2 * row + 1 < side { #expect(bottom == code[x - 2, 2 * row - 1]) }
            }
        }
    }

    @Test func theSVGHoldsOnlyNumbersAndPaintsEveryDarkModule() throws {
        let code = try #require(QRCode(Self.joinAddress))
        let svg = code.svg()
        let side = code.size + 2 * QRCode.quietZone
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\""))
        #expect(!svg.contains("K7QF"), "the text is in the modules, not in the markup")
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        // Each run is "Mx yhNv1h-Nz": the widths add up to the number of dark modules.
        let widths = path.split(separator: "z").compactMap { run in
            run.split(separator: "h").dropFirst().first.flatMap { Int($0.split(separator: "v")[0]) }
        }
        #expect(widths.reduce(0, +) == code.modules.filter { $0 }.count)
    }

    static func decode(_ rows: [String]) throws -> String {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv/bin/python").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("code.txt")
        let output = folder.appendingPathComponent("out.txt")
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root.appendingPathComponent("Tests/reference/qr_decode.py").path, input.path]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        if process.terminationStatus == 2 {
            Issue.record("the zxing-cpp reference reader is missing from .venv: run `make test`, which installs it")
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}
