import Foundation
import LineEditing
import Testing

@Suite("History file")
struct HistoryFileTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-history-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func createsAMissingFolder() throws {
        let path = try temporaryFolder() + "/deeper/lectern/history"
        let file = HistoryFile(path: path) { _ in }
        #expect(file.prepare() == .ready(exists: false))
        #expect(FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
    }

    @Test func anUncreatableFolderIsAWarningNotAFailure() throws {
        let blocker = try temporaryFolder() + "/file"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let file = HistoryFile(path: blocker + "/lectern/history") { _ in }
        guard case .unavailable(let reason) = file.prepare() else {
            Issue.record("expected unavailable")
            return
        }
        #expect(reason.hasPrefix("cannot create history folder"))
        #expect(!file.savingEnabled)
    }

    @Test func aFolderInPlaceOfTheFileIsReported() throws {
        let path = try temporaryFolder()
        let file = HistoryFile(path: path) { _ in }
        #expect(file.prepare() == .unavailable("history path \(path) is a folder"))
    }

    @Test(arguments: ["/dev/zero", "/dev/null"])
    func aDeviceIsNotReadAsHistory(path: String) {
        let file = HistoryFile(path: path) { _ in }
        #expect(file.prepare() == .unavailable("history path \(path) is not a regular file; it is left untouched"))
        #expect(!file.savingEnabled)
    }

    @Test func aFileOverTheCapIsLeftUntouched() throws {
        let path = try temporaryFolder() + "/history"
        let text = String(repeating: "help\n", count: HistoryFile.maximumBytes / 5 + 1)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let file = HistoryFile(path: path) { _ in }
        guard case .unavailable(let reason) = file.prepare() else {
            Issue.record("expected unavailable")
            return
        }
        #expect(reason.contains("is larger than 1 MiB; it is left untouched"))
        #expect(!file.savingEnabled)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func aLinkToAHistoryFileIsFollowed() throws {
        let folder = try temporaryFolder()
        try "help\n".write(toFile: folder + "/real", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/history", withDestinationPath: folder + "/real")
        #expect(HistoryFile(path: folder + "/history") { _ in }.prepare() == .ready(exists: true))
    }

    @Test(arguments: [
        ("", false), ("   ", false), ("help", true), (" decks ", true),
        (String(repeating: "x", count: HistoryFile.maximumEntryBytes + 1), false),
    ])
    func blankLinesAreNotStored(line: String, stored: Bool) {
        #expect(HistoryFile.shouldStore(line) == stored)
    }

    @Test func entriesLoseTheSpaceCompletionLeaves() {
        #expect(HistoryFile.entry(for: "help ") == "help")
    }
}
