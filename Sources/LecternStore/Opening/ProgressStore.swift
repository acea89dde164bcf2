package import Foundation
import GRDB
package import LecternCore

/// Learners' progress in one SQLite file: the answer log, card state derived from it, and
/// the statistics and classroom results read back from both.
///
/// Several shells may open the same file at once (two terminals, two students on one
/// machine): the file runs in WAL mode and writers wait up to five seconds for each other
/// instead of failing. Every method returns data or throws; nothing here prints or exits.
///
/// Reading never writes: with ``OpenMode/whenNeeded`` a missing file reads as "no progress
/// yet" and stays missing, an existing one is read through a read-only connection, and the
/// file is created (atomically, see ``StoreFile``) only by the first write.
package final class ProgressStore: ProgressStorage, @unchecked Sendable {
    /// When the file is created and migrated.
    package enum OpenMode: Sendable {
        /// Now, in `init`: for tools and tests that will write anyway.
        case create
        /// On the first write; reads before that leave the disk as it was.
        case whenNeeded
    }

    /// The file as given to `init`.
    package let path: String
    /// The path, as messages name the store.
    package var location: String { path }
    let scheduler: FSRSScheduler
    /// Used only to stamp when a learner was first created.
    let clock: @Sendable () -> Date

    /// The open connection, guarded by `lock`: none yet, a read-only one, or the writer.
    private var connection: Connection = .none
    private let lock = NSLock()

    private enum Connection {
        case none
        case reader(DatabaseQueue)
        case writer(DatabasePool)
        case closed
    }

    /// How long a writer waits for another one before giving up.
    static let busyTimeout: TimeInterval = 5

    /// Opens the progress file at `path`; with `.create` (the default) creates it when missing
    /// and brings its schema up to date.
    ///
    /// A file that is not Lectern's, or was written by a newer Lectern, is refused with a
    /// ``ProgressStoreError`` before anything writes to it, so the file is left as it was.
    package init(
        path: String, scheduler: FSRSScheduler = FSRSScheduler(),
        clock: @escaping @Sendable () -> Date = { Date() }, mode: OpenMode = .create
    ) throws {
        self.path = path
        self.scheduler = scheduler
        self.clock = clock
        switch mode {
        case .create:
            try StoreFile.createParentFolder(of: path)
            connection = .writer(try StoreFile.openForWriting(path))
        case .whenNeeded:
            _ = try StoreFile.inspect(path)
        }
    }

    /// Closes the file's connections; later calls on this store throw.
    package func close() throws {
        lock.lock()
        defer { lock.unlock() }
        switch connection {
        case .reader(let queue): try queue.close()
        case .writer(let pool): try pool.close()
        case .none, .closed: break
        }
        connection = .closed
    }

    /// The migrations recorded in the file, in the order this build registers them.
    package func appliedMigrations() throws -> [String] {
        try read(empty: []) { db in try StoreFile.appliedMigrations(db, path: path) }
    }

    /// The writer, creating and migrating the file first when needed.
    var pool: DatabasePool {
        get throws {
            lock.lock()
            defer { lock.unlock() }
            switch connection {
            case .writer(let pool): return pool
            case .closed: throw ProgressStoreError.cannotOpen(path: path, reason: "the store is closed")
            case .reader:
                // Dropped rather than closed: a read still running elsewhere keeps its
                // connection until it ends, and GRDB closes it then.
                connection = .none
            case .none: break
            }
            try StoreFile.createParentFolder(of: path)
            let pool = try StoreFile.openForWriting(path)
            connection = .writer(pool)
            return pool
        }
    }

    /// Runs `body` on a connection that may read, or returns `empty` when there is no
    /// database yet. Damaged rows come out as ``ProgressStoreError/damaged(path:_:)``.
    func read<T>(empty: T, _ body: (Database) throws -> T) throws -> T {
        guard let reader = try readerConnection() else { return empty }
        return try reporting { try reader.read(body) }
    }

    /// Runs `body` in a write transaction, creating the file first when needed.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        let pool = try pool
        return try reporting { try pool.write(body) }
    }

    /// Turns a damaged row found while reading into an error that names the file.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let damage as RowDamage {
            throw ProgressStoreError.damaged(path: path, damage)
        }
    }

    private func readerConnection() throws -> (any DatabaseReader)? {
        lock.lock()
        switch connection {
        case .writer(let pool):
            lock.unlock()
            return pool
        case .reader(let queue):
            lock.unlock()
            return queue
        case .closed:
            lock.unlock()
            throw ProgressStoreError.cannotOpen(path: path, reason: "the store is closed")
        case .none:
            break
        }
        defer { lock.unlock() }
        switch try StoreFile.inspect(path) {
        case .absent, .unfinished:
            return nil
        case .current:
            let queue = try StoreFile.openForReading(path)
            connection = .reader(queue)
            return queue
        case .older:
            // Reading an older file needs its new tables and columns: migrating is the
            // one write a read may cause.
            let pool = try StoreFile.openForWriting(path)
            connection = .writer(pool)
            return pool
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }
}
