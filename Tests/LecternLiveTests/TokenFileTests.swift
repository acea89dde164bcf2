import Foundation
import LecternCore
@testable import LecternLiveShell
import Testing

/// The rejoin tokens a student's machine keeps in `$XDG_STATE_HOME/lectern/live-tokens`.
@Suite("The rejoin token file")
struct TokenFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-tokens-\(UUID().uuidString)")
    var tokens: TokenFile { TokenFile(environment: ["XDG_STATE_HOME": folder.path]) }

    @Test func keepsTheMostRecentlySavedClassesOnly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        // Saved out of order, so that the keys' order and the order of saving disagree.
        var random = SplitMix64(seed: 7)
        let order = random.shuffled(Array(0..<60))
        for index in order {
            let warning = tokens.save(
                "token-\(index)", address: "10.0.0.\(index):7777", code: "K7QF",
                now: start.addingTimeInterval(Double(index)))
            #expect(warning == nil)
        }
        let kept = tokens.read()
        #expect(kept.count == TokenFile.kept)
        for index in 0..<60 {
            let token = tokens.token(address: "10.0.0.\(index):7777", code: "k7qf")
            #expect(token == (index >= 10 ? "token-\(index)" : nil), "class \(index)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: tokens.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: PathText.folder(of: tokens.path))
        #expect(leftovers == ["live-tokens"])
    }

    @Test func readsTheFirstReleasesFileAndIgnoresADamagedOne() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let lectern = folder.appendingPathComponent("lectern")
        try FileManager.default.createDirectory(at: lectern, withIntermediateDirectories: true)
        let file = lectern.appendingPathComponent("live-tokens")
        try Data(#"{"127.0.0.1:7777 K7QF":"old-token"}"#.utf8).write(to: file)
        #expect(tokens.token(address: "127.0.0.1:7777", code: "K7QF") == "old-token")
        // A new save keeps the old class too, now dated.
        #expect(tokens.save("new-token", address: "127.0.0.1:7778", code: "ABCD") == nil)
        #expect(tokens.token(address: "127.0.0.1:7777", code: "K7QF") == "old-token")
        #expect(tokens.token(address: "127.0.0.1:7778", code: "ABCD") == "new-token")

        try Data([0xFF, 0x00, 0x7B]).write(to: file)
        #expect(tokens.token(address: "127.0.0.1:7777", code: "K7QF") == nil)
        #expect(tokens.save("again", address: "127.0.0.1:7777", code: "K7QF") == nil)
        #expect(tokens.token(address: "127.0.0.1:7777", code: "K7QF") == "again")
    }
}
