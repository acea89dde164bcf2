package import Foundation

/// A real PostgreSQL server for tests and benchmarks: a cluster made by `initdb` in a temporary folder,
/// started by `pg_ctl` on a free loopback port (and a socket in that folder), stopped and
/// removed when the test process ends.
///
/// The server refuses to run as root, so as root the binaries run as the `postgres` user
/// (which Debian's `postgresql` package creates; scripts/setup.sh installs it) through
/// `runuser`, and the folder is handed to that user. The binaries are looked for under
/// /usr/lib/postgresql/*/bin, newest version first. Logins are trusted on loopback and
/// the socket only: the cluster lives as long as the tests and holds only their data.
package final class PostgresServer: @unchecked Sendable {
    package private(set) var port = 0
    package let folder: URL
    package let user = "lectern"
    let binaries: URL
    let runAs: String?
    private let lock = NSLock()
    private var databases = 0

    /// The one server of this test process, started on first use.
    package static func shared() throws -> PostgresServer {
        try sharedLock.withLock {
            if let running = sharedServer { return running }
            let server = try PostgresServer()
            sharedServer = server
            atexit { PostgresServer.stopShared() }
            return server
        }
    }

    nonisolated(unsafe) private static var sharedServer: PostgresServer?
    private static let sharedLock = NSLock()

    private static func stopShared() {
        sharedServer?.stop()
    }

    /// The folder of the socket, as a `postgres://` host.
    package var socketFolder: String { folder.appendingPathComponent("socket").path }

    /// Whether commits are flushed to the disk (`fsync`), as a real server's are.
    let durable: Bool

    /// Makes and starts a cluster. With `durable` false (tests), commits are acknowledged
    /// once written but not flushed: the cluster is thrown away, and an OS crash is not
    /// what tests test. Benchmarks pass true, so their figures are a real server's.
    /// Whether clients must use TLS (see ``makeCertificate()``).
    let tls: Bool

    /// With `tls`, the server has a self-signed certificate for `localhost` and 127.0.0.1
    /// (``certificatePath``) and refuses TCP logins without TLS.
    package init(durable: Bool = false, tls: Bool = false) throws {
        self.durable = durable
        self.tls = tls
        binaries = try Self.findBinaries()
        runAs = getuid() == 0 ? "postgres" : nil
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("socket"), withIntermediateDirectories: true)
        if let runAs { try Self.run("/usr/bin/chown", ["-R", runAs, folder.path]) }
        let data = folder.appendingPathComponent("data").path
        try run("initdb", ["-A", "trust", "-U", user, "-D", data, "-E", "UTF8", "--locale=C", "--no-sync"])
        if tls { try makeCertificate() }
        var lastError: (any Error)?
        // A port found free may be taken before the server binds it; another one is tried.
        for _ in 0..<5 {
            let candidate = try Self.freePort()
            do {
                try start(port: candidate)
                port = candidate
                return
            } catch {
                lastError = error
            }
        }
        throw lastError ?? ServerError("the server did not start")
    }

    /// A new, empty database on this server; its `postgres://` address.
    package func makeDatabase() throws -> String {
        let name = lock.withLock {
            databases += 1
            return "lectern_test_\(getpid())_\(databases)"
        }
        try run("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, name])
        return "postgres://\(user)@127.0.0.1:\(port)/\(name)"
    }

    /// Runs SQL through `psql` (to look at or tamper with a database as another program
    /// would); returns what it printed, unaligned and without headers.
    @discardableResult
    package func psql(_ database: String, _ sql: String) throws -> String {
        try run(
            "psql",
            [
                "-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database, "-XAtq", "-v",
                "ON_ERROR_STOP=1", "-c", sql,
            ])
    }

    /// Stops the server at once (as a crash or a pulled cable would look to clients).
    package func stopServer() throws {
        try run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
    }

    /// Starts it again on the same port, after ``stopServer()``.
    package func startServer() throws {
        try start(port: port)
    }

    /// Commits are acknowledged only once written (so a stopped server loses none); flushed
    /// to the disk only when `durable`.
    private func start(port: Int) throws {
        var options = durable ? "" : " -c fsync=off -c full_page_writes=off"
        if tls {
            options +=
                " -c ssl=on -c ssl_cert_file=\(certificatePath)"
                + " -c ssl_key_file=\(folder.appendingPathComponent("key.pem").path)"
                + " -c hba_file=\(folder.appendingPathComponent("hba.conf").path)"
        }
        try run(
            "pg_ctl",
            [
                "-D", folder.appendingPathComponent("data").path, "-l",
                folder.appendingPathComponent("server.log").path,
                "-w", "-t", "60", "-o",
                "-p \(port) -k \(socketFolder) -c listen_addresses=127.0.0.1 -c max_connections=200" + options,
                "start",
            ])
    }

    /// The server's certificate (PEM), which signs itself: the authority a client trusts.
    package var certificatePath: String { folder.appendingPathComponent("cert.pem").path }

    /// A self-signed certificate and key for the server, readable only by it, and logins over
    /// TCP allowed only with TLS (the socket stays plain: it never leaves the machine).
    private func makeCertificate() throws {
        let key = folder.appendingPathComponent("key.pem").path
        try Self.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key,
                "-out", certificatePath,
            ])
        chmod(key, 0o600)
        if let runAs { try Self.run("/usr/bin/chown", [runAs, key, certificatePath]) }
        let rules = "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n"
        let file = folder.appendingPathComponent("hba.conf")
        try rules.write(to: file, atomically: true, encoding: .utf8)
        if let runAs { try Self.run("/usr/bin/chown", [runAs, file.path]) }
    }

    /// Stops the server and removes its folder.
    package func stop() {
        _ = try? stopServer()
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let path = binaries.appendingPathComponent(tool).path
        if let runAs { return try Self.run("/usr/sbin/runuser", ["-u", runAs, "--", path] + arguments) }
        return try Self.run(path, arguments)
    }

    /// Runs a program to its end and returns what it printed (standard output and error, in
    /// a file: the server `pg_ctl` starts keeps no pipe of ours open).
    ///
    /// posix_spawn and waitpid rather than Foundation's Process: with several tests starting
    /// programs at once, Process sometimes missed a child's exit and waited for ever.
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-pg-output-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment.removeValue(forKey: "PGPASSWORD")
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw ServerError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw ServerError("cannot wait for \(executable)") }
        }
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // Exited normally with status 0: the low 7 bits are the signal (none), the next 8 the status.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw ServerError("\(executable) \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// The newest /usr/lib/postgresql/VERSION/bin that has initdb and pg_ctl.
    static func findBinaries() throws -> URL {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let found = versions.compactMap { version -> (Int, URL)? in
            let bin = root.appendingPathComponent(version).appendingPathComponent("bin")
            guard let number = Int(version.prefix { $0.isNumber }),
                FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path)
            else { return nil }
            return (number, bin)
        }
        guard let newest = found.max(by: { $0.0 < $1.0 }) else {
            throw ServerError(
                "no PostgreSQL server under /usr/lib/postgresql/*/bin; run scripts/setup.sh (it installs postgresql)")
        }
        return newest.1
    }

    /// A loopback port nobody listens on right now.
    package static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError("cannot open a socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else { throw ServerError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why the test server could not be started or used.
package struct ServerError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}
