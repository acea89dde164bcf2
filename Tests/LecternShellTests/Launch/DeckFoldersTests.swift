import Foundation
import LecternShell
import Testing

/// The bundled decks are found wherever the binary runs from: the build folder, `swift
/// run`, or an installed prefix.
@Suite("Deck folders")
struct DeckFoldersTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-folders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func anInstalledPrefix() throws {
        let prefix = try folder()
        try FileManager.default.createDirectory(
            at: prefix.appendingPathComponent("share/lectern/decks"), withIntermediateDirectories: true)
        #expect(
            DeckFolders.bundled(executablePath: prefix.appendingPathComponent("bin/lectern").path)
                == prefix.appendingPathComponent("share/lectern/decks").path)
    }

    @Test func theBuildFolderOfAPackage() throws {
        let package = try folder()
        try FileManager.default.createDirectory(
            at: package.appendingPathComponent("Decks"), withIntermediateDirectories: true)
        try "// package".write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let binary = package.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/lectern").path
        #expect(DeckFolders.bundled(executablePath: binary) == package.appendingPathComponent("Decks").path)
    }

    @Test func nowhere() throws {
        #expect(DeckFolders.bundled(executablePath: try folder().appendingPathComponent("bin/lectern").path) == nil)
    }

    @Test func userDecksFollowXDG() {
        #expect(DeckFolders.userDecks(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/lectern/decks")
        #expect(DeckFolders.userDecks(environment: ["HOME": "/h"]) == "/h/.local/share/lectern/decks")
    }
}
