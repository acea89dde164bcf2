import Foundation
import GRDB
import LecternCore

/// Learners' progress in one SQLite file: the answer log, card state derived from it, and
/// the statistics and classroom results read back from both.
///
/// Several shells may open the same file at once (two terminals, two students on one
/// machine): the file runs in WAL mode and writers wait up to five seconds for each other
/// instead of failing. Every method returns data or throws; nothing here prints or exits.
public final class ProgressStore: Sendable {
    /// The file as given to `init`.
    public let path: String
    let pool: DatabasePool
    let scheduler: FSRSScheduler
    /// Used only to stamp when a learner was first created.
    let clock: @Sendable () -> Date

    /// How long a writer waits for another one before giving up.
    static let busyTimeout: TimeInterval = 5

    /// Opens (creating when missing) the progress file at `path` and brings its schema up to
    /// date.
    ///
    /// A file that is not Lectern's, or was written by a newer Lectern, is refused with a
    /// ``ProgressStoreError`` before anything writes to it, so the file is left as it was.
    public init(
        path: String, scheduler: FSRSScheduler = FSRSScheduler(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.path = path
        self.scheduler = scheduler
        self.clock = clock
        try Self.createParentFolder(of: path)
        try Self.checkExistingFile(at: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "lectern"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrate(pool)
        } catch {
            throw ProgressStoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
    }

    /// Applies missing migrations, trying again when another process applied some first.
    ///
    /// The migrator decides what to run before taking the write lock, so two shells opening
    /// a new file at once may both try the first migration; the loser's attempt rolls back
    /// ("table already exists") and a second look finds it done.
    private static func migrate(_ pool: DatabasePool) throws {
        var attempt = 1
        while true {
            do {
                return try StoreSchema.migrator.migrate(pool)
            } catch is DatabaseError where attempt < 3 {
                attempt += 1
            }
        }
    }

    /// Closes the file's connections; later calls on this store throw.
    public func close() throws {
        try pool.close()
    }

    /// The migrations recorded in the file, in the order this build registers them.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    private static func createParentFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ProgressStoreError.cannotCreateFolder(
                path: folder, reason: (error as NSError).localizedDescription)
        }
    }

    /// Refuses, by reading only, a file that is not Lectern's or is newer than this build.
    private static func checkExistingFile(at path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw ProgressStoreError.notADatabase(path: path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let found: (applicationID: Int32, tables: Int, migrations: Set<String>)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            found = try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                let migrations = try StoreSchema.migrator.appliedIdentifiers(db)
                return (applicationID, tables, migrations)
            }
            try queue.close()
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            throw ProgressStoreError.notADatabase(path: path)
        } catch {
            throw ProgressStoreError.cannotOpen(path: path, reason: reason(error))
        }
        let known = Set(StoreSchema.migrator.migrations)
        let unknown = found.migrations.subtracting(known).sorted()
        if !unknown.isEmpty {
            throw ProgressStoreError.newerDatabase(path: path, unknownMigrations: unknown)
        }
        if found.applicationID != StoreSchema.applicationID && found.tables > 0 {
            throw ProgressStoreError.foreignDatabase(path: path)
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }
}
