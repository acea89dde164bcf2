import Foundation
import LecternStore
import Logging

import NIOSSL
import PostgresNIO

/// One connection to the server, used synchronously: the bridge between Lectern's store
/// interface, which commits before it returns, and PostgresNIO, which is asynchronous.
///
/// Why futures and `wait()`, not `async` calls behind a semaphore: the callers (the shell's
/// thread, the live class's recorder queue, test threads) block until the commit is done.
/// Blocking a thread of Swift's cooperative pool while a `Task` on that same pool must run
/// to finish the work can deadlock once every pool thread is waiting (two on this machine).
/// PostgresNIO's event-loop API completes its futures on NIO's own event-loop threads,
/// which never wait for a caller, so a caller blocked in `wait()` (from any thread that is
/// not an event loop) is always woken. One lock per link keeps one transaction at a time
/// on the connection; a store holds a few links for callers on several threads.
final class PostgresLink: @unchecked Sendable {
    private let configuration: PostgresConnection.Configuration
    private let address: PostgresAddress
    private let logger: Logger
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var connection: PostgresConnection?
    private var closed = false

    init(address: PostgresAddress, password: String?) throws {
        self.address = address
        if let socket = address.socketPath {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: socket, username: address.user, password: password, database: address.database)
        } else {
            configuration = PostgresConnection.Configuration(
                host: address.host, port: address.port, username: address.user, password: password,
                database: address.database, tls: try Self.tls(for: address))
        }
        // PostgresNIO logs to swift-log; Lectern reports errors itself and keeps the
        // terminal for the learner.
        logger = Logger(label: "lectern.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// The TLS of `sslmode`: none, encryption alone, or encryption with the certificate and
    /// the host name checked (against the system's authorities, or `sslrootcert`'s).
    static func tls(for address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
        var settings = TLSConfiguration.makeClientConfiguration()
        switch address.tls {
        case .disable: return .disable
        case .require: settings.certificateVerification = .none
        case .verifyFull:
            settings.certificateVerification = .fullVerification
            if let file = address.rootCertificate { settings.trustRoots = .file(file) }
        }
        do {
            return .require(try NIOSSLContext(configuration: settings))
        } catch {
            throw ProgressStoreError.server(
                address: address.description,
                reason: "cannot set up TLS (\(error)); check sslrootcert names a readable PEM file")
        }
    }

    /// Runs `body` with the connection, connecting first when there is none (or the last
    /// one dropped). One caller at a time.
    func withConnection<T>(_ body: (Session) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if closed { throw PostgresFailure.closed }
        if connection == nil || connection?.isClosed == true {
            connection = nil
            connection = try Self.wait(
                PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1,
                    logger: logger))
        }
        // Just set when it was missing.
        guard let connection else { throw PostgresFailure.closed }
        do {
            return try body(Session(connection: connection, logger: logger))
        } catch let error as PSQLError where error.isConnectionLoss {
            // The next call connects afresh; this one reports the loss.
            self.connection = nil
            _ = try? Self.wait(connection.close())
            throw error
        }
    }

    /// A store let go without `close()` still ends its session politely (PostgresNIO insists).
    deinit {
        if let connection { _ = try? Self.wait(connection.close()) }
    }

    /// Closes the connection; later calls throw.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        closed = true
        if let connection { _ = try? Self.wait(connection.close()) }
        connection = nil
    }

    /// Waits for a future on the calling thread (never an event loop: see the type's note).
    static func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        try future.wait()
    }

    /// Queries on one connection, inside or outside a transaction.
    struct Session {
        let connection: PostgresConnection
        let logger: Logger

        /// Runs one statement with `$1`… parameters and returns every row.
        @discardableResult
        func query(_ sql: String, _ values: [PostgresValue] = []) throws -> [PostgresRow] {
            var binds = PostgresBindings(capacity: values.count)
            for value in values { value.bind(into: &binds) }
            let result = try PostgresLink.wait(
                connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger))
            return Array(result)
        }

        /// Runs several statements without parameters (migrations), one at a time: the
        /// extended protocol PostgresNIO speaks takes one statement per query.
        func script(_ sql: String) throws {
            for statement in Self.statements(sql) { try query(statement) }
        }

        /// Splits Lectern's own migration SQL at lines ending in `;`, except inside a
        /// `$$`-quoted function body. Only for the fixed SQL of ``PostgresSchema``.
        static func statements(_ sql: String) -> [String] {
            var statements: [String] = []
            var current: [Substring] = []
            var quoted = false
            for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
                current.append(line)
                if line.components(separatedBy: "$$").count % 2 == 0 { quoted.toggle() }
                if !quoted && line.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                    statements.append(current.joined(separator: "\n"))
                    current = []
                }
            }
            let rest = current.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !rest.isEmpty { statements.append(rest) }
            return statements
        }
    }
}

/// A value bound to a query parameter.
enum PostgresValue {
    case integer(Int64?)
    case real(Double?)
    case text(String?)
    case flag(Bool)
    case texts([String])
    case integers([Int64])
    case reals([Double])
    case flags([Bool])

    func bind(into binds: inout PostgresBindings) {
        switch self {
        case .integer(let value): binds.append(value)
        case .real(let value): binds.append(value)
        case .text(let value): binds.append(value)
        case .flag(let value): binds.append(value)
        case .texts(let value): binds.append(value)
        case .integers(let value): binds.append(value)
        case .reals(let value): binds.append(value)
        case .flags(let value): binds.append(value)
        }
    }
}

/// Failures of the link itself, before the server says anything.
enum PostgresFailure: Error, CustomStringConvertible {
    case closed

    var description: String { "the store is closed" }
}

extension PSQLError {
    /// The server's SQLSTATE, when the server sent the error.
    var sqlState: String? { serverInfo?[.sqlState] }

    /// The connection is gone (server stopped, network cut): worth connecting again.
    var isConnectionLoss: Bool {
        [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown].contains(code)
            || sqlState?.hasPrefix("08") == true || sqlState == "57P01"
    }

    /// Another transaction got in the way (serialization failure, deadlock): try again.
    var isConflict: Bool { sqlState == "40001" || sqlState == "40P01" }
}
