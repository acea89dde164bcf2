import Foundation
import LecternClass
import LecternCore
import LecternQR
package import LecternLive
package import LineEditing

/// `lectern host DECK`: the teacher's terminal. Commands are read on the main thread (with
/// libedit, history and Tab completion at a terminal; line by line from a pipe); what the
/// class does meanwhile is printed above the line being typed.
package final class HostShell: @unchecked Sendable {
    static let commands = ["who", "start", "next", "reveal", "board", "kick", "pause", "resume", "end", "wait", "help"]

    let server: LiveServer
    var host: LiveHost { server.host }
    /// Set while libedit reads commands; nil once it no longer does, so text is printed plainly.
    private var channel: WakeupChannel? {
        get { lock.withLock { _channel } }
        set { lock.withLock { _channel = newValue } }
    }
    private var _channel: WakeupChannel?
    private let lock = NSLock()
    private let names = NamesCache()

    private init(server: LiveServer, channel: WakeupChannel?) {
        self.server = server
        _channel = channel
    }

    /// Text for the screen: above the line while libedit reads, else printed at once.
    func display(_ text: String) {
        if let channel { channel.post(text) } else { StudentShell.Done.print(text) }
    }

    /// Starts the server, prints the line students type, and runs commands until `end`
    /// (or the end of the script). Returns the exit status.
    package static func run(server: LiveServer, history: HistoryFile?) -> Int32 {
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let shell = HostShell(server: server, channel: interactive ? WakeupChannel() : nil)
        let port: Int
        switch blockingResult({ try await server.start() }) {
        case .success(let value): port = value
        case .failure(let error):
            FileHandle.standardError.write(Data("lectern host: \(error)\n".utf8))
            return 1
        }
        let title = blocking { await server.host.deckTitle }
        let questions = blocking { await server.host.questions }
        StudentShell.Done.print(
            "Hosting \"\(LiveText.safe(title))\" (\(CountedNoun.text(questions.count, "question"))) on \(server.bind):\(port)."
        )
        if let info = server.pageInfo { StudentShell.Done.print(joinLines(info, pages: server.pages != nil)) }
        StudentShell.Done.print("Type start when everyone is in; help lists the commands.")
        Task.detached { [shell] in
            for await event in server.host.eventStream {
                if case .notice(.joined) = event { shell.names.update(await server.host.names) }
                if let text = HostNotices.text(event, questions: questions) { shell.display(text) }
            }
        }
        if let channel = shell.channel,
            let editor = LineEditor(programName: "lectern", history: history, warn: { shell.display($0) })
        {
            LineEditor.claimTerminalForeground()
            editor.show(channel)
            editor.completer = { [shell] before in shell.complete(before) }
            shell.readCommands(editor)
            // Whatever arrived after the last line read is printed plainly now.
            shell.channel = nil
            for text in channel.take() where !text.isEmpty { StudentShell.Done.print(text) }
        } else {
            while let line = readLine(strippingNewline: true) {
                StudentShell.Done.print("host> \(line)")
                if shell.perform(line) { break }
            }
        }
        shell.finish()
        return 0
    }

    private func readCommands(_ editor: LineEditor) {
        while true {
            switch editor.readLine(prompt: "host> ") {
            case .line(let line):
                editor.remember(line)
                if perform(line) { return }
            case .interrupted:
                continue
            case .endOfInput:
                return
            }
        }
    }

    /// Ends the class if it is still on, closes every connection, commits the last answers.
    private func finish() {
        let host = self.host
        if Self.blocking({ await host.phase }) != .ended {
            for notice in Self.blocking({ await host.teacher(.end) }) {
                if let text = HostNotices.text(notice, questions: []) { StudentShell.Done.print(text) }
            }
        }
        let server = self.server
        Self.blocking { await server.stop() }
        let written = host.recorder?.written ?? 0
        StudentShell.Done.print(
            "\(CountedNoun.text(written, "answer")) \(written == 1 ? "is" : "are") in the progress file.")
    }

    /// One command line; true when the shell should stop.
    func perform(_ line: String) -> Bool {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let command = words.first?.lowercased() else { return false }
        let argument = words.dropFirst().joined(separator: " ")
        let host = self.host
        let teacher: TeacherCommand
        switch command {
        case "start": teacher = .start
        case "next": teacher = .next
        case "reveal": teacher = .reveal
        case "board": teacher = .board
        case "pause": teacher = .pause
        case "resume": teacher = .resume
        case "end": teacher = .end
        case "kick":
            guard !argument.isEmpty else {
                display("kick needs a name: kick NAME (Tab completes names).")
                return false
            }
            teacher = .kick(argument)
        case "who":
            display(Self.who(Self.blocking { await host.roster }))
            return false
        case "wait":
            waitFor(Int(argument))
            return false
        case "help", "?":
            display(Self.help)
            return false
        default:
            display("Unknown command \"\(LiveText.safe(command))\"; help lists the commands.")
            return false
        }
        let questions = Self.blocking { await host.questions }
        for notice in Self.blocking({ await host.teacher(teacher) }) {
            if let text = HostNotices.text(notice, questions: questions) { display(text) }
        }
        return teacher == .end
    }

    /// `wait N`: until N students are connected; `wait`: until the open question is revealed.
    private func waitFor(_ students: Int?) {
        let host = self.host
        while true {
            let (phase, roster) = Self.blocking { (await host.phase, await host.roster) }
            if let students {
                if roster.filter(\.connected).count >= students { return }
            } else if case .open = phase {
            } else {
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The line terminal students type and, when the pages are served, the page addresses
    /// and the QR code of the student page's address (the one the projector page shows).
    static func joinLines(_ info: ClassPageInfo, pages: Bool) -> String {
        var out = "join with: \(info.command)"
        guard pages else {
            return out + "\n(The web pages were not found, so only terminals can join; reinstall with make install.)"
        }
        let projector = info.joinURL.components(separatedBy: "/join?").first ?? info.joinURL
        out += "\nor on a phone: \(info.joinURL)   projector page: \(projector)/"
        if let code = QRCode(info.joinURL) { out += "\n" + code.halfBlockLines().joined(separator: "\n") }
        return out
    }

    static func who(_ roster: [LiveClass.RosterEntry]) -> String {
        guard !roster.isEmpty else { return "Nobody has joined yet." }
        var out = "\(roster.filter(\.connected).count) connected, \(roster.count) in the class:\n"
        for entry in roster {
            let state = entry.connected ? "connected" : "dropped, seat kept"
            out +=
                "  \(LiveText.safe(entry.name))  \(state)  \(entry.points) points\(entry.answered ? "  answered" : "")\n"
        }
        return out
    }

    static let help = """
        who            who is in the class, connected or not
        start          ask the first question
        next           ask the next question (after the reveal)
        reveal         reveal the open question now (automatic when time is up or all answered)
        board          send the leaderboard to everyone
        kick NAME      remove a student (their token no longer joins)
        pause, resume  stop and restart the clock
        end            end the class (reveals an open question first)
        wait [N]       wait until N students are connected, or until the open question is revealed
        """

    func complete(_ before: String) -> Completion {
        let words = before.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count <= 1 { return Completion.resolve(word: before, candidates: Self.commands) }
        guard words[0].lowercased() == "kick" else { return .nothing }
        let typed = words.dropFirst().joined(separator: " ")
        return Completion.resolve(word: typed, candidates: names.current)
    }

    /// Runs async work from the main thread and waits for it (the actor runs elsewhere).
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        // The task sets the value before it signals, so it is there once the wait returns.
        guard let value = box.value else { preconditionFailure("the task signalled without a value") }
        return value
    }

    static func blockingResult<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        blocking {
            do { return .success(try await work()) } catch { return .failure(error) }
        }
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Names for Tab completion of `kick`, refreshed as students join.
private final class NamesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []

    func update(_ names: [String]) { lock.withLock { self.names = names } }
    var current: [String] { lock.withLock { names } }
}
