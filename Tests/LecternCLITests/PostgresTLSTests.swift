import Foundation
import LecternPostgresServer
import Testing

/// `?sslmode=require|verify-full` with the real binary against a server of its own that
/// accepts TCP logins only over TLS, with a self-signed certificate.
@Suite("TLS to a PostgreSQL server")
struct PostgresTLSTests {
    @Test func tlsIsUsedAndTheCertificateCheckedWhenAsked() throws {
        let server = try PostgresServer(tls: true)
        defer { server.stop() }
        let address = try server.makeDatabase()
        let home = try LecternBinary.makeHome()
        let decks = home.appendingPathComponent("decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try ScriptedAnswersTests.deck.write(
            to: decks.appendingPathComponent("answers.yaml"), atomically: true, encoding: .utf8)
        func study(_ database: String, as learner: String) throws -> LecternBinary.Result {
            try LecternBinary.run(
                ["study", "answers", "--seed", "2", "--learner", learner, "--db", database, "--decks", decks.path],
                input: "t\nb c\n153000\nf\n", home: home)
        }

        // The server takes no login without TLS: the plain address is turned away.
        let plain = try study(address, as: "ana")
        #expect(plain.status == 1)
        #expect(plain.standardError.contains("no encryption"), "\(plain.standardError)")

        let encrypted = try study(address + "?sslmode=require", as: "ana")
        #expect(encrypted.status == 0, "\(encrypted.standardError)")

        // Its certificate signs itself: no authority the system trusts vouches for it.
        let unverified = try study(address + "?sslmode=verify-full", as: "ben")
        #expect(unverified.status == 1)
        #expect(unverified.standardError.lowercased().contains("certificate"), "\(unverified.standardError)")

        let verified = try study(address + "?sslmode=verify-full&sslrootcert=\(server.certificatePath)", as: "cy")
        #expect(verified.status == 0, "\(verified.standardError)")

        let results = try LecternBinary.run(
            ["results", "--format", "csv", "--db", address + "?sslmode=require"], home: home)
        #expect(results.standardOutput.split(whereSeparator: \.isNewline).count == 9, "\(results.standardOutput)")
    }
}
