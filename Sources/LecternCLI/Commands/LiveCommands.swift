import ArgumentParser
import Foundation
import LecternClass
import LecternCore
import LecternLive
import LecternLiveShell
import LecternShell
import LecternStore

/// `lectern host DECK`: runs a live class on this machine; students join over the network.
struct HostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "host",
        abstract: "Host a live class: students join with 'lectern join' from their own terminals.",
        discussion: """
            Prints the line students type (join with: lectern join ADDRESS CODE), then reads the \
            teacher's commands: who, start, next, reveal, board, kick NAME, pause, resume, end \
            (and wait [N] for scripts). From a pipe it reads the same commands line by line. \
            Every answer is written to the progress database with mode 'class' as it is graded.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The deck id.") var deck: String
    @OptionGroup var seed: SeedOption
    @Option(help: "The address to listen on (127.0.0.1 for practice on one machine).") var bind = "0.0.0.0"
    @Option(parsing: .unconditional, help: "The port (0 takes a free one and prints it).") var port = "7777"
    @Option(parsing: .unconditional, help: "Time per question, e.g. 30s, 1m (5s to 1h).") var time = "30s"
    @Option(parsing: .unconditional, help: ArgumentHelp("Ask only this many deck items.", valueName: "n"))
    var count: String?
    @Option(
        name: .customLong("max-students"), parsing: .unconditional, help: "At most this many students (1 to 10000).")
    var maxStudents = "500"

    static let timeRange: ClosedRange<TimeInterval> = 5...3600

    func validate() throws {
        if case .failure(let failure) = DurationText.seconds(time, within: Self.timeRange) {
            throw ValidationError(
                DurationText.message(for: failure, option: "--time", text: time, within: Self.timeRange))
        }
        try Self.check(WholeNumberText.parse(port, option: "--port", within: 0...65_535))
        try Self.check(WholeNumberText.parse(maxStudents, option: "--max-students", within: 1...10_000))
        if let count { try Self.check(WholeNumberText.parse(count, option: "--count", within: 1...100_000)) }
    }

    /// The projector and student pages, found the way the bundled decks are; nil (terminals
    /// only, and the host says so) when they are missing or unreadable.
    static func pages() -> PageFiles? {
        guard let folder = PageFiles.find(executablePath: CommandLine.arguments[0].resolvedExecutablePath) else {
            return nil
        }
        return try? PageFiles(folder: folder)
    }

    static func check(_ result: Result<Int, NumberError>) throws {
        if case .failure(let error) = result { throw ValidationError(error.description) }
    }

    func run() throws {
        let library = DeckLibrary.load(
            directories: global.resolvedDeckDirectories(), limits: global.limits, checks: .ownRulesOnly)
        guard let deck = library.usableDecks.first(where: { $0.id == self.deck }) else {
            let known = library.usableDecks.map(\.id).sorted().joined(separator: ", ")
            throw ValidationFailure(
                "no usable deck '\(TerminalText.safeLine(self.deck))' in the deck folders; known decks: \(known) "
                    + "(lectern lint shows what is wrong with a deck)")
        }
        let configuration = ClassConfiguration(
            count: count.flatMap { Int($0) }, seed: seed.seed ?? UInt64.random(in: 0...UInt64.max),
            timeLimit: (try? DurationText.seconds(time, within: Self.timeRange).get()) ?? 30,
            maxStudents: Int(maxStudents) ?? 500)
        let live = LiveClass(deck: deck, configuration: configuration, random: SystemRandomNumberGenerator())
        let store = try global.openStore(.create)
        let server = LiveServer(
            host: LiveHost(live: live, store: store), bind: bind, port: Int(port) ?? 7777, pages: Self.pages())
        let status = HostShell.run(server: server, history: nil)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `lectern join ADDRESS CODE`: takes part in a live class from this terminal.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Join a live class: answer each question as in 'lectern study'.",
        discussion: """
            ADDRESS is what the teacher's screen shows (e.g. 192.168.1.20:7777). Answers use the \
            same syntax as 'study'; :quit leaves. A dropped connection is retried by itself, and \
            running the same command again on this machine gets the same seat back.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The host and port, e.g. 192.168.1.20:7777.") var address: String
    @Argument(help: "The join code the teacher shows.") var code: String
    @Option(help: "The name the class sees. Default: the login name.") var name: String?

    func run() throws {
        let environment = global.environment
        let name = self.name ?? StoreDefaults.learnerName(environment: environment)
        let status = StudentShell.run(address: address, code: code, name: name, environment: environment)
        if status != 0 { throw ExitCode(status) }
    }
}
