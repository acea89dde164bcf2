package import Foundation
package import LecternClass
import LecternCore
package import LecternStore

/// What the host tells the teacher's shell, as it happens.
package enum HostEvent: Sendable, Equatable {
    case notice(TeacherNotice)
    /// Something went wrong on the host's side (the progress file could not be written).
    case problem(String)
    /// When the class produced a question's reveal, before any frame of it was queued:
    /// the start of the fan-out, for the benchmark.
    case revealStarted(question: Int, at: Date)
}

/// Limits that protect the class from one misbehaving connection.
package struct HostLimits: Sendable {
    /// A connection must send its `join` this soon after connecting.
    package var joinTimeout: TimeInterval = 10
    /// Frames a connection may send in a burst, and per second after it.
    package var burst: Double = 30
    package var framesPerSecond: Double = 10
    /// Frames waiting to be written to one connection; a client that stops reading is cut off here.
    package var outboundBacklog = 256
    /// Connections that may wait without a seat, on top of `--max-students`.
    package var spareConnections = 64

    package init() {}
}

/// The class on the server: the pure `LiveClass` behind an actor, with the connections
/// it talks to. Frames come in as text; the class's effects go out as frames, closes,
/// events for the teacher and answers for the progress file.
package actor LiveHost {
    /// One WebSocket connection as the host sees it.
    struct Connection {
        var frames: AsyncStream<String>.Continuation
        /// Finished to cut the connection off at once, without flushing its frames.
        var kill: AsyncStream<Void>.Continuation
        var connectedAt: Date
        var joined = false
        var tokens: Double
        var refilledAt: Date
    }

    private var live: LiveClass
    private let limits: HostLimits
    /// Writes graded answers to the teacher's progress file; nil when nothing is kept.
    package nonisolated let recorder: ClassRecorder?
    private var connections: [ClientID: Connection] = [:]
    private var nextClient: UInt64 = 0
    private let events: AsyncStream<HostEvent>.Continuation
    /// What the teacher's shell reads: notices from students and the clock, in order.
    package nonisolated let eventStream: AsyncStream<HostEvent>
    private let clock: @Sendable () -> Date

    /// A host for `live` that writes answers to `store` (none when nil).
    package init(
        live: LiveClass, store: (any ProgressStorage)?, limits: HostLimits = HostLimits(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.live = live
        self.limits = limits
        self.clock = clock
        let (stream, events) = AsyncStream.makeStream(of: HostEvent.self, bufferingPolicy: .bufferingNewest(10_000))
        eventStream = stream
        self.events = events
        recorder = store.map { ClassRecorder(store: $0, failure: { events.yield(.problem($0)) }) }
    }

    // MARK: - What the shell asks

    package var code: String { live.code }
    package var deckTitle: String { live.deck.title }
    package var questionCount: Int { live.questions.count }
    package var phase: ClassPhase { live.phase }
    package var roster: [LiveClass.RosterEntry] { live.roster }
    package var names: [String] { live.names }
    package var leaderboard: [BoardEntry] { live.leaderboard }
    package var connectionCount: Int { connections.count }
    package var questions: [ClassQuestion] { live.questions }

    package func progress() -> (answered: Int, of: Int, secondsLeft: Int)? {
        live.progress(now: clock())
    }

    /// Runs a teacher's command; its notices are returned (the shell prints them at once)
    /// rather than sent through `eventStream`.
    package func teacher(_ command: TeacherCommand) -> [TeacherNotice] {
        perform(live.handle(.teacher(command), now: clock()), collectingNotices: true)
    }

    // MARK: - Connections

    /// A new connection: its id, the frames to write to it, and a stream that ends when
    /// the host cuts it off without a goodbye.
    func connect() -> (ClientID, frames: AsyncStream<String>, kill: AsyncStream<Void>) {
        nextClient += 1
        let client = ClientID(nextClient)
        let (frames, frameContinuation) = AsyncStream.makeStream(
            of: String.self, bufferingPolicy: .bufferingOldest(limits.outboundBacklog))
        let (kill, killContinuation) = AsyncStream.makeStream(of: Void.self)
        let now = clock()
        let waiting = connections.values.filter { !$0.joined }.count
        connections[client] = Connection(
            frames: frameContinuation, kill: killContinuation, connectedAt: now, tokens: limits.burst, refilledAt: now)
        if waiting >= live.configuration.maxStudents + limits.spareConnections {
            let error = LiveError(.full, "Too many connections are waiting to join; try again in a moment.")
            perform([.send(client, .error(ErrorMessage(error))), .close(client)])
        }
        return (client, frames, kill)
    }

    /// One text frame from a client.
    func receive(_ client: ClientID, text: String) {
        guard connections[client] != nil else { return }
        let now = clock()
        guard takeToken(client, now: now) else {
            let error = LiveError(
                .tooFast, "Too many messages: at most \(Int(limits.framesPerSecond)) a second.")
            perform(live.handle(.unreadable(client, error), now: now))
            return
        }
        guard text.utf8.count <= LiveProtocol.maxFrameBytes else {
            let error = LiveError(.badJSON, "The frame is larger than \(LiveProtocol.maxFrameBytes / 1024) KiB.")
            perform(live.handle(.unreadable(client, error), now: now))
            return
        }
        switch ClientMessage.decode(text) {
        case .failure(let error):
            perform(live.handle(.unreadable(client, error), now: now))
        case .success(.join(let code, let name, let token)):
            perform(live.handle(.join(client, code: code, name: name, token: token), now: now))
        case .success(.answer(let question, let answer)):
            perform(live.handle(.answer(client, question: question, text: answer), now: now))
        case .success(.leave):
            perform(live.handle(.leave(client), now: now))
        case .success(.watch(let code)):
            perform(live.handle(.watch(client, code: code), now: now))
        }
    }

    /// A frame the WebSocket layer could not hand over as text (binary, or too large).
    func receiveUnreadable(_ client: ClientID, _ sentence: String) {
        guard connections[client] != nil else { return }
        perform(live.handle(.unreadable(client, LiveError(.badJSON, sentence)), now: clock()))
    }

    /// The connection is gone (the client closed it or the network dropped it).
    func disconnected(_ client: ClientID) {
        guard let connection = connections.removeValue(forKey: client) else { return }
        connection.frames.finish()
        connection.kill.finish()
        perform(live.handle(.disconnect(client), now: clock()))
    }

    /// The clock: deadlines, the lobby's batched update, and connections that never join.
    package func tick() {
        let now = clock()
        perform(live.handle(.tick, now: now))
        for (client, connection) in connections
        where !connection.joined && now.timeIntervalSince(connection.connectedAt) > limits.joinTimeout {
            let error = LiveError(
                .notJoined, "No join arrived within \(Int(limits.joinTimeout)) seconds: this connection is closed.")
            events.yield(.notice(.clientError(client, name: nil, error)))
            perform([.send(client, .error(ErrorMessage(error))), .close(client)])
        }
    }

    /// Closes every connection (the host is going away).
    package func closeAll() {
        for client in Array(connections.keys) { close(client) }
    }

    // MARK: - Effects

    @discardableResult
    private func perform(_ effects: [LiveEffect], collectingNotices: Bool = false) -> [TeacherNotice] {
        var notices: [TeacherNotice] = []
        for case .teacher(.revealed(let reveal)) in effects {
            events.yield(.revealStarted(question: reveal.question, at: clock()))
        }
        // One question's reveals share most of their text: encoded once, not once per student.
        var reveals = RevealFrameEncoder()
        for effect in effects {
            switch effect {
            case .send(let client, .reveal(let reveal)):
                write(reveals.frame(for: reveal), to: client)
            case .send(let client, let message):
                switch message {
                case .welcome, .watching: connections[client]?.joined = true
                default: break
                }
                write(message.encoded(), to: client)
            case .broadcast(let message, let clients):
                let text = message.encoded()
                for client in clients { write(text, to: client) }
            case .close(let client):
                close(client)
            case .teacher(let notice):
                if collectingNotices { notices.append(notice) } else { events.yield(.notice(notice)) }
            case .store(let record):
                recorder?.record(record)
            }
        }
        return notices
    }

    private func write(_ text: String, to client: ClientID) {
        guard let connection = connections[client] else { return }
        if case .dropped = connection.frames.yield(text) {
            // The client has stopped reading: cut it off rather than hold frames for it.
            connections[client] = nil
            connection.frames.finish()
            connection.kill.finish()
            let error = LiveError(.tooManyErrors, "The connection stopped reading its messages and was closed.")
            events.yield(.notice(.clientError(client, name: nil, error)))
            perform(live.handle(.disconnect(client), now: clock()))
        }
    }

    /// Sends what is queued, then closes; the class already knows.
    private func close(_ client: ClientID) {
        guard let connection = connections.removeValue(forKey: client) else { return }
        connection.frames.finish()
    }

    /// A token bucket per connection: a burst, then a steady rate.
    private func takeToken(_ client: ClientID, now: Date) -> Bool {
        guard var connection = connections[client] else { return false }
        let elapsed = max(0, now.timeIntervalSince(connection.refilledAt))
        connection.tokens = min(limits.burst, connection.tokens + elapsed * limits.framesPerSecond)
        connection.refilledAt = now
        let allowed = connection.tokens >= 1
        if allowed { connection.tokens -= 1 }
        connections[client] = connection
        return allowed
    }
}
