import Foundation
import LecternClass
import LecternCore
import LecternLive

/// The network half of `lectern join`: connects, joins, turns frames into text for the
/// screen, keeps the rejoin token, and reconnects by itself when the connection drops.
/// It runs on its own tasks; the terminal half reads lines on the main thread and calls
/// `answer(_:)` and `leave()`.
package final class StudentSession: @unchecked Sendable {
    /// Where text for the screen goes (from the session's tasks).
    package typealias Show = @Sendable (String) -> Void

    package let address: String
    package let code: String
    package let name: String
    private let tokens: TokenFile
    private let show: Show
    /// Called once when the session is over (the class ended, the student left, or a
    /// refusal that joining again cannot fix); the message says why.
    private let finished: @Sendable (_ status: Int32) -> Void

    private let lock = NSLock()
    // Guarded by `lock`.
    private var connection: LiveConnection?
    private var token: String?
    private var openQuestion: Int?
    private var deadline: Date?
    private var answered = false
    private var over = false
    /// The lobby last shown: a joiner gets the lobby at once and again in the next batched
    /// update, and the same line twice says nothing new.
    private var shownLobby: Lobby?
    /// Scripted answers (standard input is no terminal): each answers the next question.
    private var script: [String] = []
    private var scriptAnswered: Set<Int> = []

    package init(
        address: String, code: String, name: String, tokens: TokenFile, show: @escaping Show,
        finished: @escaping @Sendable (Int32) -> Void
    ) {
        self.address = address
        self.code = code
        self.name = name
        self.tokens = tokens
        self.show = show
        self.finished = finished
        token = tokens.token(address: address, code: code)
    }

    /// Connects and keeps the class going until it is over. The first connection must
    /// succeed (a typo in the address is reported at once); later drops are retried.
    package func run() async {
        var first = true
        var attempt = 0
        while !isOver {
            do {
                let connection = try await LiveConnection.connect(to: address)
                attempt = 0
                lock.withLock { self.connection = connection }
                connection.send(.join(code: code, name: name, token: lock.withLock { token }))
                for await frame in connection.frames { handle(frame) }
                lock.withLock { self.connection = nil }
            } catch {
                if first {
                    finish("\(error)", status: 1)
                    return
                }
            }
            first = false
            guard !isOver else { return }
            attempt += 1
            // One line when the connection drops, then a quieter one every few tries, so a
            // long outage does not push the question off the student's screen.
            if attempt == 1 {
                show("The connection to the class dropped; reconnecting…")
            } else if attempt % 5 == 0 {
                show("Still reconnecting (try \(attempt)); your seat and score are kept.")
            }
            try? await Task.sleep(for: .seconds(min(5, attempt)))
        }
    }

    /// The countdown's last seconds, for the open question not yet answered.
    package func countdown() async {
        var warned: Set<Int> = []
        while !isOver {
            try? await Task.sleep(for: .milliseconds(250))
            let (question, deadline, answered) = lock.withLock { (openQuestion, self.deadline, self.answered) }
            guard let question, let deadline, !answered else { continue }
            let left = Int(deadline.timeIntervalSinceNow.rounded(.up))
            for mark in [10, 5] where left <= mark && left > 0 && !warned.contains(question * 100 + mark) {
                warned.insert(question * 100 + mark)
                show("\(left) s left for question \(question + 1).")
            }
        }
    }

    var isOver: Bool { lock.withLock { over } }

    /// A typed line: an answer to the open question.
    package func answer(_ text: String) {
        let (connection, question) = lock.withLock { (self.connection, openQuestion) }
        guard let connection else {
            show("Not connected to the class right now; your answer was not sent. Try again in a moment.")
            return
        }
        guard let question else {
            show("No question is open; wait for the teacher.")
            return
        }
        connection.send(.answer(question: question, answer: text))
    }

    /// A scripted answer: sent to the next question that opens (or the open one, if this
    /// script has not answered it yet).
    package func enqueue(_ text: String) {
        lock.withLock { script.append(text) }
        sendScripted()
    }

    private func sendScripted() {
        let next = lock.withLock { () -> (LiveConnection, Int, String)? in
            guard let connection, let question = openQuestion, !scriptAnswered.contains(question), !script.isEmpty
            else { return nil }
            scriptAnswered.insert(question)
            return (connection, question, script.removeFirst())
        }
        guard let (connection, question, text) = next else { return }
        show("answer> \(LiveText.safe(text))")
        connection.send(.answer(question: question, answer: text))
    }

    /// `:quit`: gives up the seat and ends the session.
    package func leave() async {
        let connection = lock.withLock { () -> LiveConnection? in
            over = true
            return self.connection
        }
        connection?.send(.leave)
        await connection?.close()
    }

    private func finish(_ text: String, status: Int32) {
        let first = lock.withLock { () -> Bool in
            defer { over = true }
            return !over
        }
        guard first else { return }
        show(text)
        finished(status)
    }

    private func handle(_ frame: String) {
        guard let message = try? JSONDecoder().decode(ServerMessage.self, from: Data(frame.utf8)) else { return }
        switch message {
        case .welcome(let welcome):
            lock.withLock { token = welcome.token }
            if let warning = tokens.save(welcome.token, address: address, code: code) { show(warning) }
            let back = welcome.rejoined ? "Back in" : "Joined"
            show(
                "\(back) \"\(LiveText.safe(welcome.deck))\" as \(LiveText.safe(welcome.name))"
                    + " (\(CountedNoun.text(welcome.count, "question")), \(CountedNoun.text(welcome.points, "point")) so far). :quit leaves."
            )
        case .lobby(let lobby):
            let isNew = lock.withLock { () -> Bool in
                defer { shownLobby = lobby }
                return shownLobby != lobby
            }
            if isNew { show(LiveText.lobby(lobby)) }
        case .question(let question):
            lock.withLock {
                openQuestion = question.question
                deadline = Date().addingTimeInterval(TimeInterval(question.secondsLeft))
                answered = false
            }
            show(LiveText.question(question))
            sendScripted()
        case .accepted(let accepted):
            lock.withLock { answered = true }
            show(LiveText.accepted(accepted))
        case .reveal(let reveal):
            lock.withLock { openQuestion = nil }
            show(LiveText.reveal(reveal))
        case .board(let board):
            show(LiveText.board(board))
        case .paused:
            lock.withLock { deadline = nil }
            show("The teacher paused the class.")
        case .end(let end):
            finish(LiveText.end(end), status: 0)
        case .error(let error):
            handle(error)
        case .watching, .progress, .summary:
            // Sent to projector pages only; a student's connection never gets them.
            break
        }
    }

    private func handle(_ error: ErrorMessage) {
        let text = "error: \(LiveText.safe(error.message))"
        switch error.code {
        case .wrongCode, .kicked, .ended, .full:
            finish(text, status: 1)
        case .nameTaken, .badName:
            finish(text + " Join again with --name NAME.", status: 1)
        default:
            show(text)
        }
    }
}
