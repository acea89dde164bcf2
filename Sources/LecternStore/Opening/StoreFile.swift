import Foundation
import LecternCore
import GRDB

/// What is on disk at a progress path, and the only ways Lectern opens, creates and finishes
/// the file.
///
/// A new file is built under a temporary name in the same folder, migrated, then hard-linked
/// into place only if nothing is there yet: a process killed half-way leaves a stray
/// temporary file, never a half-made database at the real path, and processes racing to
/// create the same file all end up opening the one that won.
enum StoreFile {
    enum State: Equatable {
        /// No file.
        case absent
        /// Empty, or begun by a Lectern that stopped before its first migration was
        /// recorded, and holding no rows: safe to finish.
        case unfinished
        /// A Lectern database missing some of this build's migrations.
        case older
        /// A Lectern database with every migration this build knows.
        case current
    }

    /// The tables Lectern's migrations create; a file holding only these (all empty) and no
    /// migration record was begun by Lectern.
    static let ownTables: Set<String> = ["learners", "reviews", "cards", "rating_changes", "grdb_migrations"]

    /// Looks at the file by reading only; throws for a file Lectern must not touch.
    ///
    /// With `recovering` (the default), a hot journal beside the file is rolled back by
    /// SQLite first; `db check` passes false, as it must never change the file.
    static func inspect(_ path: String, recovering: Bool = true) throws -> State {
        guard let header = try header(of: path) else { return .absent }
        if header.isEmpty { return .unfinished }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw ProgressStoreError.notADatabase(path: path)
        }
        do {
            return try inspect(path, readonly: true)
        } catch let error as DatabaseError
            where recovering && (error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_BUSY)
        {
            // A hot journal left by a writer killed mid-transaction needs rolling back before
            // anyone can read; SQLite does that on a connection that may write.
            return try inspect(path, readonly: false)
        }
    }

    /// The first 16 bytes, or nil when there is no file. One `open` call decides, so a file
    /// another process links into place meanwhile is either seen whole or not at all.
    private static func header(of path: String) throws -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            let reason = String(cString: strerror(errno))
            throw ProgressStoreError.cannotOpen(path: path, reason: reason)
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 16)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                // Sixteen bytes, so the buffer has an address.
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                throw ProgressStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        return Data(bytes[..<filled])
    }

    private static func inspect(_ path: String, readonly: Bool) throws -> State {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(ProgressStore.busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try state(of: db, path: path) }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            throw ProgressStoreError.notADatabase(path: path)
        } catch let error as DatabaseError
            where !readonly || (error.resultCode != .SQLITE_READONLY && error.resultCode != .SQLITE_BUSY)
        {
            throw ProgressStoreError.cannotOpen(path: path, reason: ProgressStore.reason(error))
        }
    }

    /// Classifies an open database; used both before opening and under the write lock.
    static func state(of db: Database, path: String) throws -> State {
        let applicationID = try Int64.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        let migrations = try appliedIdentifiers(db, path: path)
        let known = StoreSchema.migrator.migrations
        let unknown = migrations.subtracting(known).sorted()
        if !unknown.isEmpty {
            throw ProgressStoreError.newerDatabase(path: path, unknownMigrations: unknown)
        }
        let isOurs = applicationID == Int64(StoreSchema.applicationID)
        if migrations.contains(StoreSchema.v1) {
            guard isOurs || tables.isEmpty else { throw ProgressStoreError.foreignDatabase(path: path) }
            return migrations.count == known.count ? .current : .older
        }
        if tables.isEmpty { return .unfinished }
        let begunByLectern = isOurs || (applicationID == 0 && Set(tables).isSubset(of: ownTables))
        guard begunByLectern else { throw ProgressStoreError.foreignDatabase(path: path) }
        for table in tables {
            let quoted = table.replacingOccurrences(of: "\"", with: "\"\"")
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \"\(quoted)\")") == true {
                throw ProgressStoreError.foreignDatabase(path: path)
            }
        }
        return .unfinished
    }

    /// The identifiers in `grdb_migrations`, read without trusting their type.
    static func appliedIdentifiers(_ db: Database, path: String) throws -> Set<String> {
        guard try db.tableExists("grdb_migrations") else { return [] }
        var identifiers = Set<String>()
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, identifier FROM grdb_migrations")
        while let row = try rows.next() {
            let checked = CheckedRow(row, table: "grdb_migrations", idColumn: "rowid")
            do {
                identifiers.insert(try checked.text("identifier"))
            } catch {
                throw ProgressStoreError.damaged(path: path, error)
            }
        }
        return identifiers
    }

    /// The known migrations recorded in the file, in registration order.
    static func appliedMigrations(_ db: Database, path: String) throws -> [String] {
        let applied = try appliedIdentifiers(db, path: path)
        return StoreSchema.migrator.migrations.filter(applied.contains)
    }

    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(ProgressStore.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "lectern"
        return configuration
    }

    /// A read-only connection to a current file: no migration, no journal-mode change.
    static func openForReading(_ path: String) throws -> DatabaseQueue {
        do {
            return try DatabaseQueue(path: path, configuration: configuration(readonly: true))
        } catch {
            throw ProgressStoreError.cannotOpen(path: path, reason: ProgressStore.reason(error))
        }
    }

    /// The writer: creates the file when missing, finishes one left half-made, migrates an
    /// older one.
    static func openForWriting(_ path: String) throws -> DatabasePool {
        var state = try inspect(path)
        if state == .absent {
            try createAtomically(path)
            state = try inspect(path)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration(readonly: false))
        } catch {
            throw ProgressStoreError.cannotOpen(path: path, reason: ProgressStore.reason(error))
        }
        do {
            if state == .unfinished { try clearUnfinished(pool, path: path) }
            if state != .current { try migrate(pool) }
        } catch let error as ProgressStoreError {
            try? pool.close()
            throw error
        } catch {
            try? pool.close()
            throw ProgressStoreError.cannotOpen(path: path, reason: ProgressStore.reason(error))
        }
        return pool
    }

    /// Builds a complete database beside `path` and links it into place unless another
    /// process got there first (then theirs is used and ours removed).
    static func createAtomically(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).new-\(getpid())-\(UUID().uuidString.prefix(8))"
        ).path
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        }
        removeLeftovers(of: url)
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: configuration(readonly: false))
            _ = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try StoreSchema.migrator.migrate(queue)
            try queue.close()
        } catch {
            throw ProgressStoreError.cannotOpen(path: path, reason: ProgressStore.reason(error))
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw ProgressStoreError.cannotOpen(path: path, reason: reason)
        }
    }

    /// Removes temporary files that first opens killed half-way left beside `url`: those
    /// whose process (the number in the name) is gone. A live process's file is its own.
    static func removeLeftovers(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).new-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    /// Drops what a stopped first open left (empty tables, no migration record), under the
    /// write lock and after looking again, so a file another process finished meanwhile is
    /// left alone.
    static func clearUnfinished(_ pool: DatabasePool, path: String) throws {
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                guard try state(of: db, path: path) == .unfinished else { return .commit }
                let views = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view'")
                for view in views { try db.execute(sql: "DROP VIEW \(view.quotedDatabaseIdentifier)") }
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                // Children before the parents they reference.
                let order = ["rating_changes", "cards", "reviews", "learners"]
                for table in tables.sorted(by: { (order.firstIndex(of: $0) ?? -1) < (order.firstIndex(of: $1) ?? -1) })
                {
                    try db.execute(sql: "DROP TABLE \(table.quotedDatabaseIdentifier)")
                }
                return .commit
            }
        }
    }

    /// Applies missing migrations, trying again when another process applied some first.
    ///
    /// The migrator decides what to run before each migration's transaction, so two
    /// processes may both try the same one; the loser's attempt rolls back ("table already
    /// exists") and a second look finds it done.
    static func migrate(_ pool: DatabasePool) throws {
        var attempt = 1
        while true {
            do {
                return try StoreSchema.migrator.migrate(pool)
            } catch is DatabaseError where attempt < 2 * StoreSchema.migrator.migrations.count {
                attempt += 1
            }
        }
    }

    static func createParentFolder(of path: String) throws {
        let folder = PathText.folder(of: path)
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ProgressStoreError.cannotCreateFolder(path: folder, reason: (error as NSError).localizedDescription)
        }
    }
}
