package import Foundation
package import LecternCore
package import LecternStore
import PostgresNIO

/// Learners' progress in a PostgreSQL database: the same log, cards and reads as the
/// SQLite file (``ProgressStore``), for a school whose machines share one server.
///
/// Opening reads only: a database without Lectern's tables reads as "no progress yet"
/// and is given its tables by the first write (or at once, with `.create`). A database
/// with tables of the same names but no migration record is someone else's, and one with
/// migrations this build does not know is newer: both are refused before anything writes.
///
/// Many stores, in many processes, may write at once. Each answer's card is updated under
/// a lock on its learner's row, so concurrent answers for one learner apply in turn, and a
/// transaction that loses a conflict, or whose connection drops, is tried again: answers
/// carry their review id from the first attempt, so a retry of a commit that did reach the
/// server does not log the answer twice. When the server stays unreachable the call throws
/// ``ProgressStoreError/server(address:reason:)``: the caller learns the answer was not saved.
package final class PostgresStore: ProgressStorage, @unchecked Sendable {
    package let address: PostgresAddress
    package var location: String { address.description }
    let scheduler: FSRSScheduler
    let clock: @Sendable () -> Date
    let link: PostgresLink
    /// How often a transaction is tried before the error reaches the caller, and the pause
    /// before the first retry (doubling each time, so about six seconds in all).
    let attempts = 7
    let firstPause: TimeInterval = 0.1

    /// Guarded by `lock`: whether the schema is known to be this build's.
    private var schemaReady = false
    private let lock = NSLock()

    /// Connects to the database at `address` and looks at its schema; with `.create` (the
    /// default) makes or upgrades it now. The password is `password`, else `PGPASSWORD`,
    /// else `~/.pgpass` in `environment`.
    package init(
        address: PostgresAddress, password: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        scheduler: FSRSScheduler = FSRSScheduler(), clock: @escaping @Sendable () -> Date = { Date() },
        mode: ProgressStore.OpenMode = .create
    ) throws {
        self.address = address
        self.scheduler = scheduler
        self.clock = clock
        link = try PostgresLink(
            address: address, password: password ?? PasswordFile.password(for: address, environment: environment))
        switch mode {
        case .create: try prepareForWriting()
        case .whenNeeded: _ = try inspectedState()
        }
    }

    package func close() throws {
        link.close()
    }

    package func appliedMigrations() throws -> [String] {
        try read(empty: []) { session in try Self.appliedMigrations(session) }
    }

    // MARK: - Running queries

    /// Runs `body` in a read-only transaction, or returns `empty` when the database has no
    /// Lectern tables yet (reading never creates them). An older schema is upgraded first.
    func read<T>(empty: T, _ body: (PostgresLink.Session) throws -> T) throws -> T {
        switch try inspectedState() {
        case .absent: return empty
        case .older: try prepareForWriting()
        case .current: break
        }
        return try transaction(readOnly: true, body)
    }

    /// Runs `body` in a write transaction, making or upgrading the schema first when needed.
    func write<T>(_ body: (PostgresLink.Session) throws -> T) throws -> T {
        try prepareForWriting()
        return try transaction(readOnly: false, body)
    }

    /// One transaction, tried again after a conflict or a dropped connection.
    func transaction<T>(readOnly: Bool, _ body: (PostgresLink.Session) throws -> T) throws -> T {
        var pause = firstPause
        for attempt in 1...attempts {
            do {
                return try link.withConnection { session in
                    try session.query(readOnly ? "BEGIN READ ONLY" : "BEGIN")
                    do {
                        let result = try body(session)
                        try session.query("COMMIT")
                        return result
                    } catch {
                        _ = try? session.query("ROLLBACK")
                        throw error
                    }
                }
            } catch let error as PSQLError where (error.isConflict || error.isConnectionLoss) && attempt < attempts {
                Thread.sleep(forTimeInterval: pause)
                pause *= 2
            } catch {
                throw reported(error)
            }
        }
        // The last attempt returns or throws above.
        throw ProgressStoreError.server(address: location, reason: "gave up after \(attempts) attempts")
    }

    /// Turns what the server or the link said into an error naming this store.
    func reported(_ error: any Error) -> any Error {
        switch error {
        case let error as ProgressStoreError: return error
        case let damage as RowDamage: return ProgressStoreError.damaged(path: location, damage)
        case let error as PSQLError: return ProgressStoreError.server(address: location, reason: Self.reason(error))
        default: return ProgressStoreError.server(address: location, reason: "\(error)")
        }
    }

    static func reason(_ error: PSQLError) -> String {
        if let message = error.serverInfo?[.message] { return "the server said: \(message)" }
        switch error.code {
        case .connectionError:
            return "cannot connect to the server (\(error.underlying.map { "\($0)" } ?? "no answer"))"
        case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
        case .authMechanismRequiresPassword: return "the server wants a password (set PGPASSWORD or use ~/.pgpass)"
        default: return "\(error.code)"
        }
    }

    // MARK: - Schema

    enum SchemaState { case absent, older, current }

    /// The schema's state, asked of the server unless already known to be current.
    private func inspectedState() throws -> SchemaState {
        if lock.withLock({ schemaReady }) { return .current }
        let state = try transaction(readOnly: true) { session in try Self.state(session, location: location) }
        if state == .current { lock.withLock { schemaReady = true } }
        return state
    }

    /// Makes or upgrades the schema, under a lock every Lectern on this database takes, so
    /// that two first opens do not both create the tables.
    private func prepareForWriting() throws {
        if lock.withLock({ schemaReady }) { return }
        try transaction(readOnly: false) { session in
            try session.query("SELECT pg_advisory_xact_lock(\(Self.migrationLockKey))")
            _ = try Self.state(session, location: location)
            try session.script(PostgresSchema.migrationTable)
            let applied = Set(try Self.appliedMigrations(session))
            for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
                try session.script(migration.sql)
                try session.query(
                    "INSERT INTO lectern_migrations (identifier) VALUES ($1)", [.text(migration.identifier)])
            }
        }
        lock.withLock { schemaReady = true }
    }

    /// "LECT" in ASCII, as the SQLite file's application id: the advisory lock of migrations.
    static let migrationLockKey: Int64 = 0x4C45_4354

    /// Classifies the database; throws for one Lectern must not touch.
    static func state(_ session: PostgresLink.Session, location: String) throws -> SchemaState {
        let tables = try session.query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"
        ).map { try $0.decode(String.self) }
        let own = Set(tables).intersection(PostgresSchema.ownTables)
        guard own.contains("lectern_migrations") else {
            if own.isEmpty { return .absent }
            throw ProgressStoreError.foreignDatabase(path: location)
        }
        let applied = try appliedMigrations(session)
        let known = Set(StoreMigrations.identifiers)
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw ProgressStoreError.newerDatabase(path: location, unknownMigrations: unknown) }
        return applied.count == known.count ? .current : .older
    }

    /// The recorded migrations: this build's in its order, then any unknown ones.
    static func appliedMigrations(_ session: PostgresLink.Session) throws -> [String] {
        let recorded = try session.query("SELECT identifier FROM lectern_migrations").map {
            try $0.decode(String.self)
        }
        let known = StoreMigrations.identifiers.filter(recorded.contains)
        return known + recorded.filter { !known.contains($0) }.sorted()
    }
}
