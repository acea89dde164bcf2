import Foundation

/// The password for a PostgreSQL address: `PGPASSWORD`, else the first matching line of
/// `~/.pgpass` (or `PGPASSFILE`), as libpq reads them; none when neither has one (a
/// server that trusts the user, or one that answers with a clear authentication error).
enum PasswordFile {
    static func password(for address: PostgresAddress, environment: [String: String]) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path: String
        if let explicit = environment["PGPASSFILE"], !explicit.isEmpty {
            path = explicit
        } else if let home = environment["HOME"], !home.isEmpty {
            path = (home as NSString).appendingPathComponent(".pgpass")
        } else {
            return nil
        }
        guard isPrivate(path), let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return password(for: address, in: text)
    }

    /// libpq ignores a password file that others may read; so does Lectern.
    static func isPrivate(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & 0o077 == 0
    }

    /// The password of the first line `host:port:database:user:password` that matches,
    /// `*` matching anything and `\` escaping `:` and `\`. A socket host matches `localhost`.
    static func password(for address: PostgresAddress, in text: String) -> String? {
        let host = address.host.hasPrefix("/") ? "localhost" : address.host
        let wanted = [host, String(address.port), address.database, address.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields, wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    private static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
