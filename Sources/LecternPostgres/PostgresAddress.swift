import Foundation

/// Where a PostgreSQL store is: `postgres://USER@HOST[:PORT]/DBNAME` (or `postgresql://`).
///
/// The host may be a Unix-socket folder, written percent-encoded (`%2Frun%2Fpostgresql`) or
/// as `?host=/run/postgresql`, as libpq reads it. A password in the address is refused:
/// anything on a command line is visible to every user of the machine (`ps`), so the
/// password comes only from `PGPASSWORD` or `~/.pgpass` (see ``PasswordFile``).
///
/// `?sslmode=require` encrypts the connection; `?sslmode=verify-full` also checks the
/// server's certificate and name against the system's trusted authorities, or against the
/// authority in `?sslrootcert=FILE` (a school's own). Without `sslmode` the connection is
/// not encrypted, as before: use a trusted network or a socket.
package struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    package var user: String
    /// A host name or address, or a folder holding the server's socket (starts with `/`).
    package var host: String
    package var port: Int
    package var database: String
    package var tls: TLSMode
    /// A PEM file of the authorities to trust instead of the system's (`sslrootcert`).
    package var rootCertificate: String?

    /// `sslmode`, with libpq's names for the modes Lectern offers.
    package enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Plain TCP (the default).
        case disable
        /// Encrypted; the certificate is not checked (safe from listeners, not from impostors).
        case require
        /// Encrypted, the certificate signed by a trusted authority and made out to this host.
        case verifyFull = "verify-full"
    }

    package init(
        user: String, host: String, port: Int = 5432, database: String, tls: TLSMode = .disable,
        rootCertificate: String? = nil
    ) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
        self.rootCertificate = rootCertificate
    }

    /// Whether `text` is meant as a PostgreSQL address rather than a file path.
    package static func isAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The socket file for a socket-folder host, as the server names it.
    package var socketPath: String? {
        host.hasPrefix("/") ? (host as NSString).appendingPathComponent(".s.PGSQL.\(port)") : nil
    }

    /// The address as messages show it: never a password, since it never holds one.
    package var description: String {
        let shownHost =
            host.hasPrefix("/")
            ? host.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? host
            : (host.contains(":") ? "[\(host)]" : host)
        let options = tls == .disable ? "" : "?sslmode=\(tls.rawValue)"
        return "postgres://\(user)@\(shownHost):\(port)/\(database)" + options
    }

    /// Reads an address; the error says what is wrong and how to write it.
    package static func parse(_ text: String) throws(AddressError) -> PostgresAddress {
        guard isAddress(text), let components = URLComponents(string: text) else {
            throw AddressError(text, "is not of the form postgres://USER@HOST[:PORT]/DBNAME")
        }
        if components.password != nil {
            throw AddressError(
                text,
                "holds a password; remove it and set PGPASSWORD or add it to ~/.pgpass, "
                    + "so it is not visible to other users of this machine")
        }
        guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw AddressError(text, "names no user; write postgres://USER@HOST/DBNAME")
        }
        var host = components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        var tls = TLSMode.disable
        var rootCertificate: String?
        for item in components.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("host", let value?) where value.hasPrefix("/"):
                host = value
            case ("sslmode", let value?):
                guard let mode = TLSMode(rawValue: value) else {
                    throw AddressError(text, "has sslmode '\(value)'; Lectern knows disable, require and verify-full")
                }
                tls = mode
            case ("sslrootcert", let value?) where value.hasPrefix("/"):
                rootCertificate = value
            default:
                throw AddressError(
                    text,
                    "has an option Lectern does not know ('\(item.name)'); only ?host=/SOCKET/FOLDER, "
                        + "sslmode=disable|require|verify-full and sslrootcert=/ABSOLUTE/FILE.pem")
            }
        }
        if rootCertificate != nil && tls != .verifyFull {
            throw AddressError(text, "has sslrootcert without sslmode=verify-full, which is the mode that uses it")
        }
        if tls != .disable && host.hasPrefix("/") {
            throw AddressError(text, "asks for sslmode on a socket; a socket never leaves this machine, drop sslmode")
        }
        guard !host.isEmpty else { throw AddressError(text, "names no host; write postgres://USER@HOST/DBNAME") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw AddressError(text, "has a port outside 1 to 65535") }
        let path = components.percentEncodedPath.removingPercentEncoding ?? ""
        let database = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard !database.isEmpty, !database.contains("/") else {
            throw AddressError(text, "names no database; write postgres://USER@HOST/DBNAME")
        }
        return PostgresAddress(
            user: user, host: host, port: port, database: database, tls: tls, rootCertificate: rootCertificate)
    }
}

/// An address that cannot be used, with what is wrong. The address is shown without
/// anything after `//USER:` so that a mistyped password is not printed back.
package struct AddressError: Error, Equatable, CustomStringConvertible {
    package var description: String

    init(_ text: String, _ problem: String) {
        description = "\(Self.hidingPassword(text)): \(problem)"
    }

    static func hidingPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else {
            return text
        }
        let userPart = text[scheme.upperBound..<at]
        guard let colon = userPart.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
