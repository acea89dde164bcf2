import Foundation

/// Where a PostgreSQL store is: `postgres://USER@HOST[:PORT]/DBNAME` (or `postgresql://`).
///
/// The host may be a Unix-socket folder, written percent-encoded (`%2Frun%2Fpostgresql`) or
/// as `?host=/run/postgresql`, as libpq reads it. A password in the address is refused:
/// anything on a command line is visible to every user of the machine (`ps`), so the
/// password comes only from `PGPASSWORD` or `~/.pgpass` (see ``PasswordFile``).
package struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    package var user: String
    /// A host name or address, or a folder holding the server's socket (starts with `/`).
    package var host: String
    package var port: Int
    package var database: String

    package init(user: String, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
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
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
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
        for item in components.queryItems ?? [] {
            guard item.name == "host", let value = item.value, value.hasPrefix("/") else {
                throw AddressError(
                    text, "has an option Lectern does not know ('\(item.name)'); only ?host=/SOCKET/FOLDER")
            }
            host = value
        }
        guard !host.isEmpty else { throw AddressError(text, "names no host; write postgres://USER@HOST/DBNAME") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw AddressError(text, "has a port outside 1 to 65535") }
        let path = components.percentEncodedPath.removingPercentEncoding ?? ""
        let database = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard !database.isEmpty, !database.contains("/") else {
            throw AddressError(text, "names no database; write postgres://USER@HOST/DBNAME")
        }
        return PostgresAddress(user: user, host: host, port: port, database: database)
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
