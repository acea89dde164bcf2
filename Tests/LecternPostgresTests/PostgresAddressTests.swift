import Foundation
import Testing

@testable import LecternPostgres

/// `--db postgres://…` as written on a command line, and where its password comes from.
@Suite("PostgreSQL addresses")
struct PostgresAddressTests {
    @Test func hostPortDatabaseAndUserAreRead() throws {
        #expect(
            try PostgresAddress.parse("postgres://teacher@db.school.example:6543/lectern")
                == PostgresAddress(user: "teacher", host: "db.school.example", port: 6543, database: "lectern"))
        #expect(
            try PostgresAddress.parse("postgresql://teacher@10.0.0.5/term1")
                == PostgresAddress(user: "teacher", host: "10.0.0.5", port: 5432, database: "term1"))
        #expect(try PostgresAddress.parse("POSTGRES://t@[::1]:5433/x").host == "::1")
    }

    @Test func sslmodeAndTheAuthorityToTrustAreRead() throws {
        let plain = try PostgresAddress.parse("postgres://t@db/school")
        #expect(plain.tls == .disable && plain.rootCertificate == nil)
        let required = try PostgresAddress.parse("postgres://t@db/school?sslmode=require")
        #expect(required.tls == .require)
        #expect(required.description == "postgres://t@db:5432/school?sslmode=require")
        let verified = try PostgresAddress.parse(
            "postgres://t@db/school?sslmode=verify-full&sslrootcert=/etc/school/ca.pem")
        #expect(verified.tls == .verifyFull && verified.rootCertificate == "/etc/school/ca.pem")
    }

    @Test func aSocketFolderIsAHost() throws {
        let encoded = try PostgresAddress.parse("postgres://t@%2Frun%2Fpostgresql/school")
        #expect(encoded.host == "/run/postgresql")
        #expect(encoded.socketPath == "/run/postgresql/.s.PGSQL.5432")
        let query = try PostgresAddress.parse("postgres://t@localhost:5444/school?host=/tmp/pg")
        #expect(query.socketPath == "/tmp/pg/.s.PGSQL.5444")
    }

    @Test(arguments: [
        ("postgres://teacher:secret@db/lectern", "password"),
        ("postgres://db/lectern", "no user"),
        ("postgres://teacher@db", "no database"),
        ("postgres://teacher@db/", "no database"),
        ("postgres://teacher@db:99999/x", "port"),
        ("postgres://teacher@db/x?sslmode=prefer", "disable, require and verify-full"),
        ("postgres://teacher@db/x?sslrootcert=/ca.pem", "without sslmode=verify-full"),
        ("postgres://teacher@db/x?host=/run/postgresql&sslmode=require", "socket"),
        ("postgres://teacher@db/x?connect_timeout=3", "option"),
        ("mysql://teacher@db/x", "postgres://USER@HOST"),
    ])
    func badAddressesAreRefusedWithTheReason(_ text: String, _ reason: String) {
        #expect {
            _ = try PostgresAddress.parse(text)
        } throws: { error in
            "\(error)".contains(reason) && !"\(error)".contains("secret")
        }
    }

    @Test func passwordsComeFromTheEnvironmentOrAPrivatePasswordFile() throws {
        let address = PostgresAddress(user: "teacher", host: "db", port: 5432, database: "term1")
        #expect(PasswordFile.password(for: address, environment: ["PGPASSWORD": "from-env"]) == "from-env")
        let file = """
            # comments are skipped
            other:5432:term1:teacher:wrong-host
            db:*:term1:teacher:pa\\:ss\\\\word
            *:*:*:*:fallback
            """
        #expect(PasswordFile.password(for: address, in: file) == "pa:ss\\word")
        #expect(
            PasswordFile.password(for: PostgresAddress(user: "x", host: "h", database: "d"), in: file) == "fallback")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(".pgpass").path
        try file.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        // Readable by others: ignored, as libpq ignores it.
        #expect(PasswordFile.password(for: address, environment: ["HOME": folder.path]) == nil)
        chmod(path, 0o600)
        #expect(PasswordFile.password(for: address, environment: ["HOME": folder.path]) == "pa:ss\\word")
    }
}
