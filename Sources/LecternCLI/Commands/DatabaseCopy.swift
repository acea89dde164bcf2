import ArgumentParser
import Foundation
import LecternPostgres
import LecternCore
import LecternShell
import LecternStore

extension DatabaseCommands {
    /// `lectern db copy FROM TO`: gathers the answers of one store into another, so a
    /// teacher can merge the files of several classroom machines into one (a server, or a
    /// file) without counting an answer twice.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy or merge one progress database into another; answers already there are skipped.",
            discussion: """
                FROM and TO are each a file or a postgres://USER@HOST[:PORT]/DBNAME address. Learners are matched \
                by name (created in TO when missing); each answer is added only if TO does not have it yet (every \
                answer carries a unique id), so copying twice, or merging files that were copied before, never \
                duplicates one. The cards of every learner who got answers are derived again from their whole log, \
                so 'db check' passes on TO afterwards. Everything happens in one transaction on TO: all or nothing. \
                FROM is only read: it must exist, be clean ('db check' finds nothing) and not be newer than this \
                Lectern. TO is created when missing (a file's folder must exist).
                """)

        @Argument(
            help: ArgumentHelp(
                "The store to copy from (only read): a file or a postgres:// address.", valueName: "from"))
        var from: String
        @Argument(help: ArgumentHelp("The store to copy into: a file or a postgres:// address.", valueName: "to"))
        var to: String
        @OptionGroup(visibility: .private) var global: GlobalOptions

        func run() throws {
            if global.givenOptions.contains("db") {
                throw GlobalOptions.failure(
                    "'db copy' takes FROM and TO, not --db; e.g. 'lectern db copy a.sqlite3 b.sqlite3'")
            }
            let source = try StoreName(from, role: "FROM")
            let target = try StoreName(to, role: "TO")
            if try source.isSame(as: target) {
                throw GlobalOptions.failure(
                    "FROM and TO are the same store (\(source.shown)); nothing to copy. Name two different stores")
            }
            let log = try readSource(source)
            let counts: MergeCounts
            do {
                let store = try target.open(environment: global.environment)
                defer { try? store.close() }
                counts = try store.merge(log, source: source.shown)
            } catch {
                throw GlobalOptions.failure("\(error); nothing was copied")
            }
            print(Self.summary(counts, from: source.shown, to: target.shown))
        }

        /// FROM's log, after `db check` found it clean; never creates or writes FROM.
        private func readSource(_ source: StoreName) throws -> StoreLog {
            do {
                let report: DatabaseCheck.Report
                switch source.kind {
                case .file(let path):
                    guard FileManager.default.fileExists(atPath: path) else {
                        throw GlobalOptions.failure(
                            "FROM \(source.shown): no such file; nothing was copied (a copy's source is never created)")
                    }
                    report = try DatabaseCheck.run(path: path)
                case .server(let address):
                    let store = try PostgresStore(address: address, environment: global.environment, mode: .whenNeeded)
                    defer { try? store.close() }
                    report = try PostgresCheck.run(store)
                }
                guard report.fileExists else {
                    throw GlobalOptions.failure(
                        "FROM \(source.shown) holds no Lectern progress (empty, or no Lectern tables); nothing to copy")
                }
                guard report.isClean else {
                    throw GlobalOptions.failure(
                        "FROM is damaged; nothing was copied. 'lectern db check' says:\n" + report.text
                            + "Repair or restore FROM first (its answers are not guessed at)")
                }
                switch source.kind {
                case .file(let path): return try ProgressStore.exportLog(path: path)
                case .server(let address):
                    let store = try PostgresStore(address: address, environment: global.environment, mode: .whenNeeded)
                    defer { try? store.close() }
                    return try store.exportLog()
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                throw GlobalOptions.failure("FROM: \(error); nothing was copied")
            }
        }

        /// `copied 1,234 answers of 3 learners (56 already there) from A to B`.
        static func summary(_ counts: MergeCounts, from: String, to: String) -> String {
            var text =
                "copied \(grouped(counts.copied)) \(counts.copied == 1 ? "answer" : "answers") of "
                + "\(grouped(counts.learners)) \(counts.learners == 1 ? "learner" : "learners") "
                + "(\(grouped(counts.alreadyThere)) already there) from \(from) to \(to)"
            if counts.ratingChanges > 0 {
                text += "; \(grouped(counts.ratingChanges)) later \(counts.ratingChanges == 1 ? "rating" : "ratings")"
            }
            if counts.newLearners > 0 {
                text += "; \(grouped(counts.newLearners)) new \(counts.newLearners == 1 ? "learner" : "learners") in TO"
            }
            return text
        }

        /// Digits in groups of three, the same in every locale: `1,234,567`.
        static func grouped(_ number: Int) -> String {
            let digits = String(number.magnitude)
            var text = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
                text.append(digit)
            }
            return (number < 0 ? "-" : "") + text
        }
    }
}

/// FROM or TO as the user named it: a file path or a server address.
struct StoreName {
    enum Kind {
        case file(String)
        case server(PostgresAddress)
    }

    let kind: Kind
    /// As messages show it (a server without any password).
    let shown: String

    init(_ text: String, role: String) throws {
        if PostgresAddress.isAddress(text) {
            do {
                let address = try PostgresAddress.parse(text)
                kind = .server(address)
                shown = address.description
            } catch {
                throw GlobalOptions.failure("\(role): \(error)")
            }
        } else {
            guard !text.isEmpty else {
                throw GlobalOptions.failure("\(role) is empty; name a file or a postgres:// address")
            }
            kind = .file(text)
            shown = text
        }
    }

    /// Whether both name one store: one file (by device and inode when both exist, so links
    /// and other spellings count), or one database on one server.
    func isSame(as other: StoreName) throws -> Bool {
        switch (kind, other.kind) {
        case (.file(let left), .file(let right)):
            if let a = Self.identity(left), let b = Self.identity(right) { return a == b }
            return Self.resolved(left) == Self.resolved(right)
        case (.server(let left), .server(let right)):
            return left.host.lowercased() == right.host.lowercased() && left.port == right.port
                && left.database == right.database
        default:
            return false
        }
    }

    private static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Opens TO for writing: a file is created when missing, but only in a folder that exists
    /// (creating folders would hide a typo); a server's database gets Lectern's tables.
    func open(environment: [String: String]) throws -> any ProgressStorage {
        switch kind {
        case .file(let path):
            let folder = PathText.folder(of: path)
            var isFolder: ObjCBool = false
            if !folder.isEmpty
                && !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue)
            {
                throw ValidationFailure("TO \(path): no such folder: \(folder); create it first or choose another path")
            }
            return try ProgressStore(path: path, mode: .create)
        case .server(let address):
            return try PostgresStore(address: address, environment: environment, mode: .create)
        }
    }
}
