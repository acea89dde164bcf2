import Foundation
import GRDB
import LecternCore
import ZIPFoundation

/// Writes a deck as an Anki package (`.apkg`): a zip holding `collection.anki2` (an SQLite
/// collection in Anki's schema 11, which every Anki version imports) and an empty media map.
/// One note per item (a walkthrough: one per step) of our own note type, in a deck named
/// after the deck's title, tagged with the item's tags; the notes' GUIDs depend only on the
/// deck and item ids, so importing a newer export updates the learner's notes.
package enum AnkiPackage {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Writes the package to `path` (replacing it) and returns the number of notes.
    /// - Parameter now: the modification time written on every object (Anki compares it on import).
    @discardableResult
    package static func write(_ deck: Deck, to path: String, now: Date = Date()) throws -> Int {
        let notes = AnkiNotes.notes(of: deck)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-apkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let collection = folder.appendingPathComponent("collection.anki2")
        try writeCollection(notes, title: deck.title, to: collection.path, now: now)
        // Built beside the target and renamed over it: a failed export never leaves half a
        // package, and an existing file is replaced in one step or not at all.
        let target = URL(fileURLWithPath: path)
        let staged = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: staged) }
        do {
            let archive = try Archive(url: staged, accessMode: .create)
            try archive.addEntry(with: "collection.anki2", relativeTo: folder, compressionMethod: .deflate)
            let media = Data("{}".utf8)
            try archive.addEntry(
                with: "media", type: .file, uncompressedSize: Int64(media.count), compressionMethod: .deflate
            ) { position, size in
                media.subdata(in: Int(position)..<Int(position) + size)
            }
        } catch {
            throw Failure(description: "cannot write \(path): \(error)")
        }
        guard rename(staged.path, path) == 0 else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return notes.count
    }

    static func writeCollection(_ notes: [AnkiNote], title: String, to path: String, now: Date) throws {
        let seconds = Int64(now.timeIntervalSince1970)
        let millis = Int64(now.timeIntervalSince1970 * 1000)
        // The deck id only has to be unique in this file: Anki matches decks by name on import.
        let deckID = millis
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for statement in AnkiCollection.tables { try db.execute(sql: statement) }
            try db.execute(
                sql: """
                    INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags)
                    VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')
                    """,
                arguments: [
                    seconds - seconds % 86_400, millis, millis, AnkiCollection.settings(deckID: deckID),
                    AnkiCollection.noteType(deckID: deckID, modified: seconds),
                    AnkiCollection.decks(deckID: deckID, name: title, modified: seconds), AnkiCollection.deckOptions,
                ])
            for (index, note) in notes.enumerated() {
                let noteID = millis + Int64(index)
                let tags = note.tags.isEmpty ? "" : " " + note.tags.joined(separator: " ") + " "
                try db.execute(
                    sql: """
                        INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
                        VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')
                        """,
                    arguments: [
                        noteID, note.guid, AnkiCollection.noteTypeID, seconds, tags,
                        note.front + "\u{1F}" + note.back, note.front,
                    ])
                try db.execute(
                    sql: """
                        INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses,
                                           left, odue, odid, flags, data)
                        VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')
                        """,
                    arguments: [noteID, noteID, deckID, seconds, index + 1])
            }
        }
        try queue.close()
    }
}
